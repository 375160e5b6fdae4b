// Shared by the scorecard commands and buttons of both platforms: picks the period, checks privacy (logging refusals).
import type { Services } from "./services.ts";
import type { Member, Team } from "../core/shared/model.ts";
import type { Period } from "../core/shared/period.ts";
import { logRefusedScorecard, periodForSpec, type PeriodSpec } from "../core/kpi/scorecard-command.ts";
import { buildScorecard, type Scorecard } from "../core/kpi/scorecard.ts";

export async function teamOf(services: Services, subject: Member, fallback: Team): Promise<Team> {
  return (subject.teamId && (await services.workspaces.teamById(subject.teamId))) || fallback;
}

export function resolvePeriod(spec: PeriodSpec, team: Team, now: Date): Period {
  return periodForSpec(spec, team, now);
}

/** Builds the card after checking that the viewer may see it; a refusal is logged for the workspace's audit. */
export async function scorecardFor(
  services: Services,
  input: { viewer: Member; subject: Member; team: Team; period: Period },
): Promise<Scorecard> {
  logRefusedScorecard(services.logger, input.viewer, input.subject);
  return buildScorecard(services, input);
}
