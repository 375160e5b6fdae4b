// The /scorecard view.
import type { KnownBlock } from "./format.ts";
import type { KudosTotals } from "../../core/model.ts";
import type { Scorecard } from "../../core/scorecard.ts";
import { escapeMrkdwn, mention, periodLabel, plural } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

function trend(now: number, before: number): string {
  if (now > before) return `:arrow_up: from ${before}`;
  if (now < before) return `:arrow_down: from ${before}`;
  return `:left_right_arrow: same as last week`;
}

function kudosLine(label: string, now: KudosTotals["received"], before: KudosTotals["received"]): string {
  return `*${label}:* ${plural(now.count, "kudos", "kudos")}, ${plural(now.points, "point")} (${trend(now.points, before.points)})`;
}

export function scorecardMessage(card: Scorecard): SlackMessage {
  const whose = card.isSelf ? "Your scorecard" : `Scorecard for ${escapeMrkdwn(card.subject.displayName)}`;
  const title = `${whose} — week ${periodLabel(card.week)}`;
  const kpiLines =
    card.kpis.length === 0
      ? "_No KPI records for this week yet._"
      : card.kpis.map((k) => `• \`${k.metric}\` ${k.periodDate}: *${formatNumber(k.value)}* _(${escapeMrkdwn(k.source)})_`).join("\n");
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          card.isSelf ? "" : `${mention(card.subject)}`,
          kudosLine("Kudos received", card.kudos.week.received, card.kudos.previous.received),
          kudosLine("Kudos given", card.kudos.week.given, card.kudos.previous.given),
        ]
          .filter(Boolean)
          .join("\n"),
      },
    },
    { type: "section", text: { type: "mrkdwn", text: `*KPIs this week*\n${kpiLines}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: "Only you can see this. Scorecards are private to the agent and their leads." }] },
  ];
  return { text: title, blocks };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
