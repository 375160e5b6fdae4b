// The weekly leaderboard post, the monthly awards post and the admin's forced digest, end to end in Slack:
// signed slash commands in, jobs on real Redis and PostgreSQL, posts asserted at the fake Slack Web API.
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MONTHLY_AWARDS_JOB } from "../../src/jobs/monthly-awards.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { WEEKLY_LEADERBOARD_JOB } from "../../src/jobs/weekly-leaderboard.ts";
import { TestClock } from "../support/clock.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const clock = new TestClock(new Date("2026-11-17T10:00:00Z"));
let teamId: string;

async function say(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  await h.command(command, text, { user });
  return waitForCommandReply(h, user, expectText, since);
}

async function run(name: string, times = 1, data: Record<string, unknown> = {}) {
  const jobs: Job[] = [];
  for (let i = 0; i < times; i++) jobs.push(await h.spur.queues.scheduled.add(name, { teamId, ...data }));
  await h.slack.waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === "completed"), 15_000);
  return Promise.all(jobs.map(async (j) => (await h.spur.queues.scheduled.getJob(j.id!))?.returnvalue as { status: string }));
}

const postsOf = (eventType: string) =>
  h.slack.callsTo("chat.postMessage").filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === eventType);
const memberId = async (platformUserId: string) => (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId } })).id;

async function seedKpis(rows: { member: string; csat: [number, number]; tickets: number }[], date: string) {
  await h.spur.db.kpiRecord.createMany({
    data: rows.flatMap((r) => [
      { memberId: r.member, metric: "csat", periodDate: new Date(date), value: (r.csat[0] * 100) / r.csat[1], numerator: r.csat[0], denominator: r.csat[1], source: "api", ref: "" },
      { memberId: r.member, metric: "tickets_handled", periodDate: new Date(date), value: r.tickets, numerator: null, denominator: null, source: "api", ref: "" },
    ]),
  });
}

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  await say(USERS.admin.id, "/spur", "channel <#CTEAM|support-team>", "now go to <#CTEAM>");
  await say(USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "is now a lead");
  await say(USERS.admin.id, "/spur", "targets set csat 100", "Saved.");
  // Week 2026-W47: ana receives 2 kudos, bo 1.
  await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 2 ran the launch #ownership`, "Kudos sent");
  await say(USERS.bo.id, "/kudos", `${esc(USERS.ana)} took over my queue`, "Kudos sent");
  await say(USERS.dee.id, "/kudos", `${esc(USERS.bo)} fixed the macro`, "Kudos sent");
  teamId = (await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } })).id;
  // Composite = CSAT attainment against 100%: ana 95.0%, dee 90.0% (only 10 tickets), bo 80.0%.
  const [ana, bo, dee] = await Promise.all([memberId(USERS.ana.id), memberId(USERS.bo.id), memberId(USERS.dee.id)]);
  await seedKpis(
    [
      { member: ana, csat: [19, 20], tickets: 30 },
      { member: bo, csat: [16, 20], tickets: 25 },
      { member: dee, csat: [9, 10], tickets: 10 },
    ],
    "2026-11-18",
  );
});
afterAll(async () => {
  await h?.stop();
});

describe("weekly leaderboard post", () => {
  it("is set per team by admins only, and its scheduler follows the setting", async () => {
    await say(USERS.carl.id, "/spur", "leaderboard-post both", "Only Spur admins can change settings");
    await say(USERS.admin.id, "/spur", "leaderboard-post sometimes", "Usage: `/spur leaderboard-post kudos|composite|both|off`");
    await say(USERS.admin.id, "/spur", "leaderboard-post", "ranks kudos received");
    await say(USERS.admin.id, "/spur", "leaderboard-post off", "weekly leaderboard post for Default team is off");
    const ids = async () => (await h.spur.queues.scheduled.getJobSchedulers()).map((s) => s.key);
    expect(await ids()).not.toContain(`weekly-leaderboard-${teamId}`);
    await say(USERS.admin.id, "/spur", "leaderboard-post both", "ranks kudos received and composite score");
    expect(await ids()).toContain(`weekly-leaderboard-${teamId}`);
  });

  it("posts last week's kudos and composite rankings with their rules, once", async () => {
    clock.set("2026-11-23T15:30:00Z");
    const results = await run(WEEKLY_LEADERBOARD_JOB, 2);
    expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    const posts = postsOf("spur_weekly_leaderboard");
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.args.channel).toBe("CTEAM");
    expect(post.args.metadata).toMatchObject({ event_payload: { period_key: "2026-W47", team_id: teamId } });
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain("Leaderboard — Default team, week 2026-W47");
    expect(blocks).toContain("*Most kudos received*\\n1. <@UANA> — 2 kudos\\n2. <@UBO> — 1 kudos");
    expect(blocks).toContain("*Composite score*\\n1. <@UANA> — 95.0%\\n2. <@UDEE> — 90.0%\\n3. <@UBO> — 80.0%");
    expect(blocks).toContain("Rule: Kudos received during the week");
    expect(blocks).toContain("Rule: Composite score: weighted mean");
  });

  it("finds its post after a worker died between posting and recording, instead of posting again", async () => {
    await h.spur.db.digestRun.update({
      where: { teamId_kind_periodKey: { teamId, kind: "weekly_leaderboard", periodKey: "2026-W47" } },
      data: { status: "posting", leaseUntil: new Date("2026-11-23T15:31:00Z"), messageRef: null },
    });
    clock.set("2026-11-23T16:00:00Z");
    const [result] = await run(WEEKLY_LEADERBOARD_JOB);
    expect(result).toMatchObject({ status: "posted", recovered: true });
    expect(postsOf("spur_weekly_leaderboard")).toHaveLength(1);
    expect(h.slack.callsTo("conversations.history").length).toBeGreaterThanOrEqual(1);
  });

  it("tells the admin, and /spur status, that it is held back while rankings are kept to leads", async () => {
    await say(USERS.admin.id, "/spur", "settings leaderboard leads", "Saved: leaderboard visibility.");
    await say(USERS.admin.id, "/spur", "leaderboard-post", "the post is held back");
    await say(USERS.admin.id, "/spur", "status", "weekly leaderboard: held back while rankings are kept to leads and admins");
    clock.set("2026-11-30T15:30:00Z");
    expect((await run(WEEKLY_LEADERBOARD_JOB))[0]).toMatchObject({ status: "skipped", reason: "rankings_hidden" });
    await say(USERS.admin.id, "/spur", "settings leaderboard everyone", "Saved: leaderboard visibility.");
    const since = h.commands.length;
    await h.command("/spur", "leaderboard-post", { user: USERS.admin.id });
    expect(JSON.stringify(await waitForCommandReply(h, USERS.admin.id, "ranks kudos received", since))).not.toContain("held back");
    clock.set("2026-11-23T16:00:00Z");
  });
});

describe("/spur digest send force", () => {
  it("posts the week's digest again for an admin, audited; plain send stays once a week; leads are refused", async () => {
    expect((await run(WEEKLY_DIGEST_JOB))[0]?.status).toBe("posted");
    await say(USERS.admin.id, "/spur", "digest send", "The 2026-W47 digest for Default team is on its way");
    await say(USERS.carl.id, "/spur", "digest send force", "Only Spur admins can force the digest out again");
    await say(USERS.admin.id, "/spur", "digest send again", "Usage: `/spur digest send`");
    await say(USERS.admin.id, "/spur", "digest send force", "The 2026-W47 digest for Default team is being posted again (forced by an admin");
    const digests = await h.slack.waitFor(() => {
      const posts = postsOf("spur_weekly_digest");
      return posts.length === 2 ? posts : undefined;
    });
    expect(digests.map((p) => (p.args.metadata as { event_payload: { period_key: string } }).event_payload.period_key)).toEqual([
      "2026-W47",
      "2026-W47 at 2026-11-23T16:00:00.000Z",
    ]);
    const audit = await h.spur.db.auditLogEntry.findMany({ where: { action: "digest.force_send" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: USERS.admin.id, target: teamId, details: { periodKey: "2026-W47" } });
    const runs = await h.slack.waitFor(async () => {
      const rows = await h.spur.db.digestRun.findMany({ where: { teamId, kind: { startsWith: "weekly_digest" } }, orderBy: { createdAt: "asc" } });
      return rows.every((r) => r.status === "posted") ? rows : undefined;
    });
    expect(runs.map((r) => [r.kind, r.status])).toEqual([
      ["weekly_digest", "posted"],
      ["weekly_digest_forced", "posted"],
    ]);
    const status = await say(USERS.admin.id, "/spur", "status", "Scheduled posts for");
    expect(String(status.args.text)).toContain("weekly digest forced 2026-W47 at 2026-11-23T16:00:00.000Z: posted");
    expect(String(status.args.text)).toContain("weekly leaderboard 2026-W47: posted");
  });
});

describe("monthly awards post", () => {
  it("names agent of the month, most recognised and the team award, each with its rule, a tie stated, once", async () => {
    // A second team in the workspace, with the same target: x 90%, y 85% → mean 87.5%, as the default team's
    // eligible agents (ana 95%, bo 80%; dee handled too few tickets) → the team award is shared.
    const workspaceId = (await h.spur.db.team.findUniqueOrThrow({ where: { id: teamId } })).workspaceId;
    const billing = await h.spur.db.team.create({ data: { workspaceId, name: "Billing", timeZone: "Europe/Berlin" } });
    const [x, y] = await Promise.all(
      ["UX", "UY"].map((id) => h.spur.db.member.create({ data: { workspaceId, teamId: billing.id, platformUserId: id, displayName: `Billing ${id}` } })),
    );
    await h.spur.services.kpiTargets.set(billing.id, { metric: "csat", target: 100, weight: 1, period: "month", minVolume: null }, await memberId(USERS.admin.id));
    await seedKpis(
      [
        { member: x!.id, csat: [18, 20], tickets: 40 },
        { member: y!.id, csat: [17, 20], tickets: 40 },
      ],
      "2026-11-10",
    );

    clock.set("2026-12-01T10:00:00Z"); // Tuesday 1 December: the first working day
    const results = await run(MONTHLY_AWARDS_JOB, 2);
    expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    const posts = postsOf("spur_monthly_awards");
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.args.channel).toBe("CTEAM");
    expect(post.args.metadata).toMatchObject({ event_payload: { period_key: "2026-11", team_id: teamId } });
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain("Awards for November 2026 — Default team");
    expect(blocks).toContain("🏆 *Agent of the month*\\n<@UANA> — 95.0%");
    expect(blocks).toContain("Rule: Highest composite score of the month among agents who handled at least 20 tickets.");
    expect(blocks).toContain("🏆 *Most recognised*\\n<@UANA> — 2 kudos");
    expect(blocks).toContain("🏆 *Team of the month*\\n*Billing* and *Default team* — 87.5%");
    expect(blocks).toContain("2 tied at 87.5%: the award is shared (listed by name).");
    expect(await h.spur.db.monthlyTeamScores.count()).toBe(1);
  });

  it("gives every team of the workspace the team award computed once for the month", async () => {
    const { id: billingId } = await h.spur.db.team.findFirstOrThrow({ where: { name: "Billing" } });
    const billing = await h.spur.db.team.update({ where: { id: billingId }, data: { channelId: "CBILL" } });
    // A late record would now make Billing's mean (95% + 85%) ÷ 2 = 90%: its own awards count it, the team award
    // keeps the workspace's scores computed on the first run (87.5% each), as the Default team's post showed.
    const x = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UX" } });
    await seedKpis([{ member: x.id, csat: [20, 20], tickets: 5 }], "2026-11-11");
    const [result] = await run(MONTHLY_AWARDS_JOB, 1, { teamId: billing.id });
    expect(result?.status).toBe("posted");
    const post = postsOf("spur_monthly_awards").find((p) => p.args.channel === "CBILL")!;
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain("Awards for November 2026 — Billing");
    expect(blocks).toContain("🏆 *Agent of the month*\\n<@UX> — 95.0%");
    expect(blocks).toContain("🏆 *Team of the month*\\n*Billing* and *Default team* — 87.5%");
    expect(await h.spur.db.monthlyTeamScores.count()).toBe(1);
  });

  it("is turned off and on by admins only; off removes the team's awards scheduler and posts nothing", async () => {
    const awardsScheduler = async () => (await h.spur.queues.scheduled.getJobSchedulers()).some((s) => s.key === `monthly-awards-${teamId}`);
    expect(await awardsScheduler()).toBe(true);
    await say(USERS.carl.id, "/spur", "awards off", "Only Spur admins can change settings");
    await say(USERS.admin.id, "/spur", "awards sometimes", "Usage: `/spur awards on|off`");
    await say(USERS.admin.id, "/spur", "awards", "The monthly awards for Default team are on");
    await say(USERS.admin.id, "/spur", "awards off", "The monthly awards for Default team are off.");
    expect(await awardsScheduler()).toBe(false);
    clock.set("2027-01-04T10:00:00Z"); // Monday 4 January: December's awards would be due
    const [result] = await run(MONTHLY_AWARDS_JOB);
    expect(result).toEqual({ status: "skipped", reason: "turned_off" });
    const status = String((await say(USERS.admin.id, "/spur", "status", "Scheduled posts for")).args.text);
    expect(status).toContain("• monthly awards: off\n• monthly awards 2026-11: posted 2026-12-01 10:00 UTC");
    await say(USERS.admin.id, "/spur", "awards on", "The monthly awards for Default team are on");
    expect(await awardsScheduler()).toBe(true);
  });
});
