// Messages the domain asks a platform to deliver. Renderers (Block Kit, Adaptive Cards) turn each kind
// into the platform's format; the domain never builds platform payloads.
import type { GiftView } from "./ports.ts";
import type { WeeklyDigest } from "../digests/digest.ts";
import type { LeaderboardPost } from "../awards/leaderboard-post.ts";
import type { MonthlyAwards } from "../awards/awards-post.ts";
import type { RunMarker } from "./ports.ts";
import type { LeadDigest } from "../digests/lead-digest.ts";
import type { Member } from "./model.ts";

export type OutboundMessage =
  | { kind: "shoutout"; gift: GiftView }
  | { kind: "weekly_digest"; digest: WeeklyDigest; marker: RunMarker }
  | { kind: "leaderboard_post"; post: LeaderboardPost; marker: RunMarker }
  | { kind: "awards_post"; awards: MonthlyAwards; marker: RunMarker }
  /** Private: sent to one lead by direct message, never to a channel. */
  | { kind: "lead_digest"; digest: LeadDigest; marker: RunMarker }
  | { kind: "kudos_received"; gift: GiftView; recipient: Member }
  | { kind: "kudos_lead_note"; gift: GiftView; recipient: Member };
