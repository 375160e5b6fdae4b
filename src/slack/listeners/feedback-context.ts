// Small look-ups shared by the feedback listeners.
import type { Services } from "../../app/services.ts";
import type { Member, Team } from "../../core/model.ts";

/** The member's team (its time zone decides feedback periods), or the workspace's default team. */
export async function teamOf(services: Services, member: Member, defaultTeam: Team): Promise<Team> {
  return (member.teamId && (await services.workspaces.teamById(member.teamId))) || defaultTeam;
}
