// Proactive delivery to a Teams team under the same guarantees as Slack (test/integration/digest-delivery):
// racing workers post once, a 429 (with or without Retry-After) delays the job without spending an attempt,
// 5xx are retried with backoff, and 403/404 deactivate the conversation and fail with a reason in `admin status`.
import type { Job } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST_SHOUTOUT_JOB } from "../../src/jobs/post-shoutout.ts";
import { RATE_LIMIT_BACKOFF_MS } from "../../src/jobs/retry-after.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { createLogger } from "../../src/logger.ts";
import { createSpur, type Spur } from "../../src/spur.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl } = TEAMS_USERS;
let h: Harness;
let second: Spur;
let connector: FakeBotConnector;
let teamId: string;

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true });
  second = createSpur(h.config, { logger: createLogger("silent") });
  await second.start();
  await h.teams(botAddedToTeam(connector.url));
  teamId = (await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } })).id;
});
afterAll(async () => {
  await second?.stop();
  await h?.stop();
  await connector?.stop();
});
beforeEach(async () => {
  // Tests that make Teams refuse leave the channel inactive; Spur being added again reactivates it.
  await h.teams(botAddedToTeam(connector.url));
});

async function say(from: RosterMember, parts: (string | RosterMember)[]) {
  const activity = message(from, parts, { serviceUrl: connector.url });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  return connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
}

async function finished(queue: "scheduled" | "posts", id: string, timeoutMs = 20_000): Promise<Job> {
  return connector.waitFor(async () => {
    const job = await h.spur.queues[queue].getJob(id);
    return job?.finishedOn ? job : undefined;
  }, timeoutMs);
}

/** The finished shoutout job of a gift (queued from the outbox, under the outbox row's job id). */
async function finishedShoutout(giftId: string): Promise<Job> {
  return connector.waitFor(async () => {
    const jobs = await h.spur.queues.posts.getJobs(["completed", "failed"]);
    return jobs.find((job) => job.name === POST_SHOUTOUT_JOB && (job.data as { giftId?: string }).giftId === giftId && job.finishedOn);
  }, 20_000);
}

const digestsIn = (periodKey: string) => connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Weekly digest") && textOf(s).includes(periodKey));
const digest = (periodKey: string, jobId: string, opts: object = {}) =>
  h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId, periodKey }, { jobId, ...opts });

describe("Teams: proactive delivery guarantees", () => {
  it("posts a team's digest once when two Spur processes' workers race for the same week", async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `race-${i}`);
    await Promise.all(ids.map((jobId, i) => (i % 2 ? second : h.spur).queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId, periodKey: "2026-W30" }, { jobId })));
    const jobs = await Promise.all(ids.map((id) => finished("scheduled", id)));
    expect(jobs.filter((j) => j.returnvalue.status === "posted")).toHaveLength(1);
    expect(jobs.filter((j) => j.returnvalue.status === "already_done")).toHaveLength(5);
    expect(digestsIn("2026-W30")).toHaveLength(1);
  });

  it("delays the job after a 429 without Retry-After, with backoff and without spending an attempt", async () => {
    connector.failNextSend({ status: 429 });
    const since = connector.attempts.length;
    await digest("2026-W31", "limited");
    const job = await finished("scheduled", "limited");
    expect(job.returnvalue.status).toBe("posted");
    const attempts = connector.attempts.slice(since);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(RATE_LIMIT_BACKOFF_MS);
    expect(job.attemptsMade).toBeLessThanOrEqual(1);
    expect(job.data).toMatchObject({ rateLimitedDelays: 1 });
    expect(digestsIn("2026-W31")).toHaveLength(1);
  });

  it("retries 5xx with the job's backoff once the connector client's own retries are used up", async () => {
    // The Bot Connector client retries a 5xx three times itself; the fourth failure reaches the job.
    connector.failNextSend({ status: 503 }, 4);
    await digest("2026-W32", "flaky", { backoff: { type: "fixed", delay: 200 } });
    const job = await finished("scheduled", "flaky", 30_000);
    expect(job.returnvalue.status).toBe("posted");
    expect(job.attemptsMade).toBe(2);
    expect(connector.pendingFailures()).toBe(0);
    expect(digestsIn("2026-W32")).toHaveLength(1);
  });

  it.each([
    [403, "2026-W33", "Teams refused (403): the bot is no longer in conversation"],
    [404, "2026-W34", "Teams refused (404): conversation"],
  ])("on %i deactivates the channel and fails the run with a reason admins see in `admin status`", async (status, periodKey, reason) => {
    connector.failNextSend({ status });
    const jobId = `refused-${status}`;
    await digest(periodKey, jobId);
    const job = await finished("scheduled", jobId);
    expect(job.returnvalue).toMatchObject({ status: "failed" });
    expect(job.attemptsMade).toBeLessThanOrEqual(1);
    expect((await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: GENERAL } })).active).toBe(false);
    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId, periodKey } });
    expect(run).toMatchObject({ status: "failed" });
    expect(run.error).toContain(reason);

    // Another digest for the inactive channel fails at once, without asking Teams.
    const attemptsBefore = connector.attempts.length;
    await digest("2026-W35", `inactive-${status}`);
    const inactive = await finished("scheduled", `inactive-${status}`);
    expect(inactive.returnvalue).toMatchObject({ status: "failed", reason: expect.stringContaining("not installed in Teams conversation") });
    expect(connector.attempts.length).toBe(attemptsBefore);
    await h.spur.db.digestRun.deleteMany({ where: { teamId, periodKey: "2026-W35" } });

    // carl owns the team (the roster says so), so he is a Spur admin.
    const reply = await say(carl, ["admin status"]);
    expect(textOf(reply)).toContain(`weekly digest ${periodKey}: failed after 1 attempt — ${reason}`);
  });

  it("fails a shoutout job at once, without retries, when Teams answers 403", async () => {
    const confirmation = await say(bo, ["kudos ", ana, " 1 covered my shift #teamwork"]);
    expect(textOf(confirmation)).toContain("Kudos sent");
    // The confirmation is the turn's reply; the shoutout is posted by a job after it.
    connector.failNextSend({ status: 403 });
    const gift = await h.spur.db.kudos.findFirstOrThrow({ where: { reason: { contains: "covered my shift" } } });
    const job = await finishedShoutout(gift.giftId);
    expect(job.failedReason).toContain("no longer in conversation");
    expect(job.attemptsMade).toBe(1);
    expect((await h.spur.db.kudos.findFirstOrThrow({ where: { id: gift.id } })).shoutoutRef).toBeNull();
    expect((await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: GENERAL } })).active).toBe(false);
  });
});
