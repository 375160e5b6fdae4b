// bench/digests.ts phase 4: every team's digest computed and posted by several `bin/spur worker` processes at
// once, each job delivered twice, with a posting budget too large to bind (so the rate is the computing): the time
// until every team's digest is out, and whether any team's went out twice.
import type { Queue } from "bullmq";
import type { FakeSlackApi } from "../../test/support/fake-slack-api.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { buildSpur, startSpurRole, stopSpurProcess } from "./spur-child.ts";

/** The largest SLACK_POSTS_PER_SECOND the configuration accepts. */
export const MAX_POSTS_PER_SECOND = 100;

export interface WorkerDigestsResult {
  processes: number;
  teams: number;
  seconds: number;
  /** Posts per team: 1 for every team when exactly once held. */
  postedOnce: number;
  postedTwice: number;
  missing: number;
}

export async function digestsAcrossWorkers(input: {
  databaseUrl: string;
  queuePrefix: string;
  slack: FakeSlackApi;
  queue: Queue;
  teamIds: string[];
  processes: number;
  firstPort: number;
}): Promise<WorkerDigestsResult> {
  buildSpur();
  // A forced send is a run of its own (posted once per team and forced send), so the weeks posted before stay posted.
  const forcedAt = new Date().toISOString();
  const ofThisRun = () => {
    const perTeam = new Map<string, number>();
    for (const m of input.slack.messages) {
      const p = m.metadata?.event_payload;
      if (m.metadata?.event_type === "spur_weekly_digest" && typeof p?.period_key === "string" && p.period_key.endsWith(` at ${forcedAt}`)) {
        perTeam.set(String(p.team_id), (perTeam.get(String(p.team_id)) ?? 0) + 1);
      }
    }
    return perTeam;
  };
  const workers = await Promise.all(
    Array.from({ length: input.processes }, (_, i) =>
      startSpurRole("worker", {
        databaseUrl: input.databaseUrl,
        queuePrefix: input.queuePrefix,
        slackApiUrl: input.slack.url,
        port: input.firstPort + i,
        env: { SLACK_POSTS_PER_SECOND: String(MAX_POSTS_PER_SECOND) },
      }),
    ),
  );
  try {
    const settled = async () => {
      const c = await input.queue.getJobCounts("completed", "failed");
      return (c.completed ?? 0) + (c.failed ?? 0);
    };
    const settledBefore = await settled();
    const t = performance.now();
    // Each team's job twice, as a redelivery would bring it: the digest run's claim keeps it to one post.
    const jobs = input.teamIds.flatMap((teamId) => [0, 1].map(() => ({ name: WEEKLY_DIGEST_JOB, data: { teamId, forcedAt } })));
    for (let i = 0; i < jobs.length; i += 1000) await input.queue.addBulk(jobs.slice(i, i + 1000));
    const deadline = Date.now() + 30 * 60_000;
    while (ofThisRun().size < input.teamIds.length) {
      if (Date.now() > deadline) throw new Error(`only ${ofThisRun().size} of ${input.teamIds.length} teams' digests posted`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t) / 1000;
    // Let the second deliveries finish too before counting (the team schedulers' delayed jobs are not ours).
    while ((await settled()) - settledBefore < jobs.length) {
      if (Date.now() > deadline) throw new Error("the second deliveries did not finish");
      await new Promise((r) => setTimeout(r, 100));
    }
    const perTeam = ofThisRun();
    const counts = input.teamIds.map((id) => perTeam.get(id) ?? 0);
    return {
      processes: input.processes,
      teams: input.teamIds.length,
      seconds,
      postedOnce: counts.filter((n) => n === 1).length,
      postedTwice: counts.filter((n) => n > 1).length,
      missing: counts.filter((n) => n === 0).length,
    };
  } finally {
    await Promise.all(workers.map(stopSpurProcess));
  }
}
