// The Slack and Teams renderers of the leaderboard and awards posts, from the same core results.
import { describe, expect, it } from "vitest";
import { agentOfTheMonth, mostRecognised, teamOfTheMonth } from "../../src/core/awards/awards.ts";
import type { MonthlyAwards } from "../../src/core/awards/awards-post.ts";
import { monthByKey } from "../../src/core/feedback/feedback-period.ts";
import { type LeaderboardPost, selectLeaderboard } from "../../src/core/awards/leaderboard-post.ts";
import type { Member } from "../../src/core/shared/model.ts";
import { weekByKey } from "../../src/core/shared/period.ts";
import type { MemberStanding } from "../../src/core/awards/team-standings.ts";
import { renderBody } from "../../src/slack/render/blocks.ts";
import { renderCard } from "../../src/teams/render/card.ts";
import { awardsBody } from "../../src/use-cases/posts/awards-body.ts";
import { leaderboardBody } from "../../src/use-cases/posts/leaderboard-body.ts";

const leaderboardPostMessage = (p: LeaderboardPost) => renderBody(leaderboardBody(p), "en");
const leaderboardPostCard = (p: LeaderboardPost) => renderCard(leaderboardBody(p), "en");
const awardsPostMessage = (a: MonthlyAwards) => renderBody(awardsBody(a), "en");
const awardsPostCard = (a: MonthlyAwards) => renderCard(awardsBody(a), "en");

const member = (name: string, id: string): Member => ({ id, workspaceId: "w", teamId: "t", platformUserId: id, displayName: name, handle: null, locale: null, role: "agent", isBot: false, isDeactivated: false });
/** A card as JSON without Adaptive Card markdown escapes, so it reads as the text Teams shows. */
const shown = (card: unknown) => JSON.stringify(card).replaceAll("\\\\", "");
const standings: MemberStanding[] = [
  { member: member("Ana <Alves>", "UANA"), composite: 90, ticketsHandled: 30, kudosReceived: 3 },
  { member: member("Bo Berg", "UBO"), composite: 90.01, ticketsHandled: 40, kudosReceived: 1 },
];

describe("leaderboard and awards renderers", () => {
  const post: LeaderboardPost = { teamId: "t", teamName: "Support", period: weekByKey("2026-W47", "UTC"), ...selectLeaderboard("both", standings) };
  const awards: MonthlyAwards = {
    teamId: "t",
    teamName: "Support",
    period: monthByKey("2026-11", "UTC")!,
    awards: [agentOfTheMonth(standings), mostRecognised(standings), teamOfTheMonth([])],
    rankingsHidden: false,
  };

  it("render the same leaderboard: mentions in Slack, names in Teams, ties sharing a place", () => {
    const slack = JSON.stringify(leaderboardPostMessage(post).blocks);
    const teams = shown(leaderboardPostCard(post).card);
    expect(slack).toContain("1. <@UANA> — 90.0%\\n1. <@UBO> — 90.0%");
    expect(teams).toContain("1. Ana &lt;Alves> — 90.0%");
    expect(teams).toContain("1. Bo Berg — 90.0%");
    for (const out of [slack, teams]) expect(out).toContain("Leaderboard — Support, week 2026-W47");
  });

  it("render the same awards, each with its rule, the tie and why nobody won", () => {
    const slack = JSON.stringify(awardsPostMessage(awards).blocks);
    const teams = shown(awardsPostCard(awards).card);
    expect(slack).toContain("<@UANA> and <@UBO> — 90.0%");
    expect(teams).toContain("Ana &lt;Alves> and Bo Berg — 90.0%");
    for (const out of [slack, teams]) {
      expect(out).toContain("Awards for November 2026 — Support");
      expect(out).toContain("Rule: Highest composite score of the month among agents who handled at least 20 tickets.");
      expect(out).toContain("2 tied at 90.0%: the award is shared (listed by name).");
      expect(out).toContain("No team had 2 agents meeting the minimum volume this month.");
    }
  });
});
