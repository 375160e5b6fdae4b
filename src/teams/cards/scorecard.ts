// The scorecard card, from the same core Scorecard the Slack view renders.
import type { KudosTotals } from "../../core/model.ts";
import type { Scorecard } from "../../core/scorecard.ts";
import { card, escapeMarkdown, factSet, heading, periodLabel, plural, type TeamsMessage, textBlock } from "./adaptive-card.ts";

function trend(now: number, before: number): string {
  if (now > before) return `▲ from ${before}`;
  if (now < before) return `▼ from ${before}`;
  return "= same as last week";
}

function kudosFact(now: KudosTotals["received"], before: KudosTotals["received"]): string {
  return `${plural(now.count, "kudos", "kudos")}, ${plural(now.points, "point")} (${trend(now.points, before.points)})`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function scorecardCard(scorecard: Scorecard): TeamsMessage {
  const whose = scorecard.isSelf ? "Your scorecard" : `Scorecard for ${scorecard.subject.displayName}`;
  const title = `${whose} — week ${periodLabel(scorecard.week)}`;
  const kpis =
    scorecard.kpis.length === 0
      ? [textBlock("No KPI records for this week yet.", { isSubtle: true })]
      : [factSet(scorecard.kpis.map((k) => [`${k.metric} ${k.periodDate}`, `${formatNumber(k.value)} (${k.source})`]))];
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      factSet([
        ["Kudos received", kudosFact(scorecard.kudos.week.received, scorecard.kudos.previous.received)],
        ["Kudos given", kudosFact(scorecard.kudos.week.given, scorecard.kudos.previous.given)],
      ]),
      textBlock("KPIs this week", { weight: "Bolder", spacing: "Medium" }),
      ...kpis,
      textBlock("Only you can see this chat. Scorecards are private to the agent and their leads.", { isSubtle: true, size: "Small" }),
    ]),
  };
}
