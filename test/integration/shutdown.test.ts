// Graceful shutdown while a digest is being posted: the job finishes, its chart uploaded, before the process
// lets go, and the threads that draw charts stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop().catch(() => undefined);
});

describe("shutdown", () => {
  it("finishes a digest job that is posting when shutdown begins, chart included, then stops the chart threads", async () => {
    const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", "TSTOP", { teamTimeZone: "UTC" });
    await h.spur.services.workspaces.updateTeam(defaultTeam.id, { channelId: "CSTOP" });
    h.slack.failNext("chat.postMessage", { kind: "slow", ms: 1500 });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: defaultTeam.id }, { jobId: "stop-1" });
    await h.slack.waitForCall("chat.postMessage");
    // The chart is drawn in a worker thread while the post is out.
    expect(h.spur.charts.threads).toBe(1);
    await h.spur.stop();
    expect(h.spur.charts.threads).toBe(0);
    const run = await h.spur.db.$connect().then(() => h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: defaultTeam.id } }));
    expect(run.status).toBe("posted");
    const posts = h.slack.messages.filter((m) => m.channel === "CSTOP");
    expect(posts).toHaveLength(1);
    expect([...h.slack.files.values()].filter((f) => f.threadTs === posts[0]!.ts && f.bytes)).toHaveLength(1);
  });
});
