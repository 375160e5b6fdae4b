// Carrying out `/spur` administration for an admin.
import { assertAdmin, type AdminCommand, dayName } from "./admin-command.ts";
import { describeMention, mentionKey } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { MemberDirectory } from "./member-directory.ts";
import type { Member, Team, Workspace } from "./model.ts";
import type { MemberRepository, WorkspaceRepository } from "./ports.ts";

export interface AdminDeps {
  members: MemberDirectory;
  memberRepo: MemberRepository;
  workspaces: WorkspaceRepository;
  /** Called after a team's schedule-relevant settings changed. */
  onTeamChanged(team: Team): Promise<void>;
}

export type AdminAction = Exclude<AdminCommand, { kind: "help" }>;

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
      const hh = String(Math.floor(command.minuteOfDay / 60)).padStart(2, "0");
      const mm = String(command.minuteOfDay % 60).padStart(2, "0");
      return `The weekly digest for ${updated.name} is posted on ${dayName(command.day)}s at ${hh}:${mm} (${updated.timeZone}).`;
    }
  }
}
