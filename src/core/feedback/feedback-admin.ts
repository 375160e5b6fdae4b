// `feedback team [<name>] | dimensions … | threshold N` on either platform: a lead's overview of a team they lead, and the
// admins' feedback settings. Platforms only render the result.
import { assertAdmin } from "../admin/admin-command.ts";
import { actingTeam, type ActingTeamDeps } from "../admin/acting-team.ts";
import { auditBy } from "../shared/audit.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { peerFeedbackAggregate } from "./feedback.ts";
import type { FeedbackAggregate } from "./feedback-model.ts";
import type { FeedbackCommand } from "./feedback-command.ts";
import { monthContaining } from "./feedback-period.ts";
import type { FeedbackRepository, TeamRoster } from "./feedback-ports.ts";
import type { Member, Team } from "../shared/model.ts";
import { command, list, msg, type Msg } from "../../i18n/message.ts";

export interface TeamFeedbackOverview {
  team: Team;
  periodKey: string;
  rows: { member: Member; aggregate: FeedbackAggregate }[];
}

/**
 * This month's aggregate for each member of a team (the lead excluded), under the anonymity rules: the team
 * named, else the mapped channel's, else a lead's only one (see actingTeam); a lead only for a team they lead.
 */
export async function teamFeedbackOverview(
  deps: { feedback: FeedbackRepository; roster: TeamRoster } & ActingTeamDeps,
  input: { actor: Member; named: string | null; channelTeam: Team | null; ownTeam: Team; now: Date },
): Promise<TeamFeedbackOverview> {
  const { actor } = input;
  if (actor.role === "agent") {
    throw new SpurError(ErrorCode.NotAllowed, msg("feedback.team.leadsOnly", { team: command("feedback", "team"), mine: command("feedback", "mine") }));
  }
  const team = await actingTeam(deps, { actor, named: input.named, channelTeam: input.channelTeam, fallback: input.ownTeam, example: command("feedback", "team Tier 1") });
  const periodKey = monthContaining(input.now, team.timeZone).key;
  const members = (await deps.roster.membersOf(team.id)).filter((m) => m.id !== actor.id);
  const rows = await Promise.all(
    members.map(async (member) => ({
      member,
      aggregate: await peerFeedbackAggregate(deps, { workspaceId: actor.workspaceId, subjectId: member.id, periodKey }),
    })),
  );
  return { team, periodKey, rows };
}

/** What a settings command did: `done` (a change), `info` (nothing to change) or `error` (nothing changed). */
export interface FeedbackSettingsReply {
  tone: "done" | "info" | "error";
  text: Msg;
}

type SettingsCommand = Extract<FeedbackCommand, { kind: "dimensions" } | { kind: "threshold" }>;

export async function runFeedbackSettings(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; actor: Member; command: SettingsCommand },
): Promise<FeedbackSettingsReply> {
  const { workspaceId, command } = input;
  if (command.kind === "threshold") {
    assertAdmin(input.actor.role);
    const from = await deps.feedback.anonymityThreshold(workspaceId);
    await deps.feedback.setAnonymityThreshold(workspaceId, command.value, auditBy(input.actor, "feedback.threshold", workspaceId, { from, to: command.value }));
    return { tone: "done", text: msg("feedback.threshold.set", { threshold: command.value }) };
  }
  const action = command.action;
  if (action.kind === "list") {
    const dims = await deps.feedback.dimensions(workspaceId);
    return { tone: "info", text: msg("feedback.dimensions.list", { dimensions: list(dims.map((d) => msg("feedback.dimensions.item", { label: d.label, key: d.key }))) }) };
  }
  assertAdmin(input.actor.role);
  if (action.kind === "add") {
    const added = await deps.feedback.addDimension(workspaceId, action.key, action.label);
    return added
    ? { tone: "done", text: msg("feedback.dimensions.added", { label: action.label }) }
    : { tone: "info", text: msg("feedback.dimensions.exists", { key: action.key }) };
  }
  const dims = await deps.feedback.dimensions(workspaceId);
  if (dims.length <= 1 && dims[0]?.key === action.key) {
    throw new SpurError(ErrorCode.InvalidDimension, msg("feedback.dimensions.lastOne"));
  }
  const removed = await deps.feedback.archiveDimension(workspaceId, action.key);
  return removed
    ? { tone: "done", text: msg("feedback.dimensions.removed", { key: action.key }) }
    : { tone: "error", text: msg("feedback.dimensions.none", { key: action.key }) };
}
