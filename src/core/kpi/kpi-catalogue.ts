// The KPI catalogue: what each metric means, its unit, which way is better, and how a period aggregates it.
// Ratios are stored as numerator/denominator so a month is Σnumerators ÷ Σdenominators, never a mean of
// daily percentages; times are medians of per-ticket observations.

export type MetricUnit = "percent" | "minutes" | "hours" | "points" | "count" | "rating";
export type Direction = "higher" | "lower";
/** mean: Σ(value·weight) ÷ Σweight (weight = denominator, else 1); median of values; ratio of sums; sum. */
export type Aggregation = "mean" | "median" | "ratio" | "sum";

/** What the minimum-volume guard counts. */
export type VolumeNoun =
  | "CSAT responses"
  | "tickets"
  | "assigned tickets"
  | "resolved tickets"
  | "reviews"
  | "records"
  | "sessions offered"
  | "ratings";

export interface MetricDefinition {
  code: MetricCode;
  label: string;
  unit: MetricUnit;
  direction: Direction;
  aggregation: Aggregation;
  /** What the minimum-volume guard counts, e.g. "tickets" or "CSAT responses". */
  volumeNoun: VolumeNoun;
  /** Below this many events the KPI shows "not enough data" and is not ranked (a team may override it). */
  minVolume: number;
  /** Computed by Spur from its own data rather than ingested. */
  internal?: boolean;
}

export const METRIC_CODES = [
  "csat",
  "csat_score",
  "first_response_time",
  "resolution_time",
  "resolution_rate",
  "fcr",
  "reopen_rate",
  "qa_score",
  "churn_saves",
  "training_participation",
  "tickets_handled",
  "kudos_received",
  "peer_feedback",
] as const;
export type MetricCode = (typeof METRIC_CODES)[number];

const defs: MetricDefinition[] = [
  { code: "csat", label: "CSAT", unit: "percent", direction: "higher", aggregation: "ratio", volumeNoun: "CSAT responses", minVolume: 5 },
  { code: "csat_score", label: "CSAT mean rating", unit: "rating", direction: "higher", aggregation: "mean", volumeNoun: "CSAT responses", minVolume: 5 },
  { code: "first_response_time", label: "First response time", unit: "minutes", direction: "lower", aggregation: "median", volumeNoun: "tickets", minVolume: 20 },
  { code: "resolution_time", label: "Resolution time", unit: "hours", direction: "lower", aggregation: "median", volumeNoun: "tickets", minVolume: 20 },
  { code: "resolution_rate", label: "Resolution rate", unit: "percent", direction: "higher", aggregation: "ratio", volumeNoun: "assigned tickets", minVolume: 20 },
  { code: "fcr", label: "First-contact resolution", unit: "percent", direction: "higher", aggregation: "ratio", volumeNoun: "resolved tickets", minVolume: 20 },
  { code: "reopen_rate", label: "Reopen rate", unit: "percent", direction: "lower", aggregation: "ratio", volumeNoun: "resolved tickets", minVolume: 20 },
  { code: "qa_score", label: "QA score", unit: "points", direction: "higher", aggregation: "mean", volumeNoun: "reviews", minVolume: 3 },
  { code: "churn_saves", label: "Churn saves", unit: "count", direction: "higher", aggregation: "sum", volumeNoun: "records", minVolume: 0 },
  { code: "training_participation", label: "Training participation", unit: "percent", direction: "higher", aggregation: "ratio", volumeNoun: "sessions offered", minVolume: 1 },
  { code: "tickets_handled", label: "Tickets handled", unit: "count", direction: "higher", aggregation: "sum", volumeNoun: "records", minVolume: 0 },
  { code: "kudos_received", label: "Kudos received", unit: "count", direction: "higher", aggregation: "sum", volumeNoun: "records", minVolume: 0, internal: true },
  { code: "peer_feedback", label: "Peer feedback", unit: "rating", direction: "higher", aggregation: "mean", volumeNoun: "ratings", minVolume: 3 },
];

export const METRICS: ReadonlyMap<MetricCode, MetricDefinition> = new Map(defs.map((d) => [d.code, d]));

export function isMetricCode(code: string): code is MetricCode {
  return (METRIC_CODES as readonly string[]).includes(code);
}

/**
 * A volume is a KPI summed over the period (tickets handled, churn saves, kudos received): it grows with the
 * span, so its target is pro-rated to the span viewed. Ratios, means and medians (rates, scores, times) do not.
 */
export function isVolumeMetric(def: MetricDefinition): boolean {
  return def.aggregation === "sum";
}

export function metric(code: MetricCode): MetricDefinition {
  const def = METRICS.get(code);
  if (!def) throw new RangeError(`Unknown metric: ${code}`);
  return def;
}

const UNIT_SUFFIX: Record<MetricUnit, string> = { percent: "%", minutes: " min", hours: " h", points: " pts", count: "", rating: "/5" };

/** A value as people read it: "92.5%", "14 min", "4.2/5". */
export function formatMetricValue(def: MetricDefinition, value: number): string {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
  return `${rounded}${UNIT_SUFFIX[def.unit]}`;
}
