import { describe, expect, it } from "vitest";
import { selectLeaderboard } from "../../src/core/awards/leaderboard-post.ts";
import type { Member } from "../../src/core/shared/model.ts";
import { rankByValue } from "../../src/core/awards/team-standings.ts";
import type { MemberStanding } from "../../src/core/awards/team-standings.ts";

function member(name: string): Member {
  return { id: `id-${name}`, workspaceId: "w", teamId: "t", platformUserId: `U${name}`, displayName: name, handle: null, locale: null, role: "agent", isBot: false, isDeactivated: false };
}
const s = (name: string, kudosReceived: number, composite: number | null): MemberStanding => ({ member: member(name), composite, ticketsHandled: 0, kudosReceived });
const rows = (section: { rows: { member: Member; value: number; rank: number }[] } | null) =>
  section?.rows.map((r) => `${r.rank}:${r.member.displayName}:${r.value}`);

const team = [s("ana", 5, 81.24), s("bo", 3, 81.26), s("carl", 5, null), s("dee", 0, 95), s("eve", 1, 70), s("finn", 1, 60), s("gus", 1, 50)];

describe("weekly leaderboard selection", () => {
  it("ranks kudos received, equal counts sharing a place and listed by name; nobody at zero", () => {
    const picked = selectLeaderboard("kudos", team, 3);
    expect(picked.composite).toBeNull();
    // ana and carl tie for 1st, bo is 3rd; the 4th place (eve, finn, gus at 1) is past the top 3.
    expect(rows(picked.kudos)).toEqual(["1:ana:5", "1:carl:5", "3:bo:3"]);
  });

  it("keeps everyone who shares the last place shown", () => {
    expect(rows(selectLeaderboard("kudos", team, 4).kudos)).toEqual(["1:ana:5", "1:carl:5", "3:bo:3", "4:eve:1", "4:finn:1", "4:gus:1"]);
  });

  it("ranks composite scores to one decimal, leaving out members without a score", () => {
    const picked = selectLeaderboard("composite", team, 3);
    expect(picked.kudos).toBeNull();
    // 81.26 shows as 81.3 and 81.24 as 81.2: bo is ahead of ana.
    expect(rows(picked.composite)).toEqual(["1:dee:95", "2:bo:81.26", "3:ana:81.24"]);
  });

  it("gives both sections for `both` and none for `off`", () => {
    const both = selectLeaderboard("both", team, 1);
    expect(rows(both.kudos)).toEqual(["1:ana:5", "1:carl:5"]);
    expect(rows(both.composite)).toEqual(["1:dee:95"]);
    expect(selectLeaderboard("off", team)).toEqual({ kudos: null, composite: null });
  });

  it("treats values equal after rounding as a tie", () => {
    const ranked = rankByValue([{ member: member("zed"), value: 90.04 }, { member: member("amy"), value: 89.96 }], (v) => Math.round(v * 10) / 10);
    expect(ranked.map((r) => `${r.rank}:${r.member.displayName}`)).toEqual(["1:amy", "1:zed"]);
  });
});
