import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { commandReplies } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Sunday 22 Nov 2026, 23:30 in Los Angeles (PST, UTC-8): already Monday in UTC.
const clock = new TestClock(new Date("2026-11-23T07:30:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  await h.setRecognitionSettings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
});
afterAll(async () => {
  await h?.stop();
});

async function say(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === user));
  const all = String(call.args.text) + JSON.stringify(call.args.blocks ?? "");
  expect(all).toContain(expectText);
  return { call, all };
}

describe("/leaderboard", () => {
  beforeAll(async () => {
    await say(USERS.admin.id, "/spur", "timezone America/Los_Angeles", "America/Los_Angeles");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 3 closed the week strong #craft`, "Kudos sent");
    clock.set("2026-11-23T08:30:00Z"); // Monday 00:30 in Los Angeles: a new week
    await say(USERS.carl.id, "/kudos", `${esc(USERS.bo)} 2 first ticket of the week #ownership`, "Kudos sent");
    await say(USERS.dee.id, "/kudos", `${esc(USERS.bo)} 1 early bird #ownership`, "Kudos sent");
  });

  it("counts this week in the team's time zone: Sunday night's kudos belong to last week", async () => {
    const { all } = await say(USERS.ana.id, "/leaderboard", "", "Most recognised — Default team, week 2026-W48");
    expect(all).toContain("<@UBO> — 3 points (2 kudos)");
    expect(all).not.toContain("<@UANA>");
    expect(all).toContain("You are not on this board yet");
  });

  it("shows the month with ties sharing a rank, and the caller's own rank", async () => {
    const { all } = await say(USERS.ana.id, "/leaderboard", "month", "November 2026");
    expect(all).toMatch(/🥇 <@UANA> — 3 points/);
    expect(all).toMatch(/🥇 <@UBO> — 3 points/);
    expect(all).toContain("You are #1 with 3 points");
  });

  it("ranks givers, filters by value, and covers all time or a quarter", async () => {
    const given = await say(USERS.dee.id, "/leaderboard", "all given", "Most generous");
    expect(given.all).toMatch(/🥇 <@UCARL> — 5 points \(2 kudos\)/);
    expect(given.all).toContain("You are #2 with 1 point");
    const craft = await say(USERS.dee.id, "/leaderboard", "quarter #craft", "Q4 2026");
    expect(craft.all).toContain("<@UANA> — 3 points");
    expect(craft.all).not.toContain("<@UBO>");
    await say(USERS.dee.id, "/leaderboard", "yesterday", 'I didn\'t understand \\"yesterday\\"');
  });

  it("can be hidden from agents by leads", async () => {
    await h.setRecognitionSettings({ leaderboardVisibility: "leads" });
    await say(USERS.ana.id, "/leaderboard", "", "keep the leaderboard private");
    await say(USERS.admin.id, "/leaderboard", "", "Most recognised");
    await h.setRecognitionSettings({ leaderboardVisibility: "everyone" });
  });

  it("speaks the workspace's language", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const { all } = await say(USERS.dee.id, "/leaderboard", "quarter given", "最慷慨榜 —— Default team，2026 年第 4 季度");
      expect(all).toContain("你排第 2 名");
      await say(USERS.dee.id, "/leaderboard", "yesterday", "我没看懂“yesterday”");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});

describe("/kudos history", () => {
  beforeAll(async () => {
    // ana now has 1 received; add 6 more given and received, a minute apart.
    const others = [USERS.bo, USERS.carl, USERS.dee];
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      const other = others[i % 3]!;
      if (i % 2 === 0) await say(USERS.ana.id, "/kudos", `${esc(other)} 1 history item ${i}`, "Kudos sent");
      else await say(other.id, "/kudos", `${esc(USERS.ana)} 1 history item ${i}`, "Kudos sent");
    }
  });

  it("pages through your kudos with Older / Newer buttons", async () => {
    const { call } = await say(USERS.ana.id, "/kudos", "history", "Your kudos — 1–5 of 7");
    const blocks = call.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(JSON.stringify(blocks)).toContain("history item 5");
    expect(JSON.stringify(blocks)).not.toContain("closed the week strong");
    const older = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id.endsWith("_older"));
    expect(older).toBeDefined();

    const responseUrl = h.slack.responseUrl("history-older");
    const res = await h.interaction({
      type: "block_actions",
      user: { id: USERS.ana.id },
      channel: { id: "CGENERAL" },
      container: { type: "message", is_ephemeral: true },
      response_url: responseUrl,
      trigger_id: "trigger-history-older",
      actions: [{ type: "button", block_id: "history_pages", action_id: older!.action_id, value: older!.value, action_ts: "1" }],
    });
    expect(res.status).toBe(200);
    const page2 = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("history-older")));
    expect(page2.body.replace_original).toBe(true);
    const text = JSON.stringify(page2.body);
    expect(text).toContain("Your kudos — 6–7 of 7");
    expect(text).toContain("closed the week strong");
    expect(text).toContain("kudos_history_page_newer");
    expect(text).not.toContain("kudos_history_page_older");
  });

  it("is private: an agent can't read a colleague's history, an admin can", async () => {
    await say(USERS.bo.id, "/kudos", `history ${esc(USERS.ana)}`, "Kudos history is private");
    await say(USERS.admin.id, "/kudos", `history ${esc(USERS.ana)}`, "Kudos of ana — 1–5 of 7");
  });
});
