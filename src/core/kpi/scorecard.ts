// An agent's scorecard for a review period: each KPI's value against the team's target fitted to the span
// judged (the current period "so far", up to today), its attainment, trend and the team median; kudos
// received (peer and customer); the composite score and rank in the team.
import { assertCanViewMember } from "../shared/access.ts";
import { peerFeedbackAggregate } from "../feedback/feedback.ts";
import type { FeedbackAggregate } from "../feedback/feedback-model.ts";
import { monthContaining } from "../feedback/feedback-period.ts";
import type { FeedbackRepository } from "../feedback/feedback-ports.ts";
import { isMetricCode, metric, type MetricCode, type MetricDefinition } from "./kpi-catalogue.ts";
import { type Aggregate, composite, type Composite, median, rankOf, scoreMetric } from "./kpi-math.ts";
import { groupRecords, memberComposite } from "../awards/team-standings.ts";
import type { KudosBreakdown, ScorecardReads } from "./kpi-ports.ts";
import { type EffectiveTarget, scoringTargetsOf } from "./effective-targets.ts";
import { judgedSpan, type JudgedSpan, type SpanTarget } from "./target-span.ts";
import type { KpiObservation, KudosTotals, Member, Team } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { Clock } from "../shared/ports.ts";
import { periodDates, shiftPeriod } from "../shared/review-period.ts";
import { individualRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";
import type { LeaderboardVisibility } from "../recognition/recognition-settings.ts";

export interface KpiLine {
  def: MetricDefinition;
  aggregate: Aggregate;
  /** False: "not enough data" (below the minimum volume); the KPI is neither scored nor ranked. */
  enough: boolean;
  minVolume: number;
  /** The member's target: the team's, or their level's override (`fromLevel`). */
  target: EffectiveTarget | null;
  /** The target fitted to the span judged (pro-rated for a volume); null without a target or a judged day. */
  goal: SpanTarget | null;
  attainment: number | null;
  previous: number | null;
  teamMedian: number | null;
}

export interface Scorecard {
  subject: Member;
  /** The subject's level on the workspace's ladder, if they hold one. */
  level: string | null;
  isSelf: boolean;
  period: Period;
  /** How much of the period is judged: all of it, or "so far" (up to today) while it runs. */
  span: JudgedSpan;
  previous: Period;
  kudos: { current: KudosTotals; previous: KudosTotals };
  received: { current: KudosBreakdown; previous: KudosBreakdown };
  /** The period's raw records, for short periods. */
  records: KpiObservation[];
  lines: KpiLine[];
  composite: Composite;
  /** The previous period's composite under the current targets and weights. */
  previousComposite: number | null;
  /** The subject's place in the team by composite; null without targets, or when its reader may not see rankings. */
  rank: { rank: number; of: number } | null;
  /** 360° peer feedback of the month the period starts in, under the same anonymity rules as /feedback. */
  peerFeedback: FeedbackAggregate;
}

export interface ScorecardDeps {
  scorecardReads: ScorecardReads;
  feedback: FeedbackRepository;
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
  clock: Clock;
}

const MAX_LISTED_RECORDS = 25;

export async function buildScorecard(
  deps: ScorecardDeps,
  input: { viewer: Member; subject: Member; team: Team; period: Period; teamsLed: readonly string[] },
): Promise<Scorecard> {
  const { viewer, subject, team, period } = input;
  assertCanViewMember(viewer, subject, input.teamsLed);
  const previous = shiftPeriod(period, -1);
  const now = periodDates(period);
  const before = periodDates(previous);
  const today = deps.clock.now();
  const span = judgedSpan(period, today);
  const previousSpan = judgedSpan(previous, today);
  // One read for everything but peer feedback, which runs beside it under its own anonymity rules.
  const [facts, settings, peerFeedback] = await Promise.all([
    deps.scorecardReads.scorecardFacts({
      teamId: team.id,
      subjectId: subject.id,
      current: { range: period, ...now },
      previous: { range: previous, ...before },
      listed: MAX_LISTED_RECORDS,
    }),
    deps.recognitionSettings.get(subject.workspaceId),
    peerFeedbackAggregate(deps, { workspaceId: subject.workspaceId, subjectId: subject.id, periodKey: monthContaining(period.start, team.timeZone).key }),
  ]);
  const teamIds = new Set([...facts.members.map((m) => m.id), subject.id]);
  // Each member is scored against their own targets: the team's, with their level's overrides.
  const scoring = scoringTargetsOf(facts.teamTargets, facts.levels);
  const targets = scoring.of(subject.id);
  const current = groupRecords(facts.current.records, facts.current.teamKudos);
  const earlier = groupRecords(facts.previous.records, facts.previous.teamKudos);

  // Shown: every targeted KPI, plus any ingested KPI the subject has records for.
  const codes = new Set<MetricCode>(targets.map((t) => t.metric));
  for (const code of current.get(subject.id)?.keys() ?? []) if (isMetricCode(code) && code !== "kudos_received") codes.add(code);

  const lineFor = (memberId: string, code: MetricCode): KpiLine & { previousAttainment: number | null } => {
    const def = metric(code);
    const target = scoring.of(memberId).find((t) => t.metric === code) ?? null;
    const scored = scoreMetric(def, current.get(memberId)?.get(code) ?? [], target, span);
    const prev = scoreMetric(def, earlier.get(memberId)?.get(code) ?? [], target, previousSpan);
    const previousValue = prev.enough ? prev.aggregate.value : null;
    return { def, ...scored, target, previous: previousValue, previousAttainment: prev.attainment, teamMedian: null };
  };

  const composites = new Map<string, number | null>();
  for (const memberId of teamIds) composites.set(memberId, memberComposite(current.get(memberId), scoring.of(memberId), span).score);

  const lines = [...codes].map((code) => {
    const { previousAttainment: _previous, ...line } = lineFor(subject.id, code);
    const peers = [...teamIds].map((id) => lineFor(id, code)).filter((l) => l.enough && l.aggregate.value !== null);
    return { ...line, teamMedian: median(peers.map((l) => l.aggregate.value as number)) };
  });
  const subjectParts = targets.map((t) => ({ t, line: lineFor(subject.id, t.metric) }));
  const subjectComposite = composite(
    subjectParts.map(({ t, line }) => ({ code: t.metric, label: line.def.label, weight: t.weight, attainment: line.attainment })),
  );
  // Same targets and weights applied to the previous period, for the composite's trend.
  const previousComposite = composite(
    subjectParts.map(({ t, line }) => ({ code: t.metric, label: line.def.label, weight: t.weight, attainment: line.previousAttainment })),
  ).score;

  const card: Scorecard = {
    subject,
    level: scoring.levelOf(subject.id)?.name ?? null,
    isSelf: viewer.id === subject.id,
    period,
    span,
    previous,
    kudos: { current: facts.current.totals, previous: facts.previous.totals },
    received: { current: facts.current.received, previous: facts.previous.received },
    records: facts.observations,
    lines,
    composite: subjectComposite,
    previousComposite,
    rank: targets.length > 0 ? rankOf(subject.id, composites) : null,
    peerFeedback,
  };
  return scorecardForReader(card, settings.leaderboardVisibility, viewer);
}

/**
 * The scorecard as `reader` may see it: a rank in the team is a ranking of people, so it is left out for an
 * agent when the workspace keeps rankings to leads and admins (also on a card a lead sends to the agent).
 */
export function scorecardForReader(card: Scorecard, visibility: LeaderboardVisibility, reader: Pick<Member, "role">): Scorecard {
  return individualRankingsShown(visibility, { kind: "member", role: reader.role }) ? card : { ...card, rank: null };
}
