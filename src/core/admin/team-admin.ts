// Carrying out team administration for an admin: teams are created, renamed and archived, each has its own
// channel, time zone, digest schedule and leads, and members are moved between them. Every change is audited
// with it; a move changes only the member's primary team, so their past kudos and KPI records stay where
// they happened.
import { assertAdmin, weeklyDay } from "./admin-command.ts";
import { followGroup, type TeamFollowDeps, unfollowGroup } from "./team-follow.ts";
import type { TeamCommand } from "./team-command.ts";
import type { PlaceChannel, TeamAdminRepository, TeamRecord, TeamSettingsPatch, TeamSummary } from "./team-ports.ts";
import type { AuditEntry } from "../shared/audit.ts";
import { mentionKey, mentionParam, type MentionRef } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { Clock } from "../shared/ports.ts";
import { clockTime } from "../shared/wording.ts";
import { channel, command, list, member, msg, type Msg } from "../../i18n/message.ts";

export interface TeamAdminDeps extends TeamFollowDeps {
  teamAdmin: TeamAdminRepository;
  members: MemberDirectory;
  clock: Clock;
  /** Called after a team was created, archived or its schedule-relevant settings changed. */
  onTeamChanged(team: Team): Promise<void>;
}

export interface TeamAdminInput {
  workspace: Workspace;
  /** The workspace's default team: where people Spur meets first are placed, and whose settings a new team starts from. */
  defaultTeam: Team;
  actor: Member;
  /** Every command but `targets` (the KPI targets' use case: leads may change theirs) and `settings` (the team's form). */
  command: Exclude<TeamCommand, { kind: "targets" } | { kind: "settings" }>;
  /** The channel the command was typed in, or null outside channels (a personal or group chat). */
  channel: PlaceChannel | null;
}

/** Applies the command and returns what to tell the admin (`list`: one message per line). */
export async function runTeamCommand(deps: TeamAdminDeps, input: TeamAdminInput): Promise<Msg[]> {
  const { workspace, actor, command: cmd } = input;
  assertAdmin(actor.role);
  const audit = (action: AuditEntry["action"], target: string | null, details: Record<string, unknown>): AuditEntry => ({
    workspaceId: workspace.id,
    actorUserId: actor.platformUserId,
    action,
    target,
    details,
    reason: null,
  });
  switch (cmd.kind) {
    case "list":
      return listTeams(await deps.teamAdmin.summaries(workspace.id));
    case "create": {
      const { timeZone, digestDay, digestMinuteOfDay } = input.defaultTeam;
      const created = taken(await deps.teamAdmin.create(workspace.id, { name: cmd.name, timeZone, digestDay, digestMinuteOfDay }, audit("team.create", null, { team: cmd.name })), cmd.name);
      await deps.onTeamChanged(created);
      const spur = (args: string) => command("spur", `team ${created.name} ${args}`);
      return [
        msg("team.created", {
          team: created.name,
          day: weeklyDay(created.digestDay),
          time: clockTime(created.digestMinuteOfDay),
          timeZone: created.timeZone,
          channel: spur("channel #channel"),
          lead: spur("lead add @member"),
          add: spur("add @member"),
        }),
      ];
    }
    case "rename": {
      const team = await activeTeam(deps, workspace, cmd.name);
      const renamed = taken(await deps.teamAdmin.update(team.id, { name: cmd.newName }, audit("team.update", team.id, { team: team.name, name: { from: team.name, to: cmd.newName } })), cmd.newName);
      return [msg("team.renamed", { team: team.name, name: renamed.name })];
    }
    case "archive": {
      const team = await activeTeam(deps, workspace, cmd.name);
      if (team.isDefault) throw new SpurError(ErrorCode.NotAllowed, msg("team.archive.default", { team: team.name }));
      const archived = await deps.teamAdmin.archive(team.id, deps.clock.now(), audit("team.archive", team.id, { team: team.name }));
      if ("members" in archived) {
        throw new SpurError(ErrorCode.NotAllowed, msg("team.archive.hasMembers", { team: team.name, count: archived.members, usage: command("spur", "team <other team> add @member") }));
      }
      await deps.onTeamChanged(archived);
      return [msg("team.archived", { team: team.name })];
    }
    case "channel":
    case "timezone":
    case "digest": {
      const team = await activeTeam(deps, workspace, cmd.name);
      const patch = settingsPatch(cmd);
      const updated = taken(await deps.teamAdmin.update(team.id, patch, audit("team.update", team.id, { team: team.name, ...changes(team, patch) })), team.name);
      await deps.onTeamChanged(updated);
      if (cmd.kind === "channel") return [msg("admin.channel.set", { team: updated.name, channel: channel(cmd.channelId) })];
      if (cmd.kind === "timezone") return [msg("admin.timezone.set", { team: updated.name, timeZone: updated.timeZone })];
      return [msg("admin.digest.set", { team: updated.name, day: weeklyDay(updated.digestDay), time: clockTime(updated.digestMinuteOfDay), timeZone: updated.timeZone })];
    }
    case "here": {
      const team = await activeTeam(deps, workspace, cmd.name);
      if (!input.channel) throw new SpurError(ErrorCode.NotAllowed, msg("team.here.notChannel", { command: command("spur", `team ${team.name} here`) }));
      const mapped = await deps.teamAdmin.mapChannel(team.id, input.channel, audit("team.map_channel", team.id, { team: team.name }));
      await deps.onTeamChanged(mapped.team);
      const previous = mapped.previousTeam;
      return [msg("team.here.mapped", { team: team.name, channel: channel(input.channel.channelId), moved: previous ? "yes" : "no", previous: previous ?? "" })];
    }
    case "lead": {
      const team = await activeTeam(deps, workspace, cmd.name);
      const people = await resolvePeople(deps, workspace, input.defaultTeam, cmd.members);
      const ids = people.map((p) => p.id);
      const changed = await deps.teamAdmin.setLeads(team.id, ids, cmd.action, audit(cmd.action === "add" ? "team.lead_add" : "team.lead_remove", team.id, { team: team.name, members: people.map((p) => p.platformUserId) }));
      for (const p of people) deps.members.invalidate(workspace.id, p.platformUserId);
      return peopleChange(cmd.action === "add" ? "team.lead.added" : "team.lead.removed", team, people, changed);
    }
    case "assign": {
      const team = await activeTeam(deps, workspace, cmd.name);
      const people = await resolvePeople(deps, workspace, input.defaultTeam, cmd.members);
      const moved = await deps.teamAdmin.assign(team.id, people.map((p) => p.id), audit("team.assign", team.id, { team: team.name, members: people.map((p) => ({ member: p.platformUserId, from: p.teamId })) }));
      for (const p of people) deps.members.invalidate(workspace.id, p.platformUserId);
      return peopleChange("team.assigned", team, people, moved);
    }
    case "follow":
    case "unfollow": {
      const team = await activeTeam(deps, workspace, cmd.name);
      const follow = { workspace, defaultTeam: input.defaultTeam, team, actor };
      return cmd.kind === "follow" ? followGroup(deps, follow, cmd.group) : unfollowGroup(deps, follow);
    }
  }
}

function taken(result: TeamRecord | "taken", name: string): TeamRecord {
  if (result === "taken") throw new SpurError(ErrorCode.TeamNameTaken, msg("team.taken", { name }));
  return result;
}

/** The named team, which must exist and not be archived. */
export async function activeTeam(deps: { teamAdmin: Pick<TeamAdminRepository, "byName"> }, workspace: Workspace, name: string): Promise<TeamRecord> {
  const team = await deps.teamAdmin.byName(workspace.id, name);
  if (!team) throw new SpurError(ErrorCode.UnknownArgument, msg("team.unknown", { name, list: command("spur", "team list") }));
  if (team.archived) throw new SpurError(ErrorCode.NotAllowed, msg("team.isArchived", { team: team.name }));
  return team;
}

function settingsPatch(cmd: Extract<TeamCommand, { kind: "channel" | "timezone" | "digest" }>): TeamSettingsPatch {
  if (cmd.kind === "channel") return { channelId: cmd.channelId };
  if (cmd.kind === "timezone") return { timeZone: cmd.timeZone };
  return { digestDay: cmd.day, digestMinuteOfDay: cmd.minuteOfDay };
}

function changes(team: Team, patch: TeamSettingsPatch): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(Object.entries(patch).map(([field, to]) => [field, { from: team[field as keyof TeamSettingsPatch], to }]));
}

/** Every person named, known in the workspace, human and still there; otherwise nothing changes. */
export async function resolvePeople(deps: Pick<TeamAdminDeps, "members">, workspace: Workspace, defaultTeam: Team, refs: MentionRef[]): Promise<Member[]> {
  const found = await deps.members.resolve(workspace, defaultTeam.id, refs);
  const people: Member[] = [];
  for (const ref of refs) {
    const person = found.get(mentionKey(ref));
    if (!person) throw new SpurError(ErrorCode.UnknownUser, msg("admin.refused.unknownMember", { who: mentionParam(ref) }));
    if (person.isBot || person.isDeactivated) throw new SpurError(ErrorCode.NotAllowed, msg("team.refused.notAMember", { who: member(person.platformUserId, person.displayName) }));
    if (!people.some((p) => p.id === person.id)) people.push(person);
  }
  return people;
}

const ALREADY = { "team.lead.added": "team.lead.alreadyAdded", "team.lead.removed": "team.lead.alreadyRemoved", "team.assigned": "team.alreadyAssigned" } as const;

/** What changed for whom, and who was already so (a line each). */
function peopleChange(key: "team.lead.added" | "team.lead.removed" | "team.assigned", team: Team, people: Member[], changedIds: string[]): Msg[] {
  const refs = (ps: Member[]) => list(ps.map((p) => member(p.platformUserId, p.displayName)));
  const changed = people.filter((p) => changedIds.includes(p.id));
  const unchanged = people.filter((p) => !changedIds.includes(p.id));
  return [
    ...(changed.length > 0 ? [msg(key, { team: team.name, people: refs(changed) })] : []),
    ...(unchanged.length > 0 ? [msg(ALREADY[key], { team: team.name, people: refs(unchanged) })] : []),
  ];
}

function listTeams(teams: TeamSummary[]): Msg[] {
  return [
    msg("team.list.title", { count: teams.filter((t) => !t.team.archived).length }),
    ...teams.map(({ team, leads, memberCount, mappedChannelId }) =>
      msg("team.list.line", {
        team: team.name,
        isDefault: team.isDefault ? "yes" : "no",
        archived: team.archived ? "yes" : "no",
        channel: team.channelId ? channel(team.channelId) : msg("team.list.noChannel"),
        timeZone: team.timeZone,
        day: weeklyDay(team.digestDay),
        time: clockTime(team.digestMinuteOfDay),
        leads: leads.length > 0 ? list(leads.map((l) => member(l.platformUserId, l.displayName))) : msg("team.list.noLeads"),
        members: memberCount,
        mapped: mappedChannelId ? "yes" : "no",
        mappedChannel: mappedChannelId ? channel(mappedChannelId) : "",
      }),
    ),
  ];
}
