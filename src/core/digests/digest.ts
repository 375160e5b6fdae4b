// The weekly team digest: the team's KPIs against its targets with the trend since last week, its composite,
// who moved most (falls named only on the lead's opt-in), recognition, customer voice and feedback
// participation over a completed week, and an eight-week KPI trend for the chart.
import type { CustomerKudosHighlight, FeedbackParticipation } from "./digest-ports.ts";
import { type JudgedWeek, kpiTrend, type Movers, type TeamKpis, teamKpis, topMovers, agentWeeks } from "./kpi-digest.ts";
import type { JudgedSpan } from "../kpi/target-span.ts";
import type { Team } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { KudosRepository, TeamKudosWeek } from "../shared/ports.ts";
import { loadTeamWeeks, type TeamWeeks, type TeamWeeksDeps } from "./team-weeks.ts";
import { lastCompletedWeeks, type Trend } from "./trend.ts";
import { msg } from "../../i18n/message.ts";
import { channelRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";

export const DIGEST_TOP_RECIPIENTS = 5;
export const DIGEST_TREND_WEEKS = 8;
export const DIGEST_CUSTOMER_HIGHLIGHTS = 3;

export interface WeeklyDigest {
  teamId: string;
  teamName: string;
  period: Period;
  /** The week judged: complete, or "so far" for a digest of the running week. */
  span: JudgedSpan;
  kudos: TeamKudosWeek;
  /** Empty lines when the team has no KPI targets. */
  kpis: TeamKpis;
  movers: Movers;
  /**
   * The workspace keeps rankings to leads and admins: the digest is posted in the team channel, so it names
   * nobody as most recognised or as a mover (kudos.topRecipients and movers are empty).
   */
  rankingsHidden: boolean;
  customerKudos: CustomerKudosHighlight[];
  feedback: FeedbackParticipation;
  /** The last eight weeks up to and including `period`, for the chart. */
  trend: Trend;
}

export type WeeklyDigestDeps = TeamWeeksDeps & { kudos: KudosRepository; recognitionSettings: Pick<RecognitionSettingsRepository, "get"> };

const NO_MOVERS: Movers = { up: [], down: [], downCount: 0 };

export async function composeWeeklyDigest(deps: WeeklyDigestDeps, team: Team, period: Period): Promise<WeeklyDigest> {
  // One week more than the chart shows: the week before `period` is "previous" for the trend and the movers.
  const span = lastCompletedWeeks(period.end, team.timeZone, DIGEST_TREND_WEEKS + 1);
  const weeks = span.slice(1);
  const [data, kudos, customerKudos, feedback, settings, rankingsShown] = await Promise.all([
    loadTeamWeeks(deps, team, span),
    deps.kudos.teamWeek(team.id, period, DIGEST_TOP_RECIPIENTS),
    deps.digestReads.customerKudos(team.id, period, DIGEST_CUSTOMER_HIGHLIGHTS),
    deps.digestReads.feedbackParticipation(team.id, period, period.key),
    deps.digestReads.settings(team.id),
    channelRankingsShown(deps, team.workspaceId),
  ]);
  const [previous, current] = data.weeks.slice(-2) as [JudgedWeek, JudgedWeek];
  const kpis = teamKpis(data.targets, data.agents.length, current, previous);
  const agents = agentWeeks(data.targetsOf, data.agents, current, previous, data.kudosReceived[data.kudosReceived.length - 1] ?? new Map());
  return {
    teamId: team.id,
    teamName: team.name,
    period,
    span: current.span,
    kudos: rankingsShown ? kudos : { ...kudos, topRecipients: [] },
    kpis,
    movers: rankingsShown ? topMovers(agents, { nameFalls: settings.nameAllMovers }) : NO_MOVERS,
    rankingsHidden: !rankingsShown,
    customerKudos,
    feedback,
    trend: await digestTrend(deps, team, weeks, data),
  };
}

async function digestTrend(deps: WeeklyDigestDeps, team: Team, weeks: Period[], data: TeamWeeks): Promise<Trend> {
  const keys = weeks.map((w) => w.key);
  if (data.targets.length > 0) {
    return kpiTrend(msg("chart.kpiTitle", { team: team.name, weeks: DIGEST_TREND_WEEKS }), keys, data.targets, data.agents.length, data.weeks.slice(1));
  }
  // Without KPI targets there is nothing to measure against: the chart shows recognition instead.
  const totals = await deps.kudos.teamTotalsByRange(team.id, weeks);
  return {
    title: msg("chart.kudosTitle", { team: team.name, weeks: DIGEST_TREND_WEEKS }),
    weeks: keys,
    series: [
      { name: msg("chart.kudos"), values: totals.map((t) => t.count) },
      { name: msg("chart.points"), values: totals.map((t) => t.points) },
    ],
  };
}
