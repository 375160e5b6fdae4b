// Carrying out `/spur` administration for an admin.
import { assertAdmin, type AdminCommand, dayName } from "./admin-command.ts";
import { describeMention, mentionKey } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "./team-post-settings.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { DigestRunRepository, MemberRepository, WorkspaceRepository } from "../shared/ports.ts";
import { describeRuns, loadPostStatus } from "../digests/post-status.ts";
import { clockTime } from "../shared/wording.ts";

export interface AdminDeps {
  members: MemberDirectory;
  memberRepo: MemberRepository;
  workspaces: WorkspaceRepository;
  runs: Pick<DigestRunRepository, "recentByKind" | "runsPerPeriod">;
  teamPosts: TeamPostSettings;
  /** Called after a team's schedule-relevant settings changed. */
  onTeamChanged(team: Team): Promise<void>;
}

/** Admin-only settings; the digest preview and send (leads too) are handled where the digest is rendered. */
export type AdminAction = Exclude<AdminCommand, { kind: "help" | "digest_preview" | "digest_send" | "digest_movers" }>;

/** Applies the command and returns a confirmation sentence. */
export async function runAdminCommand(
  deps: AdminDeps,
  input: { workspace: Workspace; team: Team; actor: Member; command: AdminAction },
): Promise<string> {
  const { workspace, team, actor, command } = input;
  assertAdmin(actor.role);
  switch (command.kind) {
    case "role": {
      const target = (await deps.members.resolve(workspace, team.id, [command.target])).get(mentionKey(command.target));
      if (!target) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(command.target)} in this workspace.`);
      if (target.id === actor.id && command.role !== "admin") {
        throw new SpurError(ErrorCode.NotAllowed, "You can't remove your own admin role; ask another admin.");
      }
      const updated = await deps.memberRepo.setRole(target.id, command.role);
      deps.members.invalidate(workspace.id, updated.platformUserId);
      return `${updated.displayName} is now ${command.role === "admin" ? "an admin" : `a ${command.role}`}.`;
    }
    case "channel": {
      const updated = await deps.workspaces.updateTeam(team.id, { channelId: command.channelId });
      await deps.onTeamChanged(updated);
      return `Shoutouts and the weekly digest for ${updated.name} now go to <#${command.channelId}>.`;
    }
    case "timezone": {
      const updated = await deps.workspaces.updateTeam(team.id, { timeZone: command.timeZone });
      await deps.onTeamChanged(updated);
      return `${updated.name} now runs on ${command.timeZone} time: weeks, allowances and the digest follow it.`;
    }
    case "digest": {
      const updated = await deps.workspaces.updateTeam(team.id, { digestDay: command.day, digestMinuteOfDay: command.minuteOfDay });
      await deps.onTeamChanged(updated);
      return `The weekly digest for ${updated.name} is posted on ${dayName(command.day)}s at ${clockTime(command.minuteOfDay)} (${updated.timeZone}).`;
    }
    case "leaderboard_post": {
      if (command.mode === null) return describeLeaderboardMode(team.name, await deps.teamPosts.leaderboardMode(team.id));
      await deps.teamPosts.setLeaderboardMode(team.id, command.mode);
      await deps.onTeamChanged(team);
      return describeLeaderboardMode(team.name, command.mode);
    }
    case "awards": {
      if (command.enabled === null) return describeAwards(team.name, await deps.teamPosts.awardsEnabled(team.id));
      await deps.teamPosts.setAwardsEnabled(team.id, command.enabled);
      await deps.onTeamChanged(team);
      return describeAwards(team.name, command.enabled);
    }
    case "status":
      return describeRuns(team, await loadPostStatus(deps, team.id));
  }
}

const LEADERBOARD_MODE_WORDS: Record<Exclude<LeaderboardPostMode, "off">, string> = {
  kudos: "kudos received",
  composite: "composite score",
  both: "kudos received and composite score",
};

function describeLeaderboardMode(teamName: string, mode: LeaderboardPostMode): string {
  if (mode === "off") return `The weekly leaderboard post for ${teamName} is off.`;
  return `The weekly leaderboard post for ${teamName} ranks ${LEADERBOARD_MODE_WORDS[mode]}, at the digest time.`;
}

function describeAwards(teamName: string, enabled: boolean): string {
  return enabled
    ? `The monthly awards for ${teamName} are on: posted on the first working day of each month, at the digest time.`
    : `The monthly awards for ${teamName} are off.`;
}
