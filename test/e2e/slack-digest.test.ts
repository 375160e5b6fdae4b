import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/render/trend-chart-png.ts";
import { WEEKLY_DIGEST_JOB, weeklyDigestSchedulerId } from "../../src/jobs/weekly-digest.ts";
import { TestClock } from "../support/clock.ts";
import { pngSize } from "../support/png.ts";
import { dejaVuOnlyTitleInk, inkDifference, inked, titleInk } from "../support/chart-glyphs.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const clock = new TestClock(new Date("2026-11-17T10:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

async function ephemeral(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  await h.command(command, text, { user });
  return waitForCommandReply(h, user, expectText, since);
}

describe("weekly digest", () => {
  it("is scheduled per team, in the team's time zone, and moves when the settings change", async () => {
    await ephemeral(USERS.admin.id, "/spur", "channel <#CTEAM|support-team>", "now go to <#CTEAM>");
    await ephemeral(USERS.admin.id, "/spur", "timezone Europe/Berlin", "Europe/Berlin");
    await ephemeral(USERS.admin.id, "/spur", "digest friday 16:30", "Fridays at 16:30");
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    const schedulers = await h.spur.queues.scheduled.getJobSchedulers();
    const mine = schedulers.find((s) => s.key === weeklyDigestSchedulerId(team.id));
    expect(mine?.pattern).toBe("0 30 16 * * 5");
    expect(mine?.tz).toBe("Europe/Berlin");
    expect(schedulers.filter((s) => s.key === weeklyDigestSchedulerId(team.id))).toHaveLength(1);
  });

  it("posts the week's kudos totals and top recipients once, even when the job runs twice", async () => {
    await ephemeral(USERS.carl.id, "/kudos", `${esc(USERS.ana)} ${esc(USERS.bo)} 2 ran the launch #ownership`, "Kudos sent");
    await ephemeral(USERS.bo.id, "/kudos", `${esc(USERS.ana)} 3 took over my queue #teamwork`, "Kudos sent");
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    clock.set("2026-11-23T15:30:00Z"); // the Monday after week 2026-W47

    const digestPosts = () =>
      h.slack.callsTo("chat.postMessage").filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === "spur_weekly_digest");
    const first = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id });
    const second = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id });
    await h.slack.waitFor(async () => {
      const states = await Promise.all([first.getState(), second.getState()]);
      return states.every((s) => s === "completed");
    });
    const returns = [(await h.spur.queues.scheduled.getJob(first.id!))?.returnvalue, (await h.spur.queues.scheduled.getJob(second.id!))?.returnvalue];
    expect(returns.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);

    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.args.channel).toBe("CTEAM");
    expect(post.args.metadata).toMatchObject({ event_payload: { period_key: "2026-W47", team_id: team.id } });
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain("3 kudos");
    expect(blocks).toContain("7 points");
    expect(blocks).toContain("2 people");
    expect(blocks).toContain("🥇 <@UANA> — 5 points (2 kudos)");
    expect(blocks).toContain("🥈 <@UBO> — 2 points (1 kudos)");
    expect(blocks).toContain("#ownership ×2");
    expect(blocks).toContain("#teamwork ×1");

    // The trend chart: a real PNG of the chart's size, in the digest's thread.
    const message = h.slack.messages.find((m) => m.channel === "CTEAM" && m.metadata?.event_type === "spur_weekly_digest");
    expect(message).toBeDefined();
    const chart = await h.slack.waitFor(() => [...h.slack.files.values()].find((f) => f.threadTs === message!.ts && f.bytes));
    expect(chart.channel).toBe("CTEAM");
    expect(chart.filename).toBe("weekly-trend.png");
    expect(await pngSize(chart.bytes!)).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(chart.title).toBe("Default team — recognition, last 8 weeks");

    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id, periodKey: "2026-W47" } });
    const status = await ephemeral(USERS.admin.id, "/spur", "status", "Scheduled posts for");
    expect(String(status.args.text)).toContain("weekly digest 2026-W47: posted");
    expect(String(status.args.text)).toContain("Fridays 16:30 (Europe/Berlin)");

    // Leads and admins can preview it privately and send it now; it still goes out once per week.
    await ephemeral(USERS.bo.id, "/spur", "digest preview", "Only leads and admins can preview or send");
    const preview = await ephemeral(USERS.admin.id, "/spur", "digest preview", "Weekly digest");
    expect(JSON.stringify(preview.args.blocks)).toContain("7 points");
    const completed = async () => (await h.spur.queues.scheduled.getJobs(["completed"])).filter((j) => j.data.teamId === team.id);
    const before = (await completed()).length;
    await ephemeral(USERS.admin.id, "/spur", "digest send", "The 2026-W47 digest for Default team is on its way");
    const sent = await h.slack.waitFor(async () => {
      const jobs = await completed();
      return jobs.length > before ? jobs : undefined;
    });
    expect(sent).toHaveLength(before + 1);
    expect(sent.filter((j) => j.returnvalue?.status === "already_done")).toHaveLength(2);
    expect(digestPosts()).toHaveLength(1);
    expect(run.status).toBe("posted");
    expect(run.messageRef).toBe(message!.ts);
  });

  it("speaks the workspace's language: a zh-CN workspace gets its digest and its chart in Chinese", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    await h.spur.db.workspace.update({ where: { id: team.workspaceId }, data: { locale: "zh-CN" } });
    clock.set("2026-11-30T15:30:00Z"); // the Monday after week 2026-W48
    const job = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id });
    await h.slack.waitFor(async () => (await job.getState()) === "completed");
    expect((await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue).toMatchObject({ status: "posted", periodKey: "2026-W48" });

    const message = h.slack.messages.find((m) => m.channel === "CTEAM" && (m.metadata?.event_payload as { period_key?: string } | undefined)?.period_key === "2026-W48");
    expect(message).toBeDefined();
    const blocks = JSON.stringify(message!.blocks);
    expect(message!.text).toBe("周报 — Default team，2026-W48（11月23日 – 2026年11月29日）");
    expect(blocks).toContain("本周还没有点赞。谁帮过你？试试 `/kudos @teammate what they did`。");
    expect(blocks).toContain("反馈：没有反馈请求 · 没有点赞提醒");
    expect(blocks).not.toMatch(/Weekly digest|kudos this week|Feedback:/);

    // The chart in the thread: its title drawn in Chinese glyphs, not DejaVu's boxes nor the English title.
    const chart = await h.slack.waitFor(() => [...h.slack.files.values()].find((f) => f.threadTs === message!.ts && f.bytes));
    expect(chart.title).toBe("Default team — 认可情况，近 8 周");
    const ink = titleInk(chart.bytes!);
    expect(inked(ink)).toBeGreaterThan(800);
    expect(inkDifference(ink, dejaVuOnlyTitleInk(chart.title!))).toBeGreaterThan(0.5);
    expect(inkDifference(ink, dejaVuOnlyTitleInk("Default team — recognition, last 8 weeks"))).toBeGreaterThan(0.5);
  });
});
