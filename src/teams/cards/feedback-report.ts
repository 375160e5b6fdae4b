// Peer feedback results: a member's own (or a team member's, for leads) and a lead's team overview, from the
// same core reports as Slack's (anonymity threshold included).
import type { FeedbackReport } from "../../core/feedback/feedback.ts";
import type { TeamFeedbackOverview } from "../../core/feedback/feedback-admin.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import { card, escapeMarkdown, factSet, heading, type TeamsMessage, textBlock } from "./adaptive-card.ts";

export function feedbackReportCard(report: FeedbackReport): TeamsMessage {
  const whose = report.isSelf ? "Your peer feedback" : `Peer feedback for ${report.subject.displayName}`;
  const title = `${whose} — ${monthLabel(report.aggregate.periodKey)}`;
  const dims = report.aggregate.dimensions.map((d): [string, string] => [d.label, `${d.mean.toFixed(1)} / 5 (${d.count})`]);
  const note = report.aggregate.anonymousShown
    ? `${report.aggregate.answers} answers.`
    : `${report.aggregate.answers} named answers; anonymous answers appear once ${report.aggregate.threshold} people have answered anonymously.`;
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      ...(dims.length === 0 ? [textBlock("No feedback yet this month.", { isSubtle: true })] : [factSet(dims)]),
      textBlock(note, { isSubtle: true, size: "Small" }),
    ]),
  };
}

export function teamFeedbackCard(overview: TeamFeedbackOverview): TeamsMessage {
  const title = `Team feedback — ${monthLabel(overview.periodKey)}`;
  const rows = overview.rows.map(({ member, aggregate }): [string, string] => [
    member.displayName,
    aggregate.overall === null ? "no feedback to show yet" : `${aggregate.overall.toFixed(2)} / 5 from ${aggregate.answers} answers`,
  ]);
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      ...(rows.length === 0 ? [textBlock("Nobody on your team yet.", { isSubtle: true })] : [factSet(rows)]),
      textBlock("`feedback report @agent` for details. Anonymous answers count only once enough people gave them.", { isSubtle: true, size: "Small" }),
    ]),
  };
}
