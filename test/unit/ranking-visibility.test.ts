// The one rule for every place Spur ranks people: who may see individual rankings, by the workspace's
// leaderboard visibility and the audience (a team channel, or one member privately).
import { describe, expect, it } from "vitest";
import { CHANNEL_AUDIENCE, individualRankingsShown } from "../../src/core/recognition/ranking-visibility.ts";

describe("individual rankings", () => {
  it("are shown to everyone, channels included, when the leaderboard is visible to everyone", () => {
    expect(individualRankingsShown("everyone", CHANNEL_AUDIENCE)).toBe(true);
    for (const role of ["agent", "lead", "admin"] as const) expect(individualRankingsShown("everyone", { kind: "member", role })).toBe(true);
  });

  it("are kept from channels and agents, and shown to leads and admins, when it is kept to leads", () => {
    expect(individualRankingsShown("leads", CHANNEL_AUDIENCE)).toBe(false);
    expect(individualRankingsShown("leads", { kind: "member", role: "agent" })).toBe(false);
    expect(individualRankingsShown("leads", { kind: "member", role: "lead" })).toBe(true);
    expect(individualRankingsShown("leads", { kind: "member", role: "admin" })).toBe(true);
  });
});
