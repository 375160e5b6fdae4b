// A worker killed after Slack accepted the digest but before the run was recorded: the job stalls, another
// worker takes it over, finds the posted message by its metadata and records it — no second post.
import { fork } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { createLogger } from "../../src/logger.ts";
import { createSpur, type Spur } from "../../src/spur.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let slack: FakeSlackApi;
let survivor: Spur | undefined;
const prefix = uniquePrefix();

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  slack = await new FakeSlackApi().start();
});
afterAll(async () => {
  await survivor?.stop();
  await slack?.stop();
  await database?.drop();
  await deleteKeysWithPrefix(prefix);
});

describe("digest delivery across a crash", () => {
  it("does not post twice when a worker dies between posting and recording", async () => {
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      SLACK_SIGNING_SECRET: "s",
      SLACK_BOT_TOKEN: "xoxb-crash",
      SLACK_API_URL: slack.url,
      QUEUE_PREFIX: prefix,
      PORT: "0",
      LOG_LEVEL: "silent",
    };
    const config = parseConfig(env);
    // The team, seen once, with a channel; the digest covers the week before now.
    const survivorOptions = { logger: createLogger("silent"), digestLeaseMs: 1_500, workerTimings: { lockDuration: 2_000, stalledInterval: 1_000 } };
    const setup = createSpur(config, { ...survivorOptions, workers: false });
    const { defaultTeam } = await setup.services.workspaces.ensure("slack", "TCRASH", { teamTimeZone: "Europe/Berlin" });
    await setup.services.workspaces.updateTeam(defaultTeam.id, { channelId: "CCRASH" });

    // Worker A posts, Slack applies the post but A never hears back; A is then killed.
    slack.failNext("chat.postMessage", { kind: "apply-then-hang" });
    const child = fork("test/support/spur-process.ts", [], { env: { ...process.env, ...env }, execArgv: ["--import", "tsx"], stdio: "ignore" });
    await once(child, "message");
    await setup.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: defaultTeam.id }, { jobId: "digest-crash-1" });
    await slack.waitForCall("chat.postMessage", () => true, 15_000);
    child.kill("SIGKILL");
    await once(child, "exit");
    await setup.stop();

    // Worker B starts, finds the stalled job, and recovers instead of posting again.
    survivor = createSpur(config, survivorOptions);
    await survivor.start();
    const job = await slack.waitFor(async () => {
      const j = await survivor!.queues.scheduled.getJob("digest-crash-1");
      return j?.finishedOn ? j : undefined;
    }, 20_000);
    expect(job.returnvalue).toMatchObject({ status: "posted", recovered: true });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(slack.callsTo("conversations.history").length).toBeGreaterThanOrEqual(1);
    const run = await survivor.db.digestRun.findFirstOrThrow({ where: { teamId: defaultTeam.id } });
    expect(run).toMatchObject({ status: "posted", attempts: 2, channelId: "CCRASH", messageRef: slack.messages[0]!.ts });
  });
});
