import { describe, expect, it } from "vitest";
import { describeRuns } from "../../src/core/admin.ts";
import type { Team } from "../../src/core/model.ts";

const team: Team = { id: "t", workspaceId: "w", name: "Support", channelId: "CTEAM", timeZone: "Europe/Berlin", digestDay: 1, digestMinuteOfDay: 540 };

describe("/spur status", () => {
  it("says what went out and why anything failed", () => {
    const text = describeRuns(team, [
      { kind: "weekly_digest", periodKey: "2026-W47", status: "failed", attempts: 2, postedAt: null, error: "Slack refused: is_archived" },
      { kind: "weekly_digest", periodKey: "2026-W46", status: "posted", attempts: 1, postedAt: new Date("2026-11-16T08:00:03Z"), error: null },
      { kind: "weekly_digest", periodKey: "2026-W48", status: "posting", attempts: 1, postedAt: null, error: null },
    ]);
    expect(text).toContain("Scheduled posts for Support → <#CTEAM>, Mondays 09:00 (Europe/Berlin).");
    expect(text).toContain("• weekly digest 2026-W47: failed after 2 attempts — Slack refused: is_archived");
    expect(text).toContain("• weekly digest 2026-W46: posted 2026-11-16 08:00 UTC");
    expect(text).toContain("• weekly digest 2026-W48: in progress (attempt 1)");
  });

  it("explains a team with no channel and no posts yet", () => {
    expect(describeRuns({ ...team, channelId: null }, [])).toBe(
      "Scheduled posts for Support → no channel yet (`/spur channel #channel`), Mondays 09:00 (Europe/Berlin).\nNothing has been posted yet.",
    );
  });
});
