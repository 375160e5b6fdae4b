// What the scorecard command and its buttons share: whose team a member is in, and the scorecard the viewer
// may see (a refused look-up is logged for the workspace's audit, then refused).
import { type AccessLog, logRefusedScorecard } from "../../core/kpi/scorecard-command.ts";
import { buildScorecard, type Scorecard, type ScorecardDeps } from "../../core/kpi/scorecard.ts";
import type { Member, Team } from "../../core/shared/model.ts";
import type { Period } from "../../core/shared/period.ts";
import type { TeamLeadership, WorkspaceRepository } from "../../core/shared/ports.ts";
import { teamsLedBy } from "../../core/shared/access.ts";

export interface ScorecardViewDeps extends ScorecardDeps {
  workspaces: Pick<WorkspaceRepository, "teamById">;
  teamLeads: TeamLeadership;
  logger: AccessLog;
}

export async function teamOf(deps: { workspaces: Pick<WorkspaceRepository, "teamById"> }, subject: Member, fallback: Team): Promise<Team> {
  return (subject.teamId && (await deps.workspaces.teamById(subject.teamId))) || fallback;
}

export async function scorecardFor(deps: ScorecardViewDeps, input: { viewer: Member; subject: Member; team: Team; period: Period }): Promise<Scorecard> {
  const teamsLed = await teamsLedBy(deps, input.viewer);
  logRefusedScorecard(deps.logger, input.viewer, input.subject, teamsLed);
  return buildScorecard(deps, { ...input, teamsLed });
}
