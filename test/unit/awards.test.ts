import { describe, expect, it } from "vitest";
import { agentOfTheMonth, mostRecognised, teamAward, teamAwardScore, teamOfTheMonth, teamScore } from "../../src/core/awards/awards.ts";
import type { Member, Role } from "../../src/core/shared/model.ts";
import type { MemberStanding } from "../../src/core/awards/team-standings.ts";
import { plain } from "../support/neutral-text.ts";

function member(name: string, role: Role = "agent"): Member {
  return { id: `id-${name}`, workspaceId: "w", teamId: "t", platformUserId: `U${name.toUpperCase()}`, displayName: name, handle: null, locale: null, role, isBot: false, isDeactivated: false };
}
function standing(name: string, composite: number | null, ticketsHandled: number, kudosReceived = 0, role: Role = "agent"): MemberStanding {
  return { member: member(name, role), composite, ticketsHandled, kudosReceived };
}
const names = (award: { winners: { kind: string; member?: Member; teamName?: string }[] }) =>
  award.winners.map((w) => (w.kind === "member" ? w.member!.displayName : w.teamName));

describe("agent of the month", () => {
  it("is the highest composite among agents who handled the minimum volume", () => {
    const award = agentOfTheMonth(
      [
        standing("ana", 97.5, 12), // best score, but below the 20-ticket minimum
        standing("bo", 91.25, 40),
        standing("carl", 88, 20), // exactly the minimum counts
        standing("dee", 99, 60, 0, "lead"), // leads are not agents
        standing("eve", null, 80), // no composite
      ],
      20,
    );
    expect(names(award)).toEqual(["bo"]);
    expect(plain(award.value)).toBe("91.3%");
    expect(plain(award.tie)).toBeNull();
    expect(plain(award.rule)).toBe("Highest composite score of the month among agents who handled at least 20 tickets.");
  });

  it("shares the award when scores tie at the shown precision, winners listed by name", () => {
    // 92.04 and 91.96 both show as 92.0%: a tie the post can explain.
    const award = agentOfTheMonth([standing("zoe", 92.04, 30), standing("ana", 91.96, 25), standing("bo", 91.9, 50)], 20);
    expect(names(award)).toEqual(["ana", "zoe"]);
    expect(plain(award.value)).toBe("92.0%");
    expect(plain(award.tie)).toBe("2 tied at 92.0%: the award is shared (listed by name).");
  });

  it("says why nobody won when nobody qualified", () => {
    const award = agentOfTheMonth([standing("ana", 99, 5)], 20);
    expect(award.winners).toEqual([]);
    expect(plain(award.none)).toBe("No agent handled 20 tickets with a composite score this month.");
  });
});

describe("most recognised", () => {
  it("is whoever received the most kudos, any role; ties are shared", () => {
    const award = mostRecognised([standing("ana", null, 0, 4), standing("bo", null, 0, 7, "lead"), standing("carl", null, 0, 7), standing("dee", null, 0, 0)]);
    expect(names(award)).toEqual(["bo", "carl"]);
    expect(plain(award.value)).toBe("7 kudos");
    expect(plain(award.tie)).toBe("2 tied at 7 kudos: the award is shared (listed by name).");
  });

  it("has no winner when nobody received kudos", () => {
    expect(plain(mostRecognised([standing("ana", 90, 30, 0)]).none)).toBe("Nobody received kudos this month.");
  });
});

describe("team of the month", () => {
  it("scores a team by the mean composite of its eligible agents, and needs two of them", () => {
    // (90 + 80) / 2 = 85; the lead and the low-volume agent do not count.
    expect(teamAwardScore([standing("a", 90, 30), standing("b", 80, 25), standing("c", 100, 3), standing("d", 100, 90, 0, "lead")], 20, 2)).toBe(85);
    expect(teamAwardScore([standing("a", 99, 30), standing("c", 100, 3)], 20, 2)).toBeNull();
  });

  it("picks the highest team mean across the workspace; a one-agent team cannot win on one score", () => {
    const award = teamOfTheMonth(
      [
        { teamId: "t1", teamName: "Billing", standings: [standing("a", 90, 30), standing("b", 80, 25)] }, // 85.0
        { teamId: "t2", teamName: "Onboarding", standings: [standing("c", 88, 30), standing("d", 86, 40), standing("e", 84, 21)] }, // 86.0
        { teamId: "t3", teamName: "Solo", standings: [standing("f", 100, 90)] }, // too few agents
      ],
      20,
      2,
    );
    expect(names(award)).toEqual(["Onboarding"]);
    expect(plain(award.value)).toBe("86.0%");
    expect(plain(award.rule)).toContain("mean composite score of the team's agents who handled at least 20 tickets");
    expect(plain(award.rule)).toContain("at least 2 such agents");
  });

  it("shares the award between tied teams, by name", () => {
    const award = teamOfTheMonth(
      [
        { teamId: "t2", teamName: "Zeta", standings: [standing("a", 90, 30), standing("b", 80, 30)] },
        { teamId: "t1", teamName: "Alpha", standings: [standing("c", 85, 30), standing("d", 85, 30)] },
      ],
      20,
      2,
    );
    expect(names(award)).toEqual(["Alpha", "Zeta"]);
    expect(plain(award.tie)).toBe("2 tied at 85.0%: the award is shared (listed by name).");
  });

  it("is decided from stored team scores exactly as from the standings, rounding to 0.1 before comparing", () => {
    const billing = { teamId: "t1", teamName: "Billing", standings: [standing("a", 90, 30), standing("b", 80, 25)] };
    expect(teamScore(billing, 20, 2)).toEqual({ teamId: "t1", teamName: "Billing", score: 85 });
    // 86.04 and 85.96 both show as 86.0%: shared; 85.94 shows as 85.9%; a null score never wins.
    const award = teamAward(
      [
        { teamId: "t1", teamName: "Onboarding", score: 86.04 },
        { teamId: "t2", teamName: "Billing", score: 85.96 },
        { teamId: "t3", teamName: "Nights", score: 85.94 },
        { teamId: "t4", teamName: "Solo", score: null },
      ],
      20,
      2,
    );
    expect(names(award)).toEqual(["Billing", "Onboarding"]);
    expect(plain(award.value)).toBe("86.0%");
    expect(plain(award.tie)).toBe("2 tied at 86.0%: the award is shared (listed by name).");
    expect(plain(teamAward([{ teamId: "t4", teamName: "Solo", score: null }]).none)).toBe("No team had 2 agents meeting the minimum volume this month.");
  });
});
