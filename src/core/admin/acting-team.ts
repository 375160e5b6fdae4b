// Which team a lead's or an admin's command acts on: the team named, else the team the channel it was typed in is
// mapped to, else a lead's only team (or their own, among several), else the caller's fallback. A lead acts only
// on the teams they lead (team_lead); an admin on any team.
import type { TeamAdminRepository } from "./team-ports.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { Member, Team } from "../shared/model.ts";
import type { TeamLeadership, WorkspaceRepository } from "../shared/ports.ts";
import { command, type CommandRef, list, msg } from "../../i18n/message.ts";

export interface ActingTeamDeps {
  teamLeads: TeamLeadership;
  teamAdmin: Pick<TeamAdminRepository, "byName">;
  workspaces: Pick<WorkspaceRepository, "teamById">;
}

export interface ActingTeamInput {
  actor: Member;
  /** The team's name as typed, or null. */
  named: string | null;
  /** The team the channel the command was typed in is mapped to (see ChannelTeams), or null. */
  channelTeam: Team | null;
  /** An admin's team when nothing else says which. */
  fallback: Team;
  /** How to name the team in this command, shown to a lead of several teams who named none; none if it can't. */
  example: CommandRef | null;
}

/** The team to act on; refuses a lead a team they do not lead, naming the ones they do. Agents are the caller's to refuse. */
export async function actingTeam(deps: ActingTeamDeps, input: ActingTeamInput): Promise<Team> {
  const { actor } = input;
  const led = actor.role === "lead" ? await deps.teamLeads.teamsLedBy(actor.id) : [];
  const team = await chosenTeam(deps, input, led);
  if (actor.role === "lead" && !led.includes(team.id)) {
    const names = await teamNames(deps, led);
    throw new SpurError(ErrorCode.NotAllowed, msg("team.scope.notLed", { team: team.name, count: names.length, led: list(names) }));
  }
  return team;
}

async function chosenTeam(deps: ActingTeamDeps, input: ActingTeamInput, led: string[]): Promise<Team> {
  if (input.named !== null) {
    const team = await deps.teamAdmin.byName(input.actor.workspaceId, input.named);
    if (!team) throw new SpurError(ErrorCode.UnknownArgument, msg("team.unknown", { name: input.named, list: command("spur", "team list") }));
    if (team.archived) throw new SpurError(ErrorCode.NotAllowed, msg("team.isArchived", { team: team.name }));
    return team;
  }
  if (input.channelTeam) return input.channelTeam;
  if (input.actor.role !== "lead") return input.fallback;
  const only = led.length === 1 ? led[0] : input.actor.teamId && led.includes(input.actor.teamId) ? input.actor.teamId : null;
  if (only) return (await deps.workspaces.teamById(only)) ?? input.fallback;
  if (led.length > 1) {
    const teams = list(await teamNames(deps, led));
    throw new SpurError(ErrorCode.UnknownArgument, input.example ? msg("team.scope.several", { teams, example: input.example }) : msg("team.scope.severalChannel", { teams }));
  }
  // A lead of no team: their own team, which they are then refused.
  return (input.actor.teamId && (await deps.workspaces.teamById(input.actor.teamId))) || input.fallback;
}

async function teamNames(deps: ActingTeamDeps, ids: readonly string[]): Promise<string[]> {
  const teams = await Promise.all(ids.map((id) => deps.workspaces.teamById(id)));
  return teams.flatMap((t) => (t ? [t.name] : [])).sort((a, b) => a.localeCompare(b));
}
