// The feedback command (Slack: the slash command; Teams: the message word): open the form on a teammate, request feedback (leads), see
// results (your own, a report, your team), and the admins' dimensions and threshold.
import type { JobDispatch } from "../../app/services.ts";
import { alreadyAnsweredError, assertCanReceiveFeedback, buildFeedbackReport } from "../../core/feedback/feedback.ts";
import { alreadyAnswered } from "../../core/feedback/feedback-answered.ts";
import { runFeedbackSettings, teamFeedbackOverview } from "../../core/feedback/feedback-admin.ts";
import { feedbackUsage, parseFeedbackCommand } from "../../core/feedback/feedback-command.ts";
import { monthContaining } from "../../core/feedback/feedback-period.ts";
import type { FeedbackRepository, FeedbackRequestRepository, TeamRoster } from "../../core/feedback/feedback-ports.ts";
import { createFeedbackRequest } from "../../core/feedback/feedback-request.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import { type CommandToken, mentionKey, type MentionRef, mentionParam } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { MemberDirectory } from "../../core/shared/member-directory.ts";
import type { Member } from "../../core/shared/model.ts";
import type { Clock, TeamLeadership, WorkspaceRepository } from "../../core/shared/ports.ts";
import { teamsLedBy } from "../../core/shared/access.ts";
import type { TeamAdminRepository } from "../../core/admin/team-ports.ts";
import { command, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately, type Reply, type Request } from "../interaction.ts";
import { reportBody, requestConfirmation, teamBody } from "./feedback-bodies.ts";
import { feedbackForm } from "./feedback-form.ts";

export interface FeedbackCommandArgs {
  tokens: CommandToken[];
}

export interface FeedbackDeps {
  clock: Clock;
  members: MemberDirectory;
  workspaces: Pick<WorkspaceRepository, "teamById">;
  roster: TeamRoster;
  feedback: FeedbackRepository;
  feedbackRequests: FeedbackRequestRepository;
  feedbackSecret: string;
}

export type FeedbackCommandDeps = FeedbackDeps & { jobs: Pick<JobDispatch, "feedbackRequested">; teamLeads: TeamLeadership; teamAdmin: Pick<TeamAdminRepository, "byName"> };

/** Results and the form are for the actor alone: Teams shows them only in a personal chat. */
const RESULTS = { why: msg("feedback.private.results"), command: command("feedback", "mine") };
const FORM = { why: msg("feedback.private.form"), command: command("feedback", "@teammate") };

async function resolveOne(deps: FeedbackDeps, req: Request<unknown>, ref: MentionRef): Promise<Member> {
  const found = (await deps.members.resolve(req.workspace, req.team.id, [ref])).get(mentionKey(ref));
  if (!found) throw new SpurError(ErrorCode.UnknownUser, msg("feedback.unknownPerson", { who: mentionParam(ref) }));
  return found;
}

export const feedbackCommand: Interaction<FeedbackCommandDeps, FeedbackCommandArgs> = {
  name: "feedback.command",
  readsChannelTeam: true,
  async run(deps, req: Request<FeedbackCommandArgs>): Promise<Reply[]> {
    const parsed = parseFeedbackCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const c = parsed.command;
    const { actor } = req;
    const now = deps.clock.now();
    switch (c.kind) {
      case "help":
        return [privately(note(undefined, feedbackUsage()))];
      case "give": {
        const subject = await resolveOne(deps, req, c.subject);
        assertCanReceiveFeedback(actor, subject);
        const periodKey = monthContaining(now, (await teamOf(deps, subject, req.team)).timeZone).key;
        if (await alreadyAnswered(deps, { giver: actor, subject, periodKey })) throw alreadyAnsweredError(subject);
        return [{ kind: "form", form: await feedbackForm(deps, { workspaceId: req.workspace.id, subject, requestId: null }), confidential: FORM }];
      }
      case "request": {
        const { request, created, reminderAt } = await createFeedbackRequest(deps, {
          workspace: req.workspace,
          defaultTeam: req.team,
          lead: actor,
          subject: c.subject,
          from: c.from,
          due: c.due,
          now,
          teamOf: (m) => teamOf(deps, m, req.team),
          idempotencyKey: req.idempotencyKey,
          teamsLed: await teamsLedBy(deps, actor),
        });
        if (created) await deps.jobs.feedbackRequested({ requestId: request.id, reminderAt, dueAt: request.dueAt });
        return [privately(requestConfirmation(request))];
      }
      case "mine":
      case "report": {
        const subject = c.kind === "mine" ? actor : await resolveOne(deps, req, c.subject);
        const team = await teamOf(deps, subject, req.team);
        const teamsLed = subject.id === actor.id ? [] : await teamsLedBy(deps, actor);
        const report = await buildFeedbackReport(deps, { viewer: actor, subject, periodKey: monthContaining(now, team.timeZone).key, teamsLed });
        return [{ kind: "private", body: reportBody(report), confidential: RESULTS }];
      }
      case "team": {
        const ownTeam = await teamOf(deps, actor, req.team);
        const overview = await teamFeedbackOverview(deps, { actor, named: c.team, channelTeam: req.channelTeam, ownTeam, now });
        return [{ kind: "private", body: teamBody(overview), confidential: RESULTS }];
      }
      case "dimensions":
      case "threshold": {
        const reply = await runFeedbackSettings(deps, { workspaceId: req.workspace.id, actor, command: c });
        return [privately(note(reply.tone === "error" ? "warning" : reply.tone === "done" ? "success" : undefined, reply.text))];
      }
    }
  },
};
