// The private lead digest: for the team's leads only, by direct message — each agent's composite and KPIs,
// who is under target, who received no recognition this week, and feedback requests still open.
// Individual numbers live here and never in the public digest.
import type { PendingFeedbackRequest } from "./digest-ports.ts";
import { type AgentKpi, type AgentWeek, agentWeeks, type JudgedWeek, teamKpis } from "./kpi-digest.ts";
import type { JudgedSpan } from "../kpi/target-span.ts";
import type { Member, Team } from "../shared/model.ts";
import { previousWeek, type Period } from "../shared/period.ts";
import { loadTeamWeeks, type TeamWeeksDeps } from "./team-weeks.ts";

export interface UnderTarget {
  member: Member;
  /** The agent's scored KPIs below target, lowest attainment first. */
  missed: AgentKpi[];
}

export interface LeadDigest {
  teamId: string;
  teamName: string;
  period: Period;
  /** The week judged: complete, or "so far" for the running week. */
  span: JudgedSpan;
  teamComposite: number | null;
  /** Every agent, highest composite first; agents without a score last. */
  agents: AgentWeek[];
  underTarget: UnderTarget[];
  /** Agents who received no kudos this week. */
  underRecognised: Member[];
  pendingFeedback: PendingFeedbackRequest[];
}

export async function composeLeadDigest(deps: TeamWeeksDeps, team: Team, period: Period): Promise<LeadDigest> {
  const weeks = [previousWeek(period.start, team.timeZone), period];
  const [data, pendingFeedback] = await Promise.all([loadTeamWeeks(deps, team, weeks), deps.digestReads.pendingFeedbackRequests(team.id)]);
  const [before, now] = data.weeks as [JudgedWeek, JudgedWeek];
  const agents = agentWeeks(data.targetsOf, data.agents, now, before, data.kudosReceived[1] ?? new Map()).sort(
    (a, b) => (b.composite ?? -1) - (a.composite ?? -1) || a.member.displayName.localeCompare(b.member.displayName),
  );
  const underTarget = agents.flatMap((a) => {
    const missed = a.kpis.filter((k) => k.attainment !== null && k.attainment < 1).sort((x, y) => (x.attainment ?? 0) - (y.attainment ?? 0));
    return missed.length > 0 ? [{ member: a.member, missed }] : [];
  });
  return {
    teamId: team.id,
    teamName: team.name,
    period,
    span: now.span,
    teamComposite: teamKpis(data.targets, data.agents.length, now, before).composite.score,
    agents,
    underTarget,
    underRecognised: agents.filter((a) => a.kudosReceived === 0).map((a) => a.member),
    pendingFeedback,
  };
}
