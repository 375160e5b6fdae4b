// What an operator relies on: health, readiness that follows Redis, Prometheus metrics, request ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, PrivateRedis } from "../support/private-redis.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let redis: PrivateRedis;

beforeAll(async () => {
  redis = new PrivateRedis(await freePort());
  await redis.start();
  h = await startHarness({ users: ALL_USERS, env: { REDIS_URL: redis.url, ADMIN_TOKEN: "admin-token-0123456789" }, shutdownGraceMs: 3_000 });
});
afterAll(async () => {
  await h?.stop();
  await redis?.stop();
});

async function ready() {
  const res = await fetch(`${h.baseUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
}

describe("operations endpoints", () => {
  it("answers /healthz and tags every response with a request id", async () => {
    const res = await fetch(`${h.baseUrl}/healthz`, { headers: { "x-request-id": "req-123" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect((await fetch(`${h.baseUrl}/healthz`)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports commands, ack latency and jobs in Prometheus format", async () => {
    await h.command("/kudos", `${esc(USERS.ana)} 2 great handover`, { user: USERS.bo.id });
    await h.command("/kudos", `${esc(USERS.bo)} 2 self`, { user: USERS.bo.id });
    await h.slack.waitFor(() => h.slack.callsTo("chat.postMessage").length >= 1);
    const text = await h.slack.waitFor(async () => {
      const body = await (await fetch(`${h.baseUrl}/metrics`)).text();
      return body.includes('spur_jobs_total{queue="posts",job="post-shoutout",result="completed"} 1') ? body : undefined;
    });
    expect(text).toContain('spur_commands_total{command="/kudos",outcome="ok"} 1');
    expect(text).toContain('spur_commands_total{command="/kudos",outcome="refused"} 1');
    expect(text).toMatch(/spur_slack_ack_seconds_count \d+/);
  });

  it("serves the queue dashboard only with the admin token", async () => {
    expect((await fetch(`${h.baseUrl}/admin/queues`)).status).toBe(401);
    const wrong = `Basic ${Buffer.from("admin:wrong-token-0123456789").toString("base64")}`;
    expect((await fetch(`${h.baseUrl}/admin/queues`, { headers: { authorization: wrong } })).status).toBe(401);
    const right = `Basic ${Buffer.from("admin:admin-token-0123456789").toString("base64")}`;
    const page = await fetch(`${h.baseUrl}/admin/queues`, { headers: { authorization: right } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Spur queues");
    const api = await fetch(`${h.baseUrl}/admin/queues/api/queues`, { headers: { authorization: right } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(["posts", "scheduled"]);
  });

  it("is not ready while Redis is down, and ready again when it returns", async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: "ready", checks: { postgres: "ok", redis: "ok" } } });
    await redis.stop();
    const down = await h.slack.waitFor(async () => {
      const r = await ready();
      return r.status === 503 ? r : undefined;
    });
    expect(down.body.status).toBe("not_ready");
    expect(down.body.checks.postgres).toBe("ok");
    // Which dependency is down, and nothing of the error (host, port, driver message).
    expect(down.body.checks.redis).toBe("unavailable");
    expect(Object.keys(down.body)).toEqual(["status", "checks"]);
    await redis.start();
    await h.slack.waitFor(async () => (await ready()).status === 200, 15_000);
  });
});
