// What Spur takes from a helpdesk event, whatever the product: the agent, the ticket, KPI observations
// and, for a satisfaction rating, the score and comment. A 5-star rating with a comment is customer kudos.
import type { MetricCode } from "./kpi-catalogue.ts";
import type { IngestDeps } from "./kpi-ingest.ts";
import { ingestKpiRecords } from "./kpi-ingest.ts";
import type { CustomerKudosWriter, UpsertCounts } from "./kpi-ports.ts";
import { customerKudosFollowUps } from "../recognition/gift-follow-ups.ts";
import type { Member, Team } from "../shared/model.ts";
import { localDate } from "../shared/period.ts";

export interface HelpdeskObservation {
  metric: MetricCode;
  value?: number;
  numerator?: number;
  denominator?: number;
}

export interface HelpdeskEvent {
  provider: string;
  /** Unique per event kind and ticket, e.g. "ticket:123"; re-deliveries store nothing new. */
  ref: string;
  agent: { externalId: string | null; email: string | null };
  occurredAt: Date;
  observations: HelpdeskObservation[];
  /** 1–5; `binary` for good/bad surveys, which count towards CSAT but have no meaningful mean. */
  rating: { score: number; comment: string | null; binary?: boolean } | null;
}

export interface HelpdeskIngestDeps extends IngestDeps {
  customerKudos: CustomerKudosWriter;
  teamOf(member: Member): Promise<Team | null>;
  /** Whether the workspace announces customer kudos in the recipient team's channel. */
  customerShoutouts(workspaceId: string): Promise<boolean>;
}

export type HelpdeskOutcome =
  | { status: "stored"; counts: UpsertCounts; customerKudos: boolean; rejections: string[] }
  | { status: "unknown_agent"; agent: HelpdeskEvent["agent"] }
  | { status: "ignored"; reason: string };

/** A 1–5 rating counts as satisfied at 4 or 5 (CSAT = share of 4–5 ratings); its mean is kept too. */
export function csatObservations(rating: NonNullable<HelpdeskEvent["rating"]>): HelpdeskObservation[] {
  const csat: HelpdeskObservation = { metric: "csat", numerator: rating.score >= 4 ? 1 : 0, denominator: 1 };
  return rating.binary ? [csat] : [csat, { metric: "csat_score", value: rating.score }];
}

export async function ingestHelpdeskEvent(deps: HelpdeskIngestDeps, workspaceId: string, event: HelpdeskEvent): Promise<HelpdeskOutcome> {
  if (event.observations.length === 0 && !event.rating) return { status: "ignored", reason: "nothing Spur measures in this event" };
  const { externalId, email } = event.agent;
  const mapped = externalId ? (await deps.members.byHelpdeskIds(workspaceId, event.provider, [externalId])).get(externalId) : undefined;
  const member = mapped ?? (email ? (await deps.members.byEmails(workspaceId, [email.toLowerCase()])).get(email.toLowerCase()) : undefined);
  if (!member) return { status: "unknown_agent", agent: event.agent };

  const team = await deps.teamOf(member);
  const date = localDate(event.occurredAt, team?.timeZone ?? "UTC");
  const observations = [...event.observations, ...(event.rating ? csatObservations(event.rating) : [])];
  const result = await ingestKpiRecords(deps, {
    workspaceId,
    defaultSource: event.provider,
    records: observations.map((o) => ({ member_id: member.id, date, ref: event.ref, ...o })),
  });
  const comment = event.rating?.comment?.trim();
  let customerKudos = false;
  if (event.rating?.score === 5 && !event.rating.binary && comment) {
    const announce = await deps.customerShoutouts(workspaceId);
    const gift = await deps.customerKudos.record(
      { workspaceId, recipient: member, comment, ref: event.ref, source: event.provider, givenAt: event.occurredAt },
      (giftId) => customerKudosFollowUps({ giftId }, { announce, teamChannelId: team?.channelId ?? null }),
    );
    customerKudos = gift.created;
  }
  return { status: "stored", counts: result, customerKudos, rejections: result.rejections.map((r) => r.reason) };
}
