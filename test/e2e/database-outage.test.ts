// PostgreSQL down (it refuses new connections and has cut the open ones): a command whose workspace is not in
// the in-memory cache cannot run, and its sender is told why, in the ack on Slack and in the chat on Teams.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";
import { adminQuery } from "../support/test-db.ts";
import { ALL_USERS, USERS } from "../support/users.ts";
import { ErrorCode } from "../../src/core/shared/errors.ts";
import { createPrisma } from "../../src/store/prisma.ts";
import { failureOf } from "../../src/use-cases/failure.ts";

let h: Harness;
let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ users: ALL_USERS, teams: true });
  const before = await h.command("/kudos", "balance", { user: USERS.ana.id });
  expect(String(JSON.parse(before.body).text)).toContain("You can still give");
  await adminQuery(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS false`);
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${h.db.name}'`);
});
afterAll(async () => {
  if (h) await adminQuery(`ALTER DATABASE "${h.db.name}" ALLOW_CONNECTIONS true`);
  await h?.stop();
  await connector?.stop();
});

describe("a PostgreSQL outage", () => {
  it("answers a Slack command in its ack: Spur can't reach its database, try again shortly", async () => {
    // Another workspace: nothing of it is cached, so the command needs the database.
    const res = await h.command("/kudos", "balance", { user: USERS.ana.id, team: "T0OUTAGE" });
    expect(res.status).toBe(200);
    const text = String(JSON.parse(res.body).text);
    expect(text).toBe("Spur can't reach its database right now, so nothing was done. Please try again shortly.");
  });

  it("answers a Teams message in the conversation, in the sender's language", async () => {
    const activity = message(TEAMS_USERS.ana, ["kudos balance"], { serviceUrl: connector.url, scope: "personal", locale: "zh-CN" });
    const outage = { ...activity, conversation: { ...activity.conversation, tenantId: "tenant-outage" }, channelData: { tenant: { id: "tenant-outage" } } };
    const res = await h.teams(outage);
    expect(res.status).toBeLessThan(500);
    const reply = await connector.waitFor(() => connector.sent.find((s) => s.replyToId === activity.id), 15_000);
    expect(textOf(reply)).toContain("Spur 暂时无法连接到它的数据库");
  });
});

describe("what counts as the database being unreachable", () => {
  it("a server on a closed port is; a query that fails on a reachable database is not", async () => {
    const closed = createPrisma("postgresql://postgres@127.0.0.1:1/spur");
    const refused = await closed.workspace.count().catch((err: unknown) => err);
    expect(failureOf(refused).code).toBe(ErrorCode.DatabaseUnavailable);
    await closed.$disconnect();
    const up = createPrisma("postgresql://postgres@127.0.0.1:5432/postgres");
    const badQuery = await up.$queryRaw`SELECT * FROM no_such_table`.catch((err: unknown) => err);
    expect(failureOf(badQuery).code).toBe(ErrorCode.Internal);
    await up.$disconnect();
  });
});

describe("a PostgreSQL outage in multi-workspace mode", () => {
  let oauth: Harness;
  beforeAll(async () => {
    oauth = await startHarness({
      users: ALL_USERS,
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "1234567890.0987654321",
        SLACK_CLIENT_SECRET: "test-client-secret",
        SLACK_STATE_SECRET: "test-state-secret-0123456789",
        SPUR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      },
    });
    await adminQuery(`ALTER DATABASE "${oauth.db.name}" ALLOW_CONNECTIONS false`);
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${oauth.db.name}'`);
  });
  afterAll(async () => {
    if (oauth) await adminQuery(`ALTER DATABASE "${oauth.db.name}" ALLOW_CONNECTIONS true`);
    await oauth?.stop();
  });

  it("answers a command whose install can't be looked up, and asks Slack to deliver an event again", async () => {
    const res = await oauth.command("/kudos", "balance", { user: USERS.ana.id, team: "TACME" });
    expect(res.status).toBe(200);
    expect(String(JSON.parse(res.body || "{}").text)).toBe("Spur can't reach its database right now, so nothing was done. Please try again shortly.");
    const event = await oauth.event({ type: "reaction_added", user: USERS.bo.id, reaction: "star", item_user: USERS.ana.id, item: { type: "message", channel: "C1", ts: "1.2" } }, { team: "TACME" });
    expect(event.status).toBe(500);
  });
});
