// The /scorecard view and its "explain" companion.
import type { KnownBlock } from "./format.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import { formatMetricValue } from "../../core/kpi/kpi-catalogue.ts";
import type { KudosTotals } from "../../core/shared/model.ts";
import { periodKind } from "../../core/shared/review-period.ts";
import type { KpiLine, Scorecard } from "../../core/kpi/scorecard.ts";
import { COMPOSITE_RULE, kpiChange, kpiExplanation, leftOutNote, teamMedianOf } from "../../core/kpi/scorecard-wording.ts";
import { escapeMrkdwn, mention, periodLabel, plural } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export const SCORECARD_ACTIONS = { previous: "scorecard_previous", next: "scorecard_next", explain: "scorecard_explain" } as const;

/** What a scorecard button carries: whose card and which period. */
export function scorecardButtonValue(subjectId: string, periodKey: string): string {
  return JSON.stringify({ m: subjectId, p: periodKey });
}

function trend(now: number, before: number, kind: string): string {
  if (now > before) return `:arrow_up: from ${before}`;
  if (now < before) return `:arrow_down: from ${before}`;
  return `:left_right_arrow: same as last ${kind}`;
}

function kudosLine(label: string, now: KudosTotals["received"], before: KudosTotals["received"], kind: string): string {
  return `*${label}:* ${plural(now.count, "kudos", "kudos")}, ${plural(now.points, "point")} (${trend(now.points, before.points, kind)})`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const round1 = (x: number) => Math.round(x * 10) / 10;

const CHANGE_EMOJI = { up: ":arrow_up:", down: ":arrow_down:" } as const;

function kpiTrend(line: KpiLine): string {
  const moved = kpiChange(line);
  if (!moved) return "";
  if (moved.change === "same") return ` · :left_right_arrow: same as before`;
  return ` · ${CHANGE_EMOJI[moved.change]} from ${moved.before}${moved.worse ? " :small_red_triangle_down:" : ""}`;
}

function kpiLine(line: KpiLine): string {
  const head = `• *${line.def.label}*`;
  const teamMedian = teamMedianOf(line);
  const median = teamMedian === null ? "" : ` · team median ${teamMedian}`;
  if (!line.enough || line.aggregate.value === null) {
    return `${head}: _not enough data_ (${line.aggregate.volume} of ${line.minVolume} ${line.def.volumeNoun})${median}`;
  }
  const target = line.target
    ? ` · target ${formatMetricValue(line.def, line.target.target)} · attainment ${pct(line.attainment ?? 0)}`
    : " · no target";
  return `${head}: *${formatMetricValue(line.def, line.aggregate.value)}*${target}${kpiTrend(line)}${median}`;
}

export function scorecardMessage(card: Scorecard, options: { canSend?: boolean } = {}): SlackMessage {
  const kind = periodKind(card.period);
  const whose = card.isSelf ? "Your scorecard" : `Scorecard for ${escapeMrkdwn(card.subject.displayName)}`;
  const title = `${whose} — ${kind} ${periodLabel(card.period)}`;
  const { current, previous } = card.received;
  const topValues = current.topValues.map((v) => `#${escapeMrkdwn(v.value)} (${v.count})`).join(", ");
  const records =
    card.records.length === 0
      ? `_No KPI records for this ${kind} yet._`
      : card.records.map((k) => `• \`${k.metric}\` ${k.periodDate}: *${formatNumber(k.value)}* _(${escapeMrkdwn(k.source)})_`).join("\n");
  const composite =
    card.composite.score === null
      ? "*Composite score:* _not enough data or no targets yet_"
      : `*Composite score:* *${card.composite.score.toFixed(1)}*` +
        (card.previousComposite === null ? "" : ` (${trend(round1(card.composite.score), round1(card.previousComposite), kind)})`) +
        (card.rank ? ` — rank ${card.rank.rank} of ${card.rank.of} in the team` : "");
  const value = (key: string) => scorecardButtonValue(card.subject.id, key);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          card.isSelf ? "" : mention(card.subject),
          kudosLine("Kudos received", current.peer, previous.peer, kind),
          `*Customer kudos:* ${current.customer.count} (${trend(current.customer.count, previous.customer.count, kind)})`,
          kudosLine("Kudos given", card.kudos.current.given, card.kudos.previous.given, kind),
          topValues ? `*Top values:* ${topValues}` : "",
        ]
          .filter(Boolean)
          .join("\n"),
      },
    },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*KPIs*\n${card.lines.length === 0 ? "_No KPIs or targets yet._" : card.lines.map(kpiLine).join("\n")}\n${composite}` },
    },
    { type: "section", text: { type: "mrkdwn", text: `*KPI records this ${kind}*\n${records}`.slice(0, 3000) } },
    { type: "section", text: { type: "mrkdwn", text: peerFeedbackText(card.peerFeedback) } },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: SCORECARD_ACTIONS.previous, text: { type: "plain_text", text: `◀ ${card.previous.key}` }, value: value(card.period.key) },
        { type: "button", action_id: SCORECARD_ACTIONS.next, text: { type: "plain_text", text: "Next ▶" }, value: value(card.period.key) },
        { type: "button", action_id: SCORECARD_ACTIONS.explain, text: { type: "plain_text", text: "Explain" }, value: value(card.period.key) },
        ...(options.canSend
          ? [{ type: "button" as const, action_id: "scorecard_send", text: { type: "plain_text" as const, text: "Send to agent" }, value: value(card.period.key) }]
          : []),
      ],
    },
    { type: "context", elements: [{ type: "mrkdwn", text: "Only you can see this. Scorecards are private to the agent and their leads." }] },
  ];
  return { text: title, blocks };
}

function explainLine(line: KpiLine): string {
  return `• *${line.def.label}* ${kpiExplanation(line)}`;
}

export function scorecardExplanation(card: Scorecard): SlackMessage {
  const leftOut = leftOutNote(card.composite.excluded);
  const text = [
    `*How ${card.isSelf ? "your" : `${escapeMrkdwn(card.subject.displayName)}'s`} ${card.period.key} scorecard is computed*`,
    ...card.lines.map(explainLine),
    `*Composite* = ${COMPOSITE_RULE}:`,
    card.composite.formula,
    leftOut ? `_${leftOut}_` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return { text: `How the ${card.period.key} scorecard is computed`, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }] };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Peer feedback as /feedback shows it: named answers, plus anonymous ones only past the threshold. */
function peerFeedbackText(feedback: Scorecard["peerFeedback"]): string {
  const title = `*Peer feedback — ${monthLabel(feedback.periodKey)}*`;
  if (feedback.answers === 0 || feedback.dimensions.length === 0) return `${title}\n_No peer feedback to show yet._`;
  const dims = feedback.dimensions.map((d) => `${escapeMrkdwn(d.label)} *${d.mean.toFixed(1)}*`).join(" · ");
  const overall = feedback.overall === null ? "" : ` — overall *${feedback.overall.toFixed(1)}* / 5`;
  const anonymity = feedback.anonymousShown ? "" : ` Anonymous answers count once ${feedback.threshold} people have given them.`;
  return `${title}\n${dims}${overall} (${feedback.answers} ${feedback.answers === 1 ? "answer" : "answers"}).${anonymity}`;
}
