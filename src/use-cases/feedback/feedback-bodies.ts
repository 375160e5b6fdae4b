// What the feedback interactions say: results (a member's own or a report for leads), a lead's team overview,
// a request's confirmation, the thanks after an answer, and the admins' settings.
import type { FeedbackReport } from "../../core/feedback/feedback.ts";
import type { TeamFeedbackOverview } from "../../core/feedback/feedback-admin.ts";
import type { FeedbackAggregate, FeedbackRequestView, FeedbackVisibility } from "../../core/feedback/feedback-model.ts";
import { monthByKey } from "../../core/feedback/feedback-period.ts";
import type { Member } from "../../core/shared/model.ts";
import { command, list, member, msg, type Msg, type Param, when } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";

/** "November 2026" in the reader's language, for a period key such as "2026-11". */
export function monthParam(periodKey: string): Param {
  const month = monthByKey(periodKey, "UTC");
  return month ? when(month.start, "UTC", "month") : periodKey;
}

/** How anonymous answers get into an aggregate (in batches), and whether they are in this one yet. */
export function anonymityNote(aggregate: Pick<FeedbackAggregate, "anonymousShown" | "threshold">): Msg {
  return aggregate.anonymousShown
    ? msg("feedback.anonymity.included", { threshold: aggregate.threshold })
    : msg("feedback.anonymity.withheld", { threshold: aggregate.threshold });
}

/** One line per dimension (a figure, or too few answers yet) and the overall mean; empty when there is nothing to show. */
export function aggregateLines(aggregate: FeedbackAggregate): Block {
  const lines = aggregate.dimensions.map((d) => msg("feedback.aggregate.dimension", { label: d.label, mean: d.mean.toFixed(2), count: d.count }));
  lines.push(...aggregate.withheld.map((d) => msg("feedback.aggregate.notEnough", { label: d.label })));
  if (aggregate.dimensions.length > 0 && aggregate.overall !== null) {
    lines.push(msg("feedback.aggregate.overall", { mean: aggregate.overall.toFixed(2), answers: aggregate.answers }));
  }
  return { kind: "lines", lines, empty: msg("feedback.aggregate.none") };
}

function commentLines(keepDoing: readonly string[], improve: readonly string[]): Msg[] {
  return [
    ...keepDoing.map((text) => msg("feedback.report.keepDoing", { text })),
    ...improve.map((text) => msg("feedback.report.improve", { text })),
  ];
}

export function reportBody(report: FeedbackReport): Body {
  const title = msg("feedback.report.title", {
    self: report.isSelf ? "yes" : "no",
    name: report.subject.displayName,
    month: monthParam(report.aggregate.periodKey),
  });
  const blocks: Block[] = [heading(title), aggregateLines(report.aggregate)];
  for (const n of report.named.slice(0, 20)) {
    const scores = n.ratings.map((r) => `${r.label} ${r.score}`).join(" · ");
    const from = msg("feedback.report.from", { giver: member(n.giver.platformUserId, n.giver.displayName), scores });
    blocks.push({ kind: "lines", lines: [from, ...commentLines(n.keepDoing ? [n.keepDoing] : [], n.improve ? [n.improve] : [])] });
  }
  // One block per released batch, each in its keyed order: a batch is the smallest group a comment is shown in.
  const batches = (report.anonymousComments ?? []).filter((b) => b.keepDoing.length + b.improve.length > 0);
  for (const b of batches) {
    const heading = msg("feedback.report.anonymousComments", { batch: b.batch, batches: batches.length });
    blocks.push({ kind: "lines", lines: [heading, ...commentLines(b.keepDoing, b.improve)] });
  }
  blocks.push(subtle(msg("feedback.report.onlyYou", { note: anonymityNote(report.aggregate) })));
  return { summary: title, blocks };
}

export function teamBody(overview: TeamFeedbackOverview): Body {
  const title = msg("feedback.team.title", { month: monthParam(overview.periodKey), team: overview.team.name });
  const lines = overview.rows.map(({ member: m, aggregate }) => {
    const who = member(m.platformUserId, m.displayName);
    return aggregate.overall === null
      ? msg("feedback.team.rowEmpty", { member: who })
      : msg("feedback.team.row", { member: who, overall: aggregate.overall.toFixed(2), answers: aggregate.answers });
  });
  return {
    summary: title,
    blocks: [
      heading(title),
      { kind: "lines", lines, empty: msg("feedback.team.empty") },
      subtle(msg("feedback.team.footer", { report: command("feedback", "report @agent") })),
    ],
  };
}

export function requestConfirmation(request: FeedbackRequestView): Body {
  const peers = list(request.recipients.map((r) => member(r.peer.platformUserId, r.peer.displayName)));
  return {
    tone: "success",
    blocks: [
      {
        kind: "text",
        text: msg("feedback.request.asking", {
          peers,
          subject: member(request.subject.platformUserId, request.subject.displayName),
          month: monthParam(request.periodKey),
        }),
      },
    ],
  };
}

export function thanksBody(subject: Member, periodKey: string, visibility: FeedbackVisibility): Body {
  return { tone: "celebrate", blocks: [{ kind: "text", text: msg("feedback.thanks", { name: subject.displayName, month: monthParam(periodKey), visibility }) }] };
}
