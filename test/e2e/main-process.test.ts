// The entry point as an operator runs it: a separate process, configured only through the environment.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { freePort } from "../support/private-redis.ts";
import { uniquePrefix, deleteKeysWithPrefix, TEST_REDIS_URL } from "../support/redis-prefix.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  return { child, output: () => output };
}

const validEnv = (db: string, slackUrl: string, prefix: string, port: number) => ({
  NODE_ENV: "test",
  DATABASE_URL: db,
  REDIS_URL: TEST_REDIS_URL,
  SLACK_SIGNING_SECRET: "main-secret",
  SLACK_BOT_TOKEN: "xoxb-main",
  SLACK_API_URL: slackUrl,
  PORT: String(port),
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: "info",
});

describe("src/main.ts", () => {
  let database: TestDatabase;
  let slack: FakeSlackApi;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    database = await createTestDatabase(inject("templateDatabase"));
    slack = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
    await deleteKeysWithPrefix(prefix);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "" }, "Invalid configuration: SLACK_BOT_TOKEN is required"],
    [{ REDIS_URL: "localhost" }, "Invalid configuration: REDIS_URL must be a URL starting with redis:// or rediss://"],
    [
      { NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" },
      "Invalid configuration: TEAMS_ALLOW_UNAUTHENTICATED must not be true in production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead",
    ],
    // Without NODE_ENV Spur is in production: development behaviour is never the default.
    [
      { NODE_ENV: "", TEAMS_ALLOW_UNAUTHENTICATED: "true" },
      "Invalid configuration: TEAMS_ALLOW_UNAUTHENTICATED must not be true in production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead " +
        "(NODE_ENV is unset, which means production; set NODE_ENV=development for local development)",
    ],
    [{ NODE_ENV: "", FEEDBACK_HASH_SECRET: "" }, "Invalid configuration: FEEDBACK_HASH_SECRET is required in production (NODE_ENV is unset, which means production; set NODE_ENV=development for local development)"],
  ])("exits with one clear line for a bad environment %o", async (patch, message) => {
    const { child, output } = runMain({ ...validEnv("postgresql://x@127.0.0.1/x", slack.url, prefix, 0), ...patch });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output().trim()).toBe(`${message}. See .env.example.`);
  });

  it("serves Slack's endpoint and health, runs the workers, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const { child, output } = runMain(validEnv(database.url, slack.url, prefix, port));
    const deadline = Date.now() + 15_000;
    while (!output().includes("Spur is listening")) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output()).toContain('"workers":true');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "command=%2Fkudos" });
    expect(unsigned.status).toBe(401);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output()).toContain("shutting down");
  });

  it("warns loudly when Teams runs without authentication (development only)", async () => {
    const port = await freePort();
    const { child, output } = runMain({ ...validEnv(database.url, slack.url, prefix, port), NODE_ENV: "development", TEAMS_ALLOW_UNAUTHENTICATED: "true" });
    const deadline = Date.now() + 15_000;
    while (!output().includes("Spur is listening")) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output()).toContain("WITHOUT Bot Framework authentication");
    expect(output()).toContain('"msTeams":"unauthenticated"');
    const notJson = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", body: "not json" });
    expect(notJson.status).toBe(400);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
