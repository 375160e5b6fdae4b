// The weekly leaderboard, the monthly awards and the forced digest in Microsoft Teams: the same core results
// as in Slack, rendered as Adaptive Cards and delivered proactively to the team's channel through the fake
// Bot Connector.
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MONTHLY_AWARDS_JOB } from "../../src/jobs/monthly-awards.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { WEEKLY_LEADERBOARD_JOB } from "../../src/jobs/weekly-leaderboard.ts";
import { TestClock } from "../support/clock.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
let teamId: string;
const clock = new TestClock(new Date("2026-11-17T10:00:00Z"));

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string) {
  const activity = message(from, parts, { serviceUrl: connector.url });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
}

async function run(name: string, times = 1) {
  const jobs: Job[] = [];
  for (let i = 0; i < times; i++) jobs.push(await h.spur.queues.scheduled.add(name, { teamId }));
  await connector.waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === "completed"), 15_000);
  return Promise.all(jobs.map(async (j) => (await h.spur.queues.scheduled.getJob(j.id!))?.returnvalue as { status: string }));
}

const postsContaining = (text: string) => connector.sentTo(GENERAL).filter((s) => s.replyToId === undefined && textOf(s).includes(text));

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock });
  await h.teams(botAddedToTeam(connector.url));
  await say(carl, ["kudos ", ana, " 2 ran the launch"], "Kudos sent");
  await say(bo, ["kudos ", ana, " took over my queue"], "Kudos sent");
  await connector.waitFor(async () => (await h.spur.db.kudos.findMany()).every((k) => k.shoutoutRef !== null));
  teamId = (await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } })).id;
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe("Teams: leaderboard and awards posts", () => {
  it("lets the admin choose what the weekly leaderboard ranks, and posts it once as a card", async () => {
    await say(carl, ["admin role ", bo, " lead"], "Bo Berg is now a lead");
    await say(bo, ["admin leaderboard-post both"], "Only Spur admins can change settings");
    await say(carl, ["admin leaderboard-post both"], "ranks kudos received and composite score");

    clock.set("2026-11-23T15:30:00Z");
    const results = await run(WEEKLY_LEADERBOARD_JOB, 2);
    expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    const posts = postsContaining("Leaderboard — ");
    expect(posts).toHaveLength(1);
    const body = textOf(posts[0]!);
    expect(body).toContain("1. Ana Alves — 2 kudos");
    expect(body).toContain("Composite score");
    expect(body).toContain("Nobody to rank this week."); // no KPI targets yet: nobody has a composite
    expect(body).toContain("Rule: Kudos received during the week");
    const runRow = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId, kind: "weekly_leaderboard" } });
    expect(runRow).toMatchObject({ periodKey: "2026-W47", status: "posted", messageRef: posts[0]!.id });

    // A worker that died after Teams accepted the card but before recording the run: the retry finds the post.
    await h.spur.db.digestRun.update({ where: { id: runRow.id }, data: { status: "posting", leaseUntil: new Date("2026-11-23T15:31:00Z"), messageRef: null } });
    clock.set("2026-11-23T16:00:00Z");
    const [retry] = await run(WEEKLY_LEADERBOARD_JOB);
    expect(retry).toMatchObject({ status: "posted", recovered: true });
    expect(postsContaining("Leaderboard — ")).toHaveLength(1);
  });

  it("forces the digest out again only for an admin", async () => {
    expect((await run(WEEKLY_DIGEST_JOB))[0]?.status).toBe("posted");
    await say(bo, ["admin digest send force"], "Only Spur admins can force the digest out again");
    await say(carl, ["admin digest send force"], "is being posted again (forced by an admin; recorded in the audit log)");
    await connector.waitFor(() => postsContaining("Weekly digest").length === 2);
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "digest.force_send", actorUserId: carl.id } })).toBe(1);
  });

  it("posts the month's awards on the first working day, each with its rule or why nobody won", async () => {
    clock.set("2026-12-01T09:00:00Z");
    const results = await run(MONTHLY_AWARDS_JOB, 2);
    expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    const posts = postsContaining("Awards for November 2026");
    expect(posts).toHaveLength(1);
    const body = textOf(posts[0]!);
    expect(body).toContain("**Most recognised**");
    expect(body).toContain("Ana Alves — 2 kudos");
    expect(body).toContain("No agent handled 20 tickets with a composite score this month.");
    expect(body).toContain("Rule: Highest team composite of the month across the workspace");
  });

  it("turns the team's monthly awards off and on for an admin, moving its scheduler", async () => {
    const awardsScheduler = async () => (await h.spur.queues.scheduled.getJobSchedulers()).some((s) => s.key === `monthly-awards-${teamId}`);
    await say(bo, ["admin awards off"], "Only Spur admins can change settings");
    await say(carl, ["admin awards off"], "monthly awards for");
    expect(await awardsScheduler()).toBe(false);
    await say(carl, ["admin status"], "monthly awards: off");
    await say(carl, ["admin awards on"], "are on: posted on the first working day of each month");
    expect(await awardsScheduler()).toBe(true);
  });
});
