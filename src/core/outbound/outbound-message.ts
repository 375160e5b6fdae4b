// Messages the domain asks a platform to deliver. Renderers (Block Kit, Adaptive Cards) turn each kind
// into the platform's format; the domain never builds platform payloads. The union names the features'
// posts, so it lives above them (core/shared must not depend on features), and the notifier with it.
import type { MonthlyAwards } from "../awards/awards-post.ts";
import type { LeaderboardPost } from "../awards/leaderboard-post.ts";
import type { WeeklyDigest } from "../digests/digest.ts";
import type { LeadDigest } from "../digests/lead-digest.ts";
import type { Member } from "../shared/model.ts";
import type { GiftView, RunMarker } from "../shared/ports.ts";

export type OutboundMessage =
  | { kind: "shoutout"; gift: GiftView }
  | { kind: "weekly_digest"; digest: WeeklyDigest; marker: RunMarker }
  | { kind: "leaderboard_post"; post: LeaderboardPost; marker: RunMarker }
  | { kind: "awards_post"; awards: MonthlyAwards; marker: RunMarker }
  /** Private: sent to one lead by direct message, never to a channel. */
  | { kind: "lead_digest"; digest: LeadDigest; marker: RunMarker }
  | { kind: "kudos_received"; gift: GiftView; recipient: Member }
  | { kind: "kudos_lead_note"; gift: GiftView; recipient: Member };
