// Two web and two worker processes on one PostgreSQL and Redis, as `docker compose up --scale web=2 --scale
// worker=2` runs them: kudos sent to either web (and redelivered to the other) are stored and shouted out once,
// every giver is told, and a team's weekly digest asked for from both webs is posted once.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createPrisma } from "../../src/store/prisma.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { freePort } from "../support/private-redis.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

const SECRET = "scale-out-secret";

interface Proc {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startProcess(role: "web" | "worker", env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", role], {
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const deadline = Date.now() + 45_000;
  while (!output.includes("Spur is listening")) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${role} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, output: () => output };
}

let database: TestDatabase;
let slack: FakeSlackApi;
const prefix = uniquePrefix();
const procs: Proc[] = [];
let webs: Proc[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  slack = await new FakeSlackApi(ALL_USERS).start();
  const env = {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-scale-out",
    SLACK_API_URL: slack.url,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: "info",
  };
  // The template database is migrated already; the four processes start side by side.
  procs.push(...(await Promise.all([startProcess("web", env), startProcess("web", env), startProcess("worker", env), startProcess("worker", env)])));
  webs = procs.slice(0, 2);
}, 120_000);

afterAll(async () => {
  await Promise.all(
    procs.map(async (p) => {
      if (p.child.exitCode !== null) return;
      p.child.kill("SIGTERM");
      await once(p.child, "exit");
    }),
  );
  await slack?.stop();
  await database?.drop();
  await deleteKeysWithPrefix(prefix);
});

let trigger = 0;
async function command(web: Proc, user: string, name: string, text: string, triggerId = `scale.${++trigger}`) {
  const form = new URLSearchParams({
    token: "legacy",
    team_id: "T0001",
    team_domain: "spur-test",
    channel_id: "CSUPPORT",
    channel_name: "support",
    user_id: user,
    user_name: user.toLowerCase(),
    command: name,
    text,
    api_app_id: "ASPUR",
    response_url: slack.responseUrl(`scale-${triggerId}`),
    trigger_id: triggerId,
  }).toString();
  const res = await fetch(`http://127.0.0.1:${web.port}/slack/events`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SECRET, form) },
  });
  return { status: res.status, body: await res.text() };
}

/** Everything Slack showed the giver privately: the ack body, ephemeral messages and response_url posts. */
function toldPrivately(acks: string[]): string {
  const ephemeral = slack.callsTo("chat.postEphemeral").map((c) => `${String(c.args.text)}${JSON.stringify(c.args.blocks ?? "")}`);
  const responses = slack.responses.map((r) => JSON.stringify(r.body));
  return [...acks, ...ephemeral, ...responses].join("\n");
}

describe("two web and two worker processes", () => {
  it("store, confirm and shout out each of 20 kudos once, redeliveries to the other web included", async () => {
    // Five 1-point gifts each: the default daily allowance, so none is refused.
    const givers = [USERS.ana, USERS.bo, USERS.carl, USERS.dee];
    const sends = Array.from({ length: 20 }, (_, i) => {
      const giver = givers[i % givers.length]!;
      const recipient = givers[(i + 1) % givers.length]!;
      return { i, giver, text: `${esc(recipient)} 1 scale-out gift ${i} done`, triggerId: `scale-gift-${i}` };
    });
    const acks: string[] = [];
    await Promise.all(
      sends.map(async (s) => {
        const res = await command(webs[s.i % 2]!, s.giver.id, "/kudos", s.text, s.triggerId);
        expect(res.status).toBe(200);
        acks.push(res.body);
      }),
    );
    // Slack redelivers a quarter of them to the other web process, with the same trigger id.
    await Promise.all(
      sends
        .filter((s) => s.i % 4 === 0)
        .map(async (s) => {
          const res = await command(webs[(s.i + 1) % 2]!, s.giver.id, "/kudos", s.text, s.triggerId);
          expect(res.status).toBe(200);
          acks.push(res.body);
        }),
    );

    const shoutoutsOf = (i: number) => slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes(`scale-out gift ${i} done`));
    await slack.waitFor(() => sends.every((s) => shoutoutsOf(s.i).length >= 1), 30_000);
    await slack.waitFor(() => sends.every((s) => toldPrivately(acks).includes(`scale-out gift ${s.i} done`)), 30_000);
    // Let any duplicate that was on its way arrive before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sends.filter((s) => shoutoutsOf(s.i).length !== 1).map((s) => s.i)).toEqual([]);

    const db = createPrisma(database.url);
    try {
      const rows = await db.kudos.findMany({ where: { reason: { contains: "scale-out gift" } }, select: { reason: true } });
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((r) => r.reason)).size).toBe(20);
    } finally {
      await db.$disconnect();
    }
  }, 90_000);

  it("posts a team's weekly digest once, however many times and through whichever web it is asked for", async () => {
    const set = await command(webs[0]!, USERS.admin.id, "/spur", "channel <#CSUPPORT|support>");
    expect(set.status).toBe(200);
    await slack.waitFor(() => toldPrivately([set.body]).includes("CSUPPORT"), 15_000);
    const digestPosts = () => slack.messages.filter((m) => m.metadata?.event_type === "spur_weekly_digest");
    const asks = await Promise.all([0, 1, 0, 1].map((w) => command(webs[w]!, USERS.admin.id, "/spur", "digest send")));
    expect(asks.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await slack.waitFor(() => digestPosts().length >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(digestPosts()).toHaveLength(1);
  }, 60_000);
});
