// Shared by the scorecard commands and buttons of both platforms: picks the period, checks privacy (logging refusals).
import type { Services } from "./services.ts";
import { canViewMember } from "../core/access.ts";
import type { Member, Team } from "../core/model.ts";
import type { Period } from "../core/period.ts";
import { periodForSpec, type PeriodSpec } from "../core/scorecard-command.ts";
import { buildScorecard, type Scorecard } from "../core/scorecard.ts";

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
  if (!canViewMember(input.viewer, input.subject)) {
    services.logger.warn(
      { event: "scorecard_access_refused", viewerId: input.viewer.id, viewerRole: input.viewer.role, subjectId: input.subject.id },
      "scorecard access refused",
    );
  }
  return buildScorecard(services, input);
}
