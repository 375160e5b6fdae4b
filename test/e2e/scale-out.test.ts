// Two web and two worker processes on one PostgreSQL and Redis, as `docker compose up --scale web=2 --scale
// worker=2` runs them: kudos sent to either web (and redelivered to the other) are stored and shouted out once,
// every giver is told — also when a web and a worker are SIGKILLed mid-load and when Redis stops — and a team's
// weekly digest asked for from both webs is posted once.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createPrisma } from "../../src/store/prisma.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { ackMessage } from "../support/ack-replies.ts";
import type { FakeUser } from "../support/fake-slack-api.ts";
import { freePort, PrivateRedis } from "../support/private-redis.ts";
import { uniquePrefix } from "../support/redis-prefix.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

const SECRET = "scale-out-secret";

interface Proc {
  role: "web" | "worker";
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startProcess(role: "web" | "worker", env: Record<string, string>, port?: number): Promise<Proc> {
  port ??= await freePort();
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
  return { role, child, port, output: () => output };
}

/** Members who each give one gift in the crash and Redis tests, so no daily allowance runs out. */
const crowd: FakeUser[] = Array.from({ length: 28 }, (_, i) => ({ id: `UCROWD${String(i + 1).padStart(2, "0")}`, name: `crowd${i + 1}` }));

let database: TestDatabase;
let slack: FakeSlackApi;
let redis: PrivateRedis;
const prefix = uniquePrefix();
const procs: Proc[] = [];
let webs: Proc[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  slack = await new FakeSlackApi([...ALL_USERS, ...crowd]).start();
  redis = new PrivateRedis(await freePort());
  await redis.start();
  env = {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
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
  await redis?.stop();
});

/** SIGKILLs one process and starts its replacement on the same port. */
async function killAndRestart(proc: Proc): Promise<Proc> {
  proc.child.kill("SIGKILL");
  if (proc.child.exitCode === null && proc.child.signalCode === null) await once(proc.child, "exit");
  const next = await startProcess(proc.role, env, proc.role === "web" ? proc.port : undefined);
  procs[procs.indexOf(proc)] = next;
  webs = procs.slice(0, 2);
  return next;
}

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

  it("loses and doubles nothing when a web and a worker are SIGKILLed mid-load", async () => {
    const givers = crowd.slice(0, 16);
    const recipient = USERS.ana;
    const reasonOf = (g: FakeUser) => `crash gift from ${g.name} done`;
    const send = (web: Proc, g: FakeUser) =>
      command(web, g.id, "/kudos", `${esc(recipient)} 1 ${reasonOf(g)}`, `scale-crash-${g.id}`).then(
        (r) => ({ ok: r.status === 200, text: String(ackMessage(r.body)?.text ?? "") }),
        () => ({ ok: false, text: "" }),
      );
    const victimWeb = webs[0]!;
    const victimWorker = procs[2]!;
    let answered = 0;
    const firstTry = await Promise.all(
      givers.map(async (g, i) => {
        const res = await send(webs[i % 2]!, g);
        answered += 1;
        // The moment the tenth answer is out, one web and one worker die; requests still in flight there fail.
        if (answered === 10) {
          victimWeb.child.kill("SIGKILL");
          victimWorker.child.kill("SIGKILL");
        }
        return res;
      }),
    );
    // Slack retries what it did not get a 200 for; the survivor answers those, the same trigger ids.
    const survivor = webs[1]!;
    const told = await Promise.all(givers.map(async (g, i) => (firstTry[i]!.ok ? firstTry[i]! : send(survivor, g))));
    for (const t of told) {
      expect(t.ok).toBe(true);
      expect(t.text).toMatch(/Kudos sent!|already recorded/);
    }
    await killAndRestart(victimWeb);
    await killAndRestart(victimWorker);

    const db = createPrisma(database.url);
    try {
      const rows = await db.kudos.findMany({ where: { reason: { startsWith: "crash gift from" } }, select: { reason: true } });
      expect(rows.map((r) => r.reason).sort()).toEqual(givers.map(reasonOf).sort());
    } finally {
      await db.$disconnect();
    }
    const shoutoutsOf = (g: FakeUser) => slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes(reasonOf(g)));
    await slack.waitFor(() => givers.every((g) => shoutoutsOf(g).length >= 1), 45_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(givers.filter((g) => shoutoutsOf(g).length !== 1).map((g) => g.name)).toEqual([]);
  }, 120_000);

  it("confirms every gift while Redis is stopped and posts each shoutout once when it is back", async () => {
    const givers = crowd.slice(16, 28);
    const recipient = USERS.bo;
    const reasonOf = (g: FakeUser) => `redis-down gift from ${g.name} done`;
    const send = async (web: Proc, g: FakeUser) => {
      const r = await command(web, g.id, "/kudos", `${esc(recipient)} 1 ${reasonOf(g)}`, `scale-redis-${g.id}`);
      expect(r.status).toBe(200);
      return String(ackMessage(r.body)?.text ?? "");
    };
    await redis.stop();
    await slack.waitFor(async () => (await Promise.all(webs.map(async (w) => (await fetch(`http://127.0.0.1:${w.port}/readyz`)).status))).every((s) => s === 503), 20_000);

    const first = await Promise.all(givers.map((g, i) => send(webs[i % 2]!, g)));
    for (const text of first) expect(text).toContain("Kudos sent!");
    // Redelivered to the other web: recognised as the same gift.
    const again = await Promise.all(givers.map((g, i) => send(webs[(i + 1) % 2]!, g)));
    for (const text of again) expect(text).toContain("already recorded");

    const shoutoutsOf = (g: FakeUser) => slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes(reasonOf(g)));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(givers.filter((g) => shoutoutsOf(g).length > 0)).toEqual([]);
    const db = createPrisma(database.url);
    try {
      expect(await db.kudos.count({ where: { reason: { startsWith: "redis-down gift from" } } })).toBe(givers.length);
    } finally {
      await db.$disconnect();
    }

    await redis.start();
    await slack.waitFor(() => givers.every((g) => shoutoutsOf(g).length >= 1), 90_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(givers.filter((g) => shoutoutsOf(g).length !== 1).map((g) => g.name)).toEqual([]);
  }, 150_000);

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
