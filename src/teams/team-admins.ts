// Who administers a Teams workspace in Spur. Installing Spur in a team makes nobody its admin: the team's owners
// are (when Teams' roster says so: userRole "owner"), and so are the people SPUR_BOOTSTRAP_ADMINS names (sign-in
// name, email or Entra object id). Only a group chat, which nobody owns, takes its first installer as admin.
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Member, Workspace } from "../core/shared/model.ts";
import type { TeamsDeps } from "./command-context.ts";
import { isBootstrapAdmin } from "./admin-identities.ts";
import { isTeamsBotId } from "./teams-users.ts";

async function makeAdmin(deps: TeamsDeps, workspace: Workspace, member: Member, why: string): Promise<void> {
  if (member.role === "admin") return;
  await deps.services.memberRepo.setRole(member.id, "admin");
  deps.services.members.invalidate(workspace.id, member.platformUserId);
  deps.services.logger.info({ workspaceId: workspace.id, memberId: member.id, why }, "Teams member made a Spur admin");
}

/** Spur was installed: its installer is an admin only as a team owner or bootstrap admin (or in a group chat nobody owns). */
export async function adminsAtInstall(deps: TeamsDeps, turn: TurnContext, workspace: Workspace, teamId: string): Promise<void> {
  const installerId = turn.activity.from?.id;
  if (!installerId || isTeamsBotId(installerId)) return;
  const inTeam = Boolean((turn.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id);
  if (!inTeam && turn.activity.conversation.conversationType === "groupChat") {
    const installer = await deps.services.members.byPlatformId(workspace, teamId, installerId);
    if (installer && (await deps.store.promoteFirstAdmin(workspace.id, installer.id))) {
      deps.services.members.invalidate(workspace.id, installerId);
      deps.services.logger.info({ workspaceId: workspace.id, memberId: installer.id }, "group chat installer is the chat's first Spur admin");
    }
    return;
  }
  // A member Spur meets here for the first time is stored as an admin when the roster calls them an owner or
  // they are a bootstrap admin (profileFromTeamsAccount); a member it knew already is checked afresh.
  const installer = await deps.services.members.byPlatformId(workspace, teamId, installerId);
  if (installer && installer.role !== "admin") {
    if (isBootstrapAdmin([turn.activity.from.aadObjectId, ...(await deps.store.identitiesOf(workspace.id, installerId))], deps.bootstrapAdmins)) {
      await makeAdmin(deps, workspace, installer, "bootstrap");
    } else if ((await ownerRole(deps, turn, installerId)) === "owner") {
      await makeAdmin(deps, workspace, installer, "team owner");
    }
  }
  if (!(await deps.store.hasAdmin(workspace.id))) {
    deps.services.logger.warn(
      { workspaceId: workspace.id },
      "this Teams workspace has no Spur admin: Teams did not say who owns the team; name one in SPUR_BOOTSTRAP_ADMINS",
    );
  }
}

async function ownerRole(deps: TeamsDeps, turn: TurnContext, userId: string): Promise<string | null> {
  try {
    return (await TeamsInfo.getMember(turn, userId)).userRole?.toLowerCase() ?? null;
  } catch (err) {
    deps.services.logger.warn({ err }, "could not read the Teams installer from the roster");
    return null;
  }
}

/** A bootstrap admin who writes to Spur is an admin of the workspace, whatever role they had before. */
export async function bootstrapSender(deps: TeamsDeps, turn: TurnContext, workspace: Workspace, teamId: string): Promise<void> {
  if (deps.bootstrapAdmins.length === 0) return;
  const from = turn.activity.from;
  if (!from?.id || isTeamsBotId(from.id)) return;
  const member = await deps.services.members.byPlatformId(workspace, teamId, from.id);
  if (!member || member.role === "admin") return;
  const identities = [from.aadObjectId, ...(await deps.store.identitiesOf(workspace.id, from.id))];
  if (isBootstrapAdmin(identities, deps.bootstrapAdmins)) await makeAdmin(deps, workspace, member, "bootstrap");
}
