// The roster between syncs on Teams: people added to the team (conversationUpdate membersAdded) are read from
// the roster and stored; people removed are marked departed (history kept; no prompts, kudos or rankings).
// The bot's own arrival queues a full roster sync instead.
import { type ChannelAccount, TeamsInfo, type TurnContext } from "botbuilder";
import type { Team, Workspace } from "../core/shared/model.ts";
import type { TeamsDeps } from "./command-context.ts";
import { isTeamsPersonId, profileFromTeamsAccount } from "./teams-users.ts";

function people(accounts: ChannelAccount[] | undefined, turn: TurnContext): string[] {
  return (accounts ?? []).map((a) => a.id).filter((id) => id !== turn.activity.recipient.id && isTeamsPersonId(id));
}

export async function membersJoined(deps: TeamsDeps, turn: TurnContext, workspace: Workspace, defaultTeam: Team): Promise<void> {
  const ids = people(turn.activity.membersAdded, turn);
  if (ids.length === 0) return;
  const profiles = [];
  for (const id of ids) {
    try {
      const account = await TeamsInfo.getMember(turn, id);
      await deps.store.rememberIdentity(workspace.id, {
        platformUserId: account.id,
        aadObjectId: account.aadObjectId ?? null,
        userPrincipalName: account.userPrincipalName ?? null,
      });
      profiles.push(profileFromTeamsAccount(account, deps.bootstrapAdmins));
    } catch (err) {
      // The daily roster sync stores them instead.
      deps.services.logger.warn({ err, workspaceId: workspace.id }, "could not read a new Teams member from the roster");
    }
  }
  await deps.services.memberRepo.upsertProfiles(workspace.id, defaultTeam.id, profiles, { fromDirectory: true });
  for (const p of profiles) deps.services.members.invalidate(workspace.id, p.platformUserId);
}

export async function membersLeft(deps: TeamsDeps, turn: TurnContext, workspace: Workspace): Promise<void> {
  const ids = people(turn.activity.membersRemoved, turn);
  if (ids.length === 0) return;
  await deps.services.memberRepo.markDeparted(workspace.id, ids);
  for (const id of ids) deps.services.members.invalidate(workspace.id, id);
}
