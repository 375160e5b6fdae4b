// Ephemeral feedback results: an agent's own (or a team member's, for leads) and a lead's team overview.
import type { FeedbackReport } from "../../core/feedback/feedback.ts";
import type { FeedbackAggregate } from "../../core/feedback/feedback-model.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import type { Member } from "../../core/shared/model.ts";
import { escapeMrkdwn, mention, type KnownBlock } from "./format.ts";
import { anonymityNote } from "../../core/shared/wording.ts";
import { aggregateLines } from "./feedback-dm.ts";
import type { SlackMessage } from "./replies.ts";

function quote(text: string): string {
  return `> ${escapeMrkdwn(text).replaceAll("\n", "\n> ")}`;
}

export function feedbackReportMessage(report: FeedbackReport): SlackMessage {
  const whose = report.isSelf ? "Your feedback" : `Feedback for ${report.subject.displayName}`;
  const title = `${whose} — ${monthLabel(report.aggregate.periodKey)}`;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: aggregateLines(report.aggregate) } },
  ];
  for (const n of report.named.slice(0, 20)) {
    const scores = n.ratings.map((r) => `${r.label} ${r.score}`).join(" · ");
    const comments = [n.keepDoing ? `*Keep doing:*\n${quote(n.keepDoing)}` : "", n.improve ? `*Improve:*\n${quote(n.improve)}` : ""].filter(Boolean);
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: [`From ${mention(n.giver)}: ${scores}`, ...comments].join("\n").slice(0, 2900) },
    });
  }
  if (report.anonymousComments) {
    const { keepDoing, improve } = report.anonymousComments;
    const lines = [
      keepDoing.length > 0 ? `*Keep doing:*\n${keepDoing.map(quote).join("\n")}` : "",
      improve.length > 0 ? `*Improve:*\n${improve.map(quote).join("\n")}` : "",
    ].filter(Boolean);
    if (lines.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Anonymous comments* (in no particular order)\n${lines.join("\n")}`.slice(0, 2900) } });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `${anonymityNote(report.aggregate)} Only you can see this.` }] });
  return { text: title, blocks };
}

export function teamFeedbackMessage(periodKey: string, rows: { member: Member; aggregate: FeedbackAggregate }[]): SlackMessage {
  const title = `Team feedback — ${monthLabel(periodKey)}`;
  const lines =
    rows.length === 0
      ? "_Nobody on your team yet._"
      : rows
          .map(({ member, aggregate }) =>
            aggregate.overall === null
              ? `• ${mention(member)}: no feedback to show yet`
              : `• ${mention(member)}: *${aggregate.overall.toFixed(2)}* / 5 from ${aggregate.answers} answers`,
          )
          .join("\n");
  return {
    text: title,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title } },
      { type: "section", text: { type: "mrkdwn", text: lines.slice(0, 2900) } },
      { type: "context", elements: [{ type: "mrkdwn", text: "`/feedback report @agent` for details. Anonymous answers count only once enough people gave them." }] },
    ],
  };
}
