// The scorecard, said once for every surface: kudos against the previous period, each KPI's value against its
// target (attainment, trend, team median), the composite with its formula and the rank, the period's KPI
// records, peer feedback under the anonymity rules, and the buttons (previous / next / explain / send).
import { list, msg, type Msg, when } from "../../i18n/message.ts";
import { compositeFormula, kpiExplanation, kpiLine, leftOutNote } from "../../core/kpi/scorecard-wording.ts";
import type { Scorecard } from "../../core/kpi/scorecard.ts";
import { periodKind } from "../../core/shared/review-period.ts";
import { type Block, type Body, type Button, heading, subtle } from "../body.ts";

export const SCORECARD_ACTIONS = {
  previous: "scorecard.previous",
  next: "scorecard.next",
  explain: "scorecard.explain",
  send: "scorecard.send",
} as const;

/** "Your scorecard — week 2026-W47 so far (16 Nov – 22 Nov 2026, day 3 of 7)" while the period runs. */
export function scorecardTitle(card: Scorecard): Msg {
  const { period, span } = card;
  return msg("scorecard.title", {
    self: card.isSelf ? "yes" : "no",
    name: card.subject.displayName,
    kind: periodKind(period),
    key: period.key,
    from: when(period.start, period.timeZone, "dayMonth"),
    to: when(new Date(period.end.getTime() - 1), period.timeZone, "date"),
    soFar: span.status === "so_far" ? "yes" : "no",
    day: span.days,
    days: span.totalDays,
  });
}

function change(now: number, before: number, kind: string, shown: (n: number) => Msg | number = (n) => n): Msg {
  return msg("scorecard.change", { change: now > before ? "up" : now < before ? "down" : "same", before: shown(before), kind });
}

function kudosLines(card: Scorecard, kind: string): Msg[] {
  const { current, previous } = card.received;
  const given = card.kudos.current.given;
  const lines = [
    msg("scorecard.kudos.received", { count: current.peer.count, points: current.peer.points, trend: change(current.peer.points, previous.peer.points, kind) }),
    msg("scorecard.kudos.customer", { count: current.customer.count, trend: change(current.customer.count, previous.customer.count, kind) }),
    msg("scorecard.kudos.given", { count: given.count, points: given.points, trend: change(given.points, card.kudos.previous.given.points, kind) }),
  ];
  if (current.topValues.length > 0) {
    const values = current.topValues.map((v) => msg("scorecard.kudos.topValue", { value: v.value, count: v.count }));
    lines.push(msg("scorecard.kudos.topValues", { values: list(values) }));
  }
  return lines;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function compositeLine(card: Scorecard, kind: string): Msg {
  const { score } = card.composite;
  if (score === null) return msg("scorecard.composite.none");
  const before = card.previousComposite;
  return msg("scorecard.composite", {
    score,
    hasTrend: before === null ? "no" : "yes",
    trend: before === null ? null : change(round1(score), round1(before), kind),
    hasRank: card.rank ? "yes" : "no",
    rank: card.rank?.rank ?? 0,
    of: card.rank?.of ?? 0,
  });
}

function recordLines(card: Scorecard): Msg[] {
  return card.records.map((r) =>
    msg("scorecard.records.line", {
      metric: r.metric,
      date: r.periodDate,
      value: msg("scorecard.records.value", { integer: Number.isInteger(r.value) ? "yes" : "no", value: r.value }),
      source: r.source,
    }),
  );
}

/** "Peer feedback — November 2026" ("同事反馈 — 2026年11月"): the month a "YYYY-MM" key names. */
function feedbackTitle(periodKey: string): Msg {
  const [year, month] = periodKey.split("-").map(Number);
  const named = year && month ? when(new Date(Date.UTC(year, month - 1, 15)), "UTC", "month") : periodKey;
  return msg("scorecard.feedback.heading", { month: named });
}

/** Peer feedback as /feedback shows it: named answers, plus anonymous ones only past the threshold. */
function feedbackBlocks(feedback: Scorecard["peerFeedback"]): Block[] {
  const blocks: Block[] = [heading(feedbackTitle(feedback.periodKey))];
  if (feedback.answers === 0 || feedback.dimensions.length === 0) {
    return [...blocks, { kind: "lines", lines: [], empty: msg("scorecard.feedback.empty") }];
  }
  const dimensions = list(feedback.dimensions.map((d) => msg("scorecard.feedback.dimension", { label: d.label, mean: d.mean })));
  const lines = [
    msg("scorecard.feedback.summary", {
      dimensions,
      hasOverall: feedback.overall === null ? "no" : "yes",
      overall: feedback.overall ?? 0,
      answers: feedback.answers,
    }),
  ];
  if (!feedback.anonymousShown) lines.push(msg("scorecard.feedback.anonymousHidden", { threshold: feedback.threshold }));
  return [...blocks, { kind: "lines", lines }];
}

/** How the card's numbers are computed: each KPI's formula and attainment, and the composite's. */
function explanationBlocks(card: Scorecard): Block[] {
  const formula = compositeFormula(card.composite);
  const leftOut = leftOutNote(card.composite.excluded);
  return [
    { kind: "divider" },
    heading(msg("scorecard.explain.heading", { self: card.isSelf ? "yes" : "no", name: card.subject.displayName, key: card.period.key })),
    { kind: "lines", lines: [...card.lines.map(kpiExplanation), msg("scorecard.explain.composite"), formula ?? msg("scorecard.explain.noComposite")] },
    ...(leftOut ? [subtle(leftOut)] : []),
  ];
}

/** What every scorecard button carries: whose card (member id) and which period is shown. */
export function scorecardButtons(card: Scorecard, options: { explained: boolean }): Button[] {
  const data = { m: card.subject.id, p: card.period.key };
  return [
    { action: SCORECARD_ACTIONS.previous, label: msg("scorecard.button.previous", { key: card.previous.key }), data },
    { action: SCORECARD_ACTIONS.next, label: msg("scorecard.button.next"), data },
    ...(options.explained ? [] : [{ action: SCORECARD_ACTIONS.explain, label: msg("scorecard.button.explain"), data }]),
    ...(card.isSelf ? [] : [{ action: SCORECARD_ACTIONS.send, label: msg("scorecard.button.send"), data }]),
  ];
}

export function scorecardBody(card: Scorecard, options: { explained?: boolean } = {}): Body {
  const kind = periodKind(card.period);
  const title = scorecardTitle(card);
  const formula = compositeFormula(card.composite);
  const blocks: Block[] = [
    heading(title),
    ...(card.level ? [{ kind: "text", text: msg("scorecard.level", { level: card.level }) } satisfies Block] : []),
    { kind: "lines", lines: kudosLines(card, kind) },
    heading(msg("scorecard.kpis.heading")),
    { kind: "lines", lines: card.lines.map(kpiLine), empty: msg("scorecard.kpis.empty") },
    { kind: "text", text: compositeLine(card, kind) },
    ...(formula && !options.explained ? [subtle(formula)] : []),
    heading(msg("scorecard.records.heading", { kind })),
    { kind: "lines", lines: recordLines(card), empty: msg("scorecard.records.empty", { kind }) },
    ...feedbackBlocks(card.peerFeedback),
    ...(options.explained ? explanationBlocks(card) : []),
    { kind: "buttons", id: "scorecard_buttons", buttons: scorecardButtons(card, { explained: options.explained ?? false }) },
    subtle(msg("scorecard.footer")),
  ];
  return { summary: title, blocks };
}

