// How the catalogue names each KPI, writes its values in its unit, counts its volume and says how a target
// was pro-rated, in every language.
import type { MessageKey } from "../../i18n/catalogue.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { MetricCode, MetricDefinition, MetricUnit, VolumeNoun } from "./kpi-catalogue.ts";
import type { SpanShare, SpanTarget } from "./target-span.ts";

const LABELS: Record<MetricCode, MessageKey> = {
  csat: "kpi.metric.csat",
  csat_score: "kpi.metric.csatScore",
  first_response_time: "kpi.metric.firstResponseTime",
  resolution_time: "kpi.metric.resolutionTime",
  resolution_rate: "kpi.metric.resolutionRate",
  fcr: "kpi.metric.fcr",
  reopen_rate: "kpi.metric.reopenRate",
  qa_score: "kpi.metric.qaScore",
  churn_saves: "kpi.metric.churnSaves",
  training_participation: "kpi.metric.trainingParticipation",
  tickets_handled: "kpi.metric.ticketsHandled",
  kudos_received: "kpi.metric.kudosReceived",
  peer_feedback: "kpi.metric.peerFeedback",
};

const UNITS: Record<MetricUnit, MessageKey> = {
  percent: "kpi.unit.percent",
  minutes: "kpi.unit.minutes",
  hours: "kpi.unit.hours",
  points: "kpi.unit.points",
  count: "kpi.unit.count",
  rating: "kpi.unit.rating",
};

const VOLUMES: Record<VolumeNoun, MessageKey> = {
  "CSAT responses": "kpi.volume.csatResponses",
  tickets: "kpi.volume.tickets",
  "assigned tickets": "kpi.volume.assignedTickets",
  "resolved tickets": "kpi.volume.resolvedTickets",
  reviews: "kpi.volume.reviews",
  records: "kpi.volume.records",
  "sessions offered": "kpi.volume.sessionsOffered",
  ratings: "kpi.volume.ratings",
};

export function metricLabel(code: MetricCode): Msg {
  return msg(LABELS[code]);
}

/** A value in its unit: "92.5%", "14 min", "4.2/5" (numbers written the reader's way). */
export function metricValue(def: MetricDefinition, value: number): Msg {
  return msg(UNITS[def.unit], { v: value });
}

/** "3 of 5 CSAT responses". */
export function metricVolume(def: MetricDefinition, volume: number, min: number): Msg {
  return msg(VOLUMES[def.volumeNoun], { volume, min });
}

/** "3/7", "(2/31 + 5/30)", "3", "(1/7 + 4 + 1/7)": the shares of target periods a span covers (whole ones counted). */
export function shareText(shares: readonly SpanShare[]): string {
  const terms: string[] = [];
  let whole = 0;
  const flush = () => {
    if (whole > 0) terms.push(String(whole));
    whole = 0;
  };
  for (const s of shares) {
    if (s.days === s.of) whole++;
    else {
      flush();
      terms.push(`${s.days}/${s.of}`);
    }
  }
  flush();
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(" + ")})`;
}

/** " (pro rata: 400 a month × 7/30)" after a pro-rated target; null when the target applies as set. */
export function proRataNote(def: MetricDefinition, goal: SpanTarget | null): Msg | null {
  if (!goal?.proRata) return null;
  return msg("kpi.proRata", { base: metricValue(def, goal.base), per: goal.per, share: shareText(goal.proRata) });
}
