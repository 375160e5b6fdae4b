// The scorecard card, from the same core Scorecard the Slack view renders.
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import { formatMetricValue } from "../../core/kpi/kpi-catalogue.ts";
import type { KudosTotals } from "../../core/shared/model.ts";
import type { KpiLine, Scorecard } from "../../core/kpi/scorecard.ts";
import { COMPOSITE_RULE, kpiChange, kpiExplanation, leftOutNote, teamMedianOf } from "../../core/kpi/scorecard-wording.ts";
import { card, type CardElement, escapeMarkdown, factSet, heading, plural, type TeamsMessage, textBlock } from "./adaptive-card.ts";

function trend(now: number, before: number): string {
  if (now > before) return `▲ from ${before}`;
  if (now < before) return `▼ from ${before}`;
  return "= same as the previous period";
}

function kudosFact(now: KudosTotals["received"], before: KudosTotals["received"]): string {
  return `${plural(now.count, "kudos", "kudos")}, ${plural(now.points, "point")} (${trend(now.points, before.points)})`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function percent(n: number | null): string {
  return n === null ? "—" : `${Math.round(n * 10) / 10}%`;
}

const CHANGE_ARROW = { up: "▲", down: "▼" } as const;

/** " · ▲ from 80% (worse)" since the previous period, and " · team median 85%". */
function kpiContext(line: KpiLine): string {
  const moved = kpiChange(line);
  const trendText = !moved ? "" : moved.change === "same" ? " · = same as before" : ` · ${CHANGE_ARROW[moved.change]} from ${moved.before}${moved.worse ? " (worse)" : ""}`;
  const median = teamMedianOf(line);
  return `${trendText}${median === null ? "" : ` · team median ${median}`}`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function compositeFact(scorecard: Scorecard): string {
  const { score } = scorecard.composite;
  const before = scorecard.previousComposite;
  const moved = score === null || before === null ? "" : ` (${trend(round1(score), round1(before))})`;
  const rank = scorecard.rank ? ` · rank ${scorecard.rank.rank} of ${scorecard.rank.of}` : "";
  return `${percent(score)}${moved}${rank}`;
}

/** How the card's numbers are computed: each KPI's formula and attainment, and the composite's. */
export function scorecardExplanation(scorecard: Scorecard): CardElement[] {
  const leftOut = leftOutNote(scorecard.composite.excluded);
  return [
    textBlock(`How ${scorecard.isSelf ? "your" : `${escapeMarkdown(scorecard.subject.displayName)}'s`} ${scorecard.period.key} scorecard is computed`, {
      weight: "Bolder",
      spacing: "Medium",
    }),
    factSet([
      ...scorecard.lines.map((l): [string, string] => [l.def.label, kpiExplanation(l)]),
      ["Composite", `${COMPOSITE_RULE}: ${scorecard.composite.formula}`],
    ]),
    ...(leftOut ? [textBlock(escapeMarkdown(leftOut), { isSubtle: true })] : []),
  ];
}

export function scorecardCard(scorecard: Scorecard): TeamsMessage {
  const whose = scorecard.isSelf ? "Your scorecard" : `Scorecard for ${scorecard.subject.displayName}`;
  const title = `${whose} — ${scorecard.period.key}`;
  const kpis = scorecard.lines
    .filter((l) => l.aggregate.value !== null || l.target)
    .map((l): [string, string] => {
      if (!l.enough || l.aggregate.value === null) {
        return [l.def.label, `not enough data (${l.aggregate.volume} of ${l.minVolume} ${l.def.volumeNoun})${kpiContext(l)}`];
      }
      const target = l.target ? ` · target ${formatMetricValue(l.def, l.target.target)} · ${percent(l.attainment === null ? null : l.attainment * 100)}` : "";
      return [l.def.label, `${formatMetricValue(l.def, l.aggregate.value)}${target}${kpiContext(l)}`];
    });
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      factSet([
        ["Kudos received", kudosFact(scorecard.kudos.current.received, scorecard.kudos.previous.received)],
        ["Kudos given", kudosFact(scorecard.kudos.current.given, scorecard.kudos.previous.given)],
        ["Composite", compositeFact(scorecard)],
      ]),
      textBlock("KPIs", { weight: "Bolder", spacing: "Medium" }),
      ...(kpis.length === 0 ? [textBlock("No KPI data for this period yet.", { isSubtle: true })] : [factSet(kpis)]),
      ...(scorecard.records.length === 0
        ? []
        : [
            textBlock("KPI records", { weight: "Bolder", spacing: "Medium" }),
            factSet(scorecard.records.map((k): [string, string] => [`${k.metric} ${k.periodDate}`, `${formatNumber(k.value)} (${k.source})`])),
          ]),
      textBlock(escapeMarkdown(scorecard.composite.formula), { isSubtle: true, size: "Small" }),
      textBlock(`Peer feedback — ${monthLabel(scorecard.peerFeedback.periodKey)}`, { weight: "Bolder", spacing: "Medium" }),
      ...(scorecard.peerFeedback.answers === 0 || scorecard.peerFeedback.dimensions.length === 0
        ? [textBlock("No peer feedback to show yet.", { isSubtle: true })]
        : [factSet(scorecard.peerFeedback.dimensions.map((d): [string, string] => [d.label, `${d.mean.toFixed(1)} / 5`]))]),
      textBlock("Only you can see this chat. Scorecards are private to the agent and their leads.", { isSubtle: true, size: "Small" }),
    ]),
  };
}
