// The phrases every post shares, as catalogue messages: periods, scores, KPI values and their changes.
import type { MetricDefinition } from "../../core/kpi/kpi-catalogue.ts";
import type { JudgedSpan } from "../../core/kpi/target-span.ts";
import type { Period } from "../../core/shared/period.ts";
import { member, type MemberRef, msg, type Msg, type Param, when } from "../../i18n/message.ts";
import type { Member } from "../../core/shared/model.ts";
import type { Locale } from "../../i18n/locale.ts";
import { localize } from "../../i18n/localize.ts";
import { PLAIN, spell } from "../../i18n/spell.ts";

/** A message as plain text (a link's text, a chart's labels). */
export function plainText(message: Msg, locale: Locale): string {
  return spell(localize(message, locale), PLAIN);
}

/** A member, mentioned where the surface can (names on plain-text surfaces). */
export function who(m: Pick<Member, "platformUserId" | "displayName">): MemberRef {
  return member(m.platformUserId, m.displayName);
}

/** "2026-W47 (16 Nov – 22 Nov 2026)", in the period's own time zone. */
export function periodParam(period: Period): Msg {
  const lastDay = new Date(period.end.getTime() - 1);
  return msg("post.period", {
    key: period.key,
    from: when(period.start, period.timeZone, "dayMonth"),
    to: when(lastDay, period.timeZone, "date"),
  });
}

/** The period a post judged: "2026-W47 (16 Nov – 22 Nov 2026)", or "2026-W47 so far (…, day 3 of 7)" while it runs. */
export function spanParam(span: JudgedSpan): Msg {
  if (span.status !== "so_far") return periodParam(span.period);
  const { period } = span;
  return msg("post.periodSoFar", {
    key: period.key,
    from: when(period.start, period.timeZone, "dayMonth"),
    to: when(new Date(period.end.getTime() - 1), period.timeZone, "date"),
    day: span.days,
    days: span.totalDays,
  });
}

/** Messages joined with " · " (or ", "). */
export function joined(parts: readonly Param[], key: "post.dot" | "post.comma"): Msg {
  const [first = "", ...rest] = parts;
  return rest.reduce<Msg>((acc, p) => msg(key, { first: acc, second: p }), msg("post.text", { text: first }));
}

export function dotted(parts: readonly Param[]): Msg {
  return joined(parts, "post.dot");
}

/** A 0–100 score: "87.5%". */
export function scorePct(score: number): Msg {
  return msg("post.pct", { value: (Math.round(score * 10) / 10).toString() });
}

/** Composite points between two weeks: "+2.5 pts", "−1 pt". */
export function signedPoints(delta: number): Msg {
  return msg("digest.signedPoints", { negative: delta < 0 ? "yes" : "no", value: Math.round(Math.abs(delta) * 10) / 10 });
}

/** "▲ +2.5 pts vs last week", "no score last week"; null without a current score. */
export function compositeChange(current: number | null, previous: number | null): Msg | null {
  if (current === null) return null;
  if (previous === null) return msg("digest.change.none");
  const delta = current - previous;
  if (Math.abs(delta) < 0.05) return msg("digest.change.same");
  return msg("digest.change.delta", { up: delta > 0 ? "yes" : "no", points: signedPoints(delta) });
}

/** A KPI's name in the reader's language. */
export function kpiName(def: MetricDefinition): Msg {
  return msg("kpi.name", { metric: def.code });
}

const VOLUME_NOUN: Record<string, string> = {
  "CSAT responses": "csat",
  tickets: "tickets",
  "assigned tickets": "assigned",
  "resolved tickets": "resolved",
  reviews: "reviews",
  "sessions offered": "sessions",
  ratings: "ratings",
};

/** What a KPI's minimum volume counts ("tickets", "CSAT responses"). */
export function volumeNoun(def: MetricDefinition): Msg {
  return msg("kpi.volume", { noun: VOLUME_NOUN[def.volumeNoun] ?? "records" });
}

/** A KPI value as people read it: "92.5%", "14 min", "4.2/5". */
export function kpiValue(def: MetricDefinition, value: number): Msg {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
  return msg("kpi.value", { unit: def.unit, value: rounded });
}

/** "3 kudos". */
export function kudosCount(count: number): Msg {
  return msg("post.kudos", { count });
}
