// Graceful shutdown while a digest is being posted: the job finishes before the process lets go.
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
  it("finishes a digest job that is posting when shutdown begins", async () => {
    const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", "TSTOP", { teamTimeZone: "UTC" });
    await h.spur.services.workspaces.updateTeam(defaultTeam.id, { channelId: "CSTOP" });
    h.slack.failNext("chat.postMessage", { kind: "slow", ms: 1500 });
    await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: defaultTeam.id }, { jobId: "stop-1" });
    await h.slack.waitForCall("chat.postMessage");
    await h.spur.stop();
    const run = await h.spur.db.$connect().then(() => h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: defaultTeam.id } }));
    expect(run.status).toBe("posted");
    expect(h.slack.messages.filter((m) => m.channel === "CSTOP")).toHaveLength(1);
  });
});
