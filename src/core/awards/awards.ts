// The monthly awards and their rules — pure, so every rule is unit-tested with hand-computed numbers.
// Each award names its rule in the post; a tie shares the award (winners listed by name) and says so.
import type { Member } from "../shared/model.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { type MemberStanding, roundScore } from "./team-standings.ts";

/** Tickets an agent must have handled in the month to be compared on composite score at all. */
export const AWARD_MIN_TICKETS = 20;
/** Agents meeting the minimum volume a team needs for its mean composite to be compared. */
export const TEAM_AWARD_MIN_AGENTS = 2;

export type AwardId = "agent_of_the_month" | "most_recognised" | "team_of_the_month";

export type AwardWinner = { kind: "member"; member: Member } | { kind: "team"; teamId: string; teamName: string };

export interface Award {
  id: AwardId;
  title: Msg;
  /** The rule, in words, shown with the award. */
  rule: Msg;
  /** Empty when nobody qualified; several when they tied. */
  winners: AwardWinner[];
  /** The winning value as shown ("94.2%", "7 kudos"), or null when nobody qualified. */
  value: Msg | null;
  /** How a tie was settled, or null when there was none. */
  tie: Msg | null;
  /** Why nobody won, or null. */
  none: Msg | null;
}

export interface TeamCandidate {
  teamId: string;
  teamName: string;
  standings: MemberStanding[];
}

const pct = (score: number) => msg("post.pct", { value: roundScore(score).toFixed(1) });

/** Everyone sharing the highest (rounded) value, by name; null when there are no candidates. */
function topTied<T>(items: T[], value: (t: T) => number, name: (t: T) => string): { winners: T[]; best: number } | null {
  if (items.length === 0) return null;
  const best = Math.max(...items.map(value));
  const winners = items.filter((t) => value(t) === best).sort((a, b) => name(a).localeCompare(name(b), "en"));
  return { winners, best };
}

function tieNote(count: number, shown: Msg): Msg | null {
  return count > 1 ? msg("awards.tie", { count, value: shown }) : null;
}

/** Agents (role agent, active) who handled enough tickets and have a composite score. */
export function eligibleAgents(standings: MemberStanding[], minTickets = AWARD_MIN_TICKETS): (MemberStanding & { composite: number })[] {
  return standings.filter(
    (s): s is MemberStanding & { composite: number } =>
      s.member.role === "agent" && !s.member.isBot && !s.member.isDeactivated && s.composite !== null && s.ticketsHandled >= minTickets,
  );
}

export function agentOfTheMonth(standings: MemberStanding[], minTickets = AWARD_MIN_TICKETS): Award {
  const rule = msg("awards.agentRule", { tickets: minTickets });
  const top = topTied(eligibleAgents(standings, minTickets), (s) => roundScore(s.composite), (s) => s.member.displayName);
  const base = { id: "agent_of_the_month" as const, title: msg("awards.agentOfTheMonth"), rule };
  if (!top) return { ...base, winners: [], value: null, tie: null, none: msg("awards.agentNone", { tickets: minTickets }) };
  const shown = pct(top.best);
  return { ...base, winners: top.winners.map((s) => ({ kind: "member", member: s.member })), value: shown, tie: tieNote(top.winners.length, shown), none: null };
}

export function mostRecognised(standings: MemberStanding[]): Award {
  const rule = msg("awards.recognisedRule");
  const people = standings.filter((s) => !s.member.isBot && !s.member.isDeactivated && s.kudosReceived > 0);
  const top = topTied(people, (s) => s.kudosReceived, (s) => s.member.displayName);
  const base = { id: "most_recognised" as const, title: msg("awards.mostRecognised"), rule };
  if (!top) return { ...base, winners: [], value: null, tie: null, none: msg("awards.recognisedNone") };
  const shown = msg("post.kudos", { count: top.best });
  return { ...base, winners: top.winners.map((s) => ({ kind: "member", member: s.member })), value: shown, tie: tieNote(top.winners.length, shown), none: null };
}

/** A team's score for the team award: the mean composite of its eligible agents, or null if too few. */
export function teamAwardScore(standings: MemberStanding[], minTickets = AWARD_MIN_TICKETS, minAgents = TEAM_AWARD_MIN_AGENTS): number | null {
  const agents = eligibleAgents(standings, minTickets);
  if (agents.length < minAgents) return null;
  return agents.reduce((s, a) => s + a.composite, 0) / agents.length;
}

/** A team's score for the team award, as computed once per workspace and month. */
export interface TeamScore {
  teamId: string;
  teamName: string;
  /** The team's award score (see teamAwardScore), or null when too few of its agents qualified. */
  score: number | null;
}

export function teamScore(candidate: TeamCandidate, minTickets = AWARD_MIN_TICKETS, minAgents = TEAM_AWARD_MIN_AGENTS): TeamScore {
  return { teamId: candidate.teamId, teamName: candidate.teamName, score: teamAwardScore(candidate.standings, minTickets, minAgents) };
}

/**
 * Across the workspace's teams: the highest mean composite of agents meeting the minimum volume. A mean of
 * attainment against each team's own targets compares teams of any size fairly; a minimum of agents keeps a
 * one-person team from winning on a single score.
 */
export function teamOfTheMonth(teams: TeamCandidate[], minTickets = AWARD_MIN_TICKETS, minAgents = TEAM_AWARD_MIN_AGENTS): Award {
  return teamAward(
    teams.map((t) => teamScore(t, minTickets, minAgents)),
    minTickets,
    minAgents,
  );
}

/** The team award from the teams' scores (`minTickets` and `minAgents`: what the scores were computed with, for the rule). */
export function teamAward(scores: TeamScore[], minTickets = AWARD_MIN_TICKETS, minAgents = TEAM_AWARD_MIN_AGENTS): Award {
  const rule = msg("awards.teamRule", { tickets: minTickets, agents: minAgents });
  const scored = scores.flatMap((t) => (t.score === null ? [] : [{ team: t, score: roundScore(t.score) }]));
  const top = topTied(scored, (s) => s.score, (s) => s.team.teamName);
  const base = { id: "team_of_the_month" as const, title: msg("awards.teamOfTheMonth"), rule };
  if (!top) return { ...base, winners: [], value: null, tie: null, none: msg("awards.teamNone", { agents: minAgents }) };
  const shown = pct(top.best);
  return {
    ...base,
    winners: top.winners.map((s) => ({ kind: "team", teamId: s.team.teamId, teamName: s.team.teamName })),
    value: shown,
    tie: tieNote(top.winners.length, shown),
    none: null,
  };
}
