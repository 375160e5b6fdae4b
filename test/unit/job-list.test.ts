// The job list is the one place jobs are declared: these pin what it declares (each job's queue, and the job
// ids and delays its JobDispatch calls queue with), so building workers and dispatch from it changes nothing.
import type { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { bullmqDispatch } from "../../src/jobs/dispatch.ts";
import { SETTLED_BY_ANSWER_DELAY_MS } from "../../src/jobs/feedback-requests.ts";
import { JOBS } from "../../src/jobs/job-list.ts";
import { enqueueLeadDigest } from "../../src/jobs/lead-digest.ts";
import type { SpurQueues } from "../../src/jobs/queues.ts";
import { TestClock } from "../support/clock.ts";

type Added = [queue: string, name: string, data: unknown, options: unknown];

function recordingQueues(): { queues: SpurQueues; added: Added[] } {
  const added: Added[] = [];
  const queue = (queueName: string) =>
    ({
      add: async (name: string, data: unknown, options?: unknown) => {
        added.push([queueName, name, data, options]);
      },
    }) as unknown as Queue;
  return { queues: { posts: queue("posts"), scheduled: queue("scheduled"), close: async () => undefined }, added };
}

const unused = () => Promise.reject(new Error("not used by this test"));
const clock = new TestClock(new Date("2026-11-20T10:00:00Z"));

describe("the job list", () => {
  it("declares each job once, on its queue", () => {
    expect(JOBS.map((job) => [job.name, job.queue])).toEqual([
      ["post-shoutout", "posts"],
      ["notify-recipients", "posts"],
      ["feedback-ask", "posts"],
      ["weekly-digest", "scheduled"],
      ["weekly-leaderboard", "scheduled"],
      ["monthly-awards", "scheduled"],
      ["lead-digest", "scheduled"],
      ["recognition-prompts", "scheduled"],
      ["feedback-remind", "scheduled"],
      ["feedback-close", "scheduled"],
      ["data-export", "scheduled"],
      ["resolve-member", "posts"],
      ["roster-sync", "scheduled"],
      ["roster-sync-daily", "scheduled"],
      ["user-group-sync", "scheduled"],
    ]);
  });

  it("runs its team-scheduled jobs on the scheduled queue, where the team schedulers are kept", () => {
    const scheduled = JOBS.filter((job) => job.teamScheduler);
    expect(scheduled.map((job) => job.name)).toEqual(["weekly-digest", "weekly-leaderboard", "monthly-awards", "recognition-prompts"]);
    for (const job of scheduled) expect(job.queue).toBe("scheduled");
  });

  it("declares each JobDispatch call in one job only", () => {
    const calls = JOBS.flatMap((job) => Object.keys(job.dispatchOn(recordingQueues().queues, clock)));
    expect(calls.sort()).toEqual(["exportData", "feedbackRequestSettled", "feedbackRequested", "sendDigestNow", "syncRoster", "syncUserGroups"]);
  });
});

describe("queueing through the job list", () => {
  const dispatchOn = (queues: SpurQueues) =>
    bullmqDispatch(queues, { clock, prompts: { schedule: unused } as never, teamPosts: { leaderboardMode: unused, awardsEnabled: unused } as never });

  it("queues a digest sent now as a new job each time, forced or not", async () => {
    const { queues, added } = recordingQueues();
    await dispatchOn(queues).sendDigestNow("t1");
    await dispatchOn(queues).sendDigestNow("t1", { forcedAt: "2026-11-20T10:00:00.000Z" });
    expect(added).toEqual([
      ["scheduled", "weekly-digest", { teamId: "t1" }, undefined],
      ["scheduled", "weekly-digest", { teamId: "t1", forcedAt: "2026-11-20T10:00:00.000Z" }, undefined],
    ]);
  });

  it("queues a feedback request's ask now, its reminder and close delayed, and an early close once", async () => {
    const { queues, added } = recordingQueues();
    await dispatchOn(queues).feedbackRequested({
      requestId: "r1",
      reminderAt: new Date("2026-11-22T10:00:00Z"),
      dueAt: new Date("2026-11-24T10:00:00Z"),
    });
    await dispatchOn(queues).feedbackRequestSettled("r1");
    const day = 24 * 3600_000;
    expect(added).toEqual([
      ["posts", "feedback-ask", { requestId: "r1" }, { jobId: "feedback-ask-r1" }],
      ["scheduled", "feedback-remind", { requestId: "r1" }, { jobId: "feedback-remind-r1", delay: 2 * day }],
      ["scheduled", "feedback-close", { requestId: "r1" }, { jobId: "feedback-close-r1", delay: 4 * day }],
      ["scheduled", "feedback-close", { requestId: "r1" }, { jobId: "feedback-close-settled-r1" }],
    ]);
  });

  it("delays the early close of a request an answer settled by a random time, so the close does not follow the answer", async () => {
    const delays = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const { queues, added } = recordingQueues();
      await dispatchOn(queues).feedbackRequestSettled("r1", { byAnswer: true });
      const [[queue, name, data, options]] = added as [[string, string, unknown, { jobId: string; delay: number }]];
      expect([queue, name, data, options.jobId]).toEqual(["scheduled", "feedback-close", { requestId: "r1" }, "feedback-close-settled-r1"]);
      expect(options.delay).toBeGreaterThanOrEqual(SETTLED_BY_ANSWER_DELAY_MS.min);
      expect(options.delay).toBeLessThan(SETTLED_BY_ANSWER_DELAY_MS.max);
      delays.add(options.delay);
    }
    expect(delays.size).toBeGreaterThan(1);
  });

  it("queues a data export once per command delivery, and a team's lead digests once per week", async () => {
    const { queues, added } = recordingQueues();
    const request = {
      workspaceId: "w1",
      teamId: "t1",
      actorUserId: "U1",
      periodKey: "2026-10",
      timeZone: "UTC",
      format: "csv" as const,
      conversationId: null,
      requestId: "slack:T1:abc",
    };
    await dispatchOn(queues).exportData(request);
    await enqueueLeadDigest(queues, { teamId: "t1", periodKey: "2026-W47" });
    expect(added).toEqual([
      ["scheduled", "data-export", request, { jobId: "data-export-slack_T1_abc" }],
      ["scheduled", "lead-digest", { teamId: "t1", periodKey: "2026-W47" }, { jobId: "lead-digest-t1-2026-W47" }],
    ]);
  });

  it("queues a workspace's roster sync once per UTC day", async () => {
    const { queues, added } = recordingQueues();
    const teams = { platform: "teams" as const, externalId: "tenant-1:19:team@thread.tacv2" };
    await dispatchOn(queues).syncRoster({ platform: "slack", externalId: "T1" });
    await dispatchOn(queues).syncRoster(teams);
    expect(added).toEqual([
      ["scheduled", "roster-sync", { platform: "slack", externalId: "T1", day: "2026-11-20" }, { jobId: "roster-sync-slack-T1-2026-11-20" }],
      ["scheduled", "roster-sync", { ...teams, day: "2026-11-20" }, { jobId: "roster-sync-teams-tenant-1_19_team@thread.tacv2-2026-11-20" }],
    ]);
  });
});
