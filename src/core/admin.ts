// Carrying out `/spur` administration for an admin.
import { assertAdmin, type AdminCommand, dayName } from "./admin-command.ts";
import { describeMention, mentionKey } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "./leaderboard-post.ts";
import type { MemberDirectory } from "./member-directory.ts";
import type { Member, Team, Workspace } from "./model.ts";
import type { DigestRunRepository, MemberRepository, RunSummary, WorkspaceRepository } from "./ports.ts";

export interface AdminDeps {
  members: MemberDirectory;
  memberRepo: MemberRepository;
  workspaces: WorkspaceRepository;
  runs: Pick<DigestRunRepository, "recent">;
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
      return `The weekly digest for ${updated.name} is posted on ${dayName(command.day)}s at ${minutes(command.minuteOfDay)} (${updated.timeZone}).`;
    }
    case "leaderboard_post": {
      if (command.mode === null) return describeLeaderboardMode(team.name, await deps.teamPosts.leaderboardMode(team.id));
      await deps.teamPosts.setLeaderboardMode(team.id, command.mode);
      await deps.onTeamChanged(team);
      return describeLeaderboardMode(team.name, command.mode);
    }
    case "status":
      return describeRuns(team, await deps.runs.recent(team.id, 8));
  }
}

/** What an admin needs to know about the team's scheduled posts: what went out, and why anything did not. */
export function describeRuns(team: Team, runs: RunSummary[]): string {
  const channel = team.channelId ? `<#${team.channelId}>` : "no channel yet (`/spur channel #channel`)";
  const head = `Scheduled posts for ${team.name} → ${channel}, ${dayName(team.digestDay)}s ${minutes(team.digestMinuteOfDay)} (${team.timeZone}).`;
  if (runs.length === 0) return `${head}\nNothing has been posted yet.`;
  const lines = runs.map((r) => {
    const what = `${r.kind.replaceAll("_", " ")} ${r.periodKey}`;
    switch (r.status) {
      case "posted":
        return `• ${what}: posted${r.postedAt ? ` ${r.postedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}`;
      case "failed":
        return `• ${what}: failed after ${r.attempts} ${r.attempts === 1 ? "attempt" : "attempts"} — ${r.error ?? "unknown reason"}`;
      default:
        return `• ${what}: in progress (attempt ${r.attempts})`;
    }
  });
  return `${head}\n${lines.join("\n")}`;
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

function minutes(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
