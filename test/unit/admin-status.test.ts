import { describe, expect, it } from "vitest";
import type { Team } from "../../src/core/shared/model.ts";
import type { RunSummary } from "../../src/core/shared/ports.ts";
import { describeRuns as describe_, type PostStatus } from "../../src/core/digests/post-status.ts";
import { mrkdwn } from "../../src/slack/render/mrkdwn.ts";

/** The report as Slack shows it, a line per message. */
const describeRuns = (t: Team, s: PostStatus, locale: "en" | "zh-CN" = "en") => describe_(t, s).map((line) => mrkdwn(line, locale)).join("\n");

const team: Team = { id: "t", workspaceId: "w", name: "Support", channelId: "CTEAM", timeZone: "Europe/Berlin", digestDay: 1, digestMinuteOfDay: 540 };
const status = (patch: Partial<PostStatus>): PostStatus => ({ runs: [], leadDigests: [], leaderboard: "kudos", awards: true, rankingsHidden: false, ...patch });
const posted = (kind: string, periodKey: string, at: string): RunSummary => ({ kind, periodKey, status: "posted", attempts: 1, postedAt: new Date(at), error: null });

describe("/spur status", () => {
  it("says what went out and why anything failed", () => {
    const text = describeRuns(
      team,
      status({
        runs: [
          { kind: "weekly_digest", periodKey: "2026-W47", status: "failed", attempts: 2, postedAt: null, error: "Slack refused: is_archived" },
          { kind: "weekly_digest", periodKey: "2026-W46", status: "posted", attempts: 1, postedAt: new Date("2026-11-16T08:00:03Z"), error: null },
          { kind: "weekly_digest", periodKey: "2026-W48", status: "posting", attempts: 1, postedAt: null, error: null },
        ],
      }),
    );
    expect(text).toContain("Scheduled posts for Support → <#CTEAM>, Mondays 09:00 (Europe/Berlin).");
    expect(text).toContain("• weekly digest 2026-W47: failed after 2 attempts — Slack refused: is_archived");
    expect(text).toContain("• weekly digest 2026-W46: posted 2026-11-16 08:00 UTC");
    expect(text).toContain("• weekly digest 2026-W48: in progress (attempt 1)");
  });

  it("explains a team with no channel and no posts yet", () => {
    expect(describeRuns({ ...team, channelId: null }, status({}))).toBe(
      "Scheduled posts for Support → no channel yet (`/spur channel #channel`), Mondays 09:00 (Europe/Berlin).\nNothing has been posted yet.",
    );
  });

  it("lists the team's posts by kind, the latest few of each, and counts lead digests per week", () => {
    const text = describeRuns(
      team,
      status({
        // As the store returns them: grouped by kind, newest first; four digests, of which three are shown.
        runs: [
          posted("monthly_awards", "2026-10", "2026-11-02T08:00:00Z"),
          posted("weekly_digest", "2026-W47", "2026-11-23T08:00:00Z"),
          posted("weekly_digest", "2026-W46", "2026-11-16T08:00:00Z"),
          posted("weekly_digest", "2026-W45", "2026-11-09T08:00:00Z"),
          posted("weekly_digest", "2026-W44", "2026-11-02T08:00:00Z"),
          posted("weekly_leaderboard", "2026-W47", "2026-11-23T08:00:01Z"),
        ],
        leadDigests: [
          { periodKey: "2026-W47", posted: 3, failed: 1, inProgress: 0, errors: ["Slack refused: user_not_found"] },
          { periodKey: "2026-W46", posted: 2, failed: 2, inProgress: 1, errors: ["Slack refused: cannot_dm_bot", "Slack refused: user_disabled"] },
          { periodKey: "2026-W45", posted: 4, failed: 0, inProgress: 0, errors: [] },
        ],
      }),
    );
    expect(text.split("\n").slice(1)).toEqual([
      "• weekly digest 2026-W47: posted 2026-11-23 08:00 UTC",
      "• weekly digest 2026-W46: posted 2026-11-16 08:00 UTC",
      "• weekly digest 2026-W45: posted 2026-11-09 08:00 UTC",
      "• weekly leaderboard 2026-W47: posted 2026-11-23 08:00 UTC",
      "• monthly awards 2026-10: posted 2026-11-02 08:00 UTC",
      "• lead digests 2026-W47: 3 sent, 1 failed: Slack refused: user_not_found",
      "• lead digests 2026-W46: 2 sent, 2 failed: Slack refused: cannot_dm_bot; Slack refused: user_disabled, 1 in progress",
      "• lead digests 2026-W45: 4 sent",
    ]);
  });

  it("says which posts the team turned off", () => {
    const text = describeRuns(team, status({ leaderboard: "off", awards: false, runs: [posted("weekly_leaderboard", "2026-W40", "2026-10-05T07:00:00Z")] }));
    expect(text.split("\n").slice(1)).toEqual([
      "• weekly leaderboard: off",
      "• weekly leaderboard 2026-W40: posted 2026-10-05 07:00 UTC",
      "• monthly awards: off",
    ]);
    expect(describeRuns(team, status({ awards: false }))).toBe(
      "Scheduled posts for Support → <#CTEAM>, Mondays 09:00 (Europe/Berlin).\n• monthly awards: off\nNothing has been posted yet.",
    );
  });

  it("says the leaderboard post is held back while rankings are kept to leads, unless the team turned it off", () => {
    expect(describeRuns(team, status({ rankingsHidden: true })).split("\n").slice(1)).toEqual([
      "• weekly leaderboard: held back while rankings are kept to leads and admins (`/spur settings leaderboard everyone` to post it)",
      "Nothing has been posted yet.",
    ]);
    expect(describeRuns(team, status({ rankingsHidden: true, leaderboard: "off" }))).not.toContain("held back");
    expect(describeRuns(team, status({ rankingsHidden: true }), "zh-CN")).toContain("• 每周排行榜：排名仅对组长和管理员可见，暂不发布（使用 `/spur settings leaderboard everyone` 恢复）");
  });

  it("speaks Chinese to a zh-CN workspace", () => {
    const text = describeRuns(team, status({ runs: [posted("weekly_digest", "2026-W46", "2026-11-16T08:00:00Z")] }), "zh-CN");
    expect(text).toBe("Support 的定时发布 → <#CTEAM>，每周一 09:00（Europe/Berlin）。\n• 每周周报 2026-W46：已发布（2026-11-16 08:00 UTC）");
  });
});
