// Digest delivery guarantees with real Redis and PostgreSQL: racing workers, Slack rate limits and
// permanent Slack errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousWeek } from "../../src/core/shared/period.ts";
import { RATE_LIMIT_BACKOFF_MS } from "../../src/jobs/retry-after.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { createLogger } from "../../src/logger.ts";
import { createSpur, type Spur } from "../../src/spur.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";

let h: Harness;
let second: Spur;

beforeAll(async () => {
  h = await startHarness();
  second = createSpur(h.config, { logger: createLogger("silent") });
  await second.start();
});
afterAll(async () => {
  await second?.stop();
  await h?.stop();
});

async function teamWithChannel(externalId: string, channelId: string) {
  const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", externalId, { teamTimeZone: "UTC" });
  return h.spur.services.workspaces.updateTeam(defaultTeam.id, { channelId });
}

async function finished(id: string) {
  return h.slack.waitFor(async () => {
    const job = await h.spur.queues.scheduled.getJob(id);
    return job?.finishedOn ? job : undefined;
  }, 15_000);
}

const digestPostsTo = (channel: string) =>
  h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && c.args.metadata);

describe("weekly digest delivery", () => {
  it("posts once when two Spur processes' workers race for the same team and week", async () => {
    const team = await teamWithChannel("TRACE", "CRACE");
    const ids = Array.from({ length: 8 }, (_, i) => `race-${i}`);
    await Promise.all(ids.map((jobId, i) => (i % 2 ? second : h.spur).queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }, { jobId })));
    const jobs = await Promise.all(ids.map(finished));
    expect(jobs.filter((j) => j.returnvalue.status === "posted")).toHaveLength(1);
    expect(jobs.filter((j) => j.returnvalue.status === "already_done")).toHaveLength(7);
    expect(digestPostsTo("CRACE")).toHaveLength(1);
  });

  it("waits out a 429's Retry-After without spending an attempt, then posts once", async () => {
    const team = await teamWithChannel("TLIMIT", "CLIMIT");
    h.slack.failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 1 });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }, { jobId: "limited" });
    const job = await finished("limited");
    expect(job.returnvalue.status).toBe("posted");
    const attempts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "CLIMIT");
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(job.attemptsMade).toBeLessThanOrEqual(1);
  });

  it("delays the job with backoff after a rate limit that came without Retry-After, without spending an attempt", async () => {
    const team = await teamWithChannel("TLIMIT2", "CLIMIT2");
    h.slack.failNext("chat.postMessage", { kind: "error", error: "ratelimited" });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }, { jobId: "limited-no-retry-after" });
    const job = await finished("limited-no-retry-after");
    expect(job.returnvalue.status).toBe("posted");
    const attempts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "CLIMIT2");
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(RATE_LIMIT_BACKOFF_MS);
    expect(job.attemptsMade).toBeLessThanOrEqual(1);
  });

  it("retries a Slack 5xx with backoff", async () => {
    const team = await teamWithChannel("T5XX", "C5XX");
    h.slack.failNext("chat.postMessage", { kind: "http", status: 503 });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }, { jobId: "flaky", backoff: { type: "fixed", delay: 200 } });
    const job = await finished("flaky");
    expect(job.returnvalue.status).toBe("posted");
    expect(job.attemptsMade).toBe(2);
    expect(digestPostsTo("C5XX")).toHaveLength(2);
    expect(h.slack.messages.filter((m) => m.channel === "C5XX")).toHaveLength(1);
  });

  it("fails the run with a reason when the channel is archived", async () => {
    const team = await teamWithChannel("TARCH", "CARCH");
    h.slack.failNext("chat.postMessage", { kind: "error", error: "is_archived" });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }, { jobId: "archived" });
    const job = await finished("archived");
    expect(job.returnvalue).toMatchObject({ status: "failed", reason: "Slack refused: is_archived" });
    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id } });
    expect(run).toMatchObject({ status: "failed", error: "Slack refused: is_archived" });
  });

  it("skips a team that has no channel yet, without claiming the week", async () => {
    const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", "TNOCHAN", { teamTimeZone: "UTC" });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: defaultTeam.id }, { jobId: "nochannel" });
    // The week is still named: the team's leads get their private digest of it (none here).
    const week = previousWeek(new Date(), "UTC").key;
    expect((await finished("nochannel")).returnvalue).toEqual({ status: "skipped", reason: "no_channel", periodKey: week });
    expect(await h.spur.db.digestRun.count({ where: { teamId: defaultTeam.id } })).toBe(0);
  });
});
