// Nothing acknowledged is lost: Spur, as its own process, is SIGKILLed right after its N-th HTTP 200 to a
// signed /kudos. Every acknowledged gift is already in PostgreSQL, exactly once, and its giver was told in
// the ack; the restarted process posts the shoutouts, and a redelivered request is not counted twice.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { ackMessage } from "../support/ack-replies.ts";
import { FakeSlackApi, type FakeUser } from "../support/fake-slack-api.ts";
import { freePort } from "../support/private-redis.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

const N = 12;
const SECRET = "crash-signing-secret";
const TEAM = "TCRASHKUDOS";
const givers: FakeUser[] = Array.from({ length: N }, (_, i) => ({ id: `UGIVER${String(i + 1).padStart(2, "0")}`, name: `giver${i + 1}` }));
const recipient: FakeUser = { id: "URECIPIENT", name: "recipient" };

let database: TestDatabase;
let slack: FakeSlackApi;
let db: Db;
let spur: ChildProcess | undefined;
const prefix = uniquePrefix();

async function startSpur(port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-crash-kudos",
    SLACK_API_URL: slack.url,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    LOG_LEVEL: "silent",
  };
  const child = fork("test/support/spur-process.ts", [], { env, execArgv: ["--import", "tsx"], stdio: "ignore" });
  await once(child, "message");
  return child;
}

/** The form Slack posts for `/kudos`, signed now; the same trigger id is the same request delivered again. */
function kudosRequest(port: number, giver: FakeUser, triggerId: string, text = `<@${recipient.id}|${recipient.name}> 1 kept the queue moving from ${giver.name}`): Promise<Response> {
  const form = new URLSearchParams({
    token: "legacy",
    team_id: TEAM,
    team_domain: "crash",
    channel_id: "CCRASH",
    channel_name: "crash",
    user_id: giver.id,
    user_name: giver.name,
    command: "/kudos",
    text,
    api_app_id: "ASPUR",
    is_enterprise_install: "false",
    response_url: slack.responseUrl(`crash-${triggerId}`),
    trigger_id: triggerId,
  }).toString();
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SECRET, form) },
  });
}

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  slack = await new FakeSlackApi([...givers, recipient]).start();
  db = createPrisma(database.url);
});
afterAll(async () => {
  if (spur && spur.exitCode === null && spur.signalCode === null) {
    spur.kill("SIGTERM");
    await once(spur, "exit");
  }
  await db?.$disconnect();
  await slack?.stop();
  await database?.drop();
  await deleteKeysWithPrefix(prefix);
});

describe("/kudos across a crash", () => {
  it("has every acknowledged gift stored once when killed right after the last 200, and doubles no redelivery", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const first = await startSpur(port);
    spur = first;

    // A first command meets the workspace (a busy machine then still answers the gifts within the ack deadline).
    expect(String(ackMessage(await (await kudosRequest(port, recipient, "crash.warm-up", "balance")).text())?.text)).toContain("You can still give");

    // N givers at once; the process dies the moment the N-th answer arrives.
    let answered = 0;
    const acks = await Promise.all(
      givers.map(async (giver, i) => {
        const res = await kudosRequest(port, giver, `crash.${i}`);
        const body = await res.text();
        answered += 1;
        if (answered === N) first.kill("SIGKILL");
        return { status: res.status, message: ackMessage(body) };
      }),
    );
    await once(first, "exit");
    expect(first.signalCode).toBe("SIGKILL");

    // Every giver was told in the ack itself, and every acknowledged gift is in PostgreSQL, once.
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(String(ack.message?.text)).toContain("Kudos sent!");
    }
    const stored = await db.kudos.findMany({ include: { giver: true } });
    expect(stored.map((k) => k.giver?.platformUserId).sort()).toEqual(givers.map((g) => g.id).sort());
    expect(new Set(stored.map((k) => k.idempotencyKey)).size).toBe(N);

    // Restarted, Spur posts each gift's shoutout (queued before its ack) …
    spur = await startSpur(port);
    const shoutouts = () => slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes("kept the queue moving"));
    await slack.waitFor(() => givers.every((g) => shoutouts().some((c) => String(c.args.text).includes(`from ${g.name}`))), 30_000);

    // … and a request delivered again (the same trigger id) is recognised, not given twice.
    const again = await kudosRequest(port, givers[0]!, "crash.0");
    expect(again.status).toBe(200);
    expect(String(ackMessage(await again.text())?.text)).toContain("already recorded");
    expect(await db.kudos.count()).toBe(N);
  });
});
