// Development behaviour is asked for, never assumed: an environment without NODE_ENV is production, and
// production refuses .env.example's placeholders, the public development secrets and short secrets.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_ENCRYPTION_KEY, DEV_FEEDBACK_HASH_SECRET, parseConfig, teamsMode } from "../../src/config.ts";

const long = (label: string) => `${label}-${"0123456789abcdef".repeat(2)}`;
/** A production environment with real-looking values everywhere. */
const production = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/spur",
  REDIS_URL: "redis://127.0.0.1:6379",
  SLACK_SIGNING_SECRET: randomBytes(16).toString("hex"),
  SLACK_BOT_TOKEN: "xoxb-123-456-abcdef",
  FEEDBACK_HASH_SECRET: long("feedback"),
  SPUR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
const oauth = {
  SLACK_CLIENT_ID: "123.456",
  SLACK_CLIENT_SECRET: randomBytes(16).toString("hex"),
  SLACK_STATE_SECRET: long("state"),
  SPUR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
const UNSET_HINT = "(NODE_ENV is unset, which means production; set NODE_ENV=development for local development)";

/** The variables .env.example sets (its uncommented lines), as an operator who copied it unchanged would start Spur. */
function envExample(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(".env.example", "utf8").split("\n")) {
    const m = /^([A-Z][A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) env[m[1]] = m[2];
  }
  return env;
}

describe("NODE_ENV unset means production", () => {
  it("is production when unset, and development behaviour needs NODE_ENV=development or test", () => {
    expect(parseConfig(production).NODE_ENV).toBe("production");
    expect(parseConfig({ ...production, NODE_ENV: "" }).NODE_ENV).toBe("production");
    expect(parseConfig({ ...production, NODE_ENV: "development" }).NODE_ENV).toBe("development");
  });

  it("refuses Teams without authentication when NODE_ENV is unset", () => {
    expect(() => parseConfig({ ...production, TEAMS_ALLOW_UNAUTHENTICATED: "true" })).toThrow(
      `Invalid configuration: TEAMS_ALLOW_UNAUTHENTICATED must not be true in production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead ${UNSET_HINT}. See .env.example.`,
    );
    expect(teamsMode(parseConfig({ ...production, NODE_ENV: "development", TEAMS_ALLOW_UNAUTHENTICATED: "true" }))).toBe("unauthenticated");
  });

  it("never falls back to the public development feedback secret or encryption key when NODE_ENV is unset", () => {
    const { FEEDBACK_HASH_SECRET: _secret, ...withoutSecret } = production;
    expect(() => parseConfig(withoutSecret)).toThrow(`FEEDBACK_HASH_SECRET is required in production ${UNSET_HINT}`);
    const { SLACK_BOT_TOKEN: _token, ...multi } = { ...production, ...oauth };
    expect(() => parseConfig({ ...multi, SPUR_ENCRYPTION_KEY: "" })).toThrow(`SPUR_ENCRYPTION_KEY is required in production`);
    // A single workspace stores helpdesk secrets encrypted too: the key is required there as well.
    expect(() => parseConfig({ ...production, SPUR_ENCRYPTION_KEY: "" })).toThrow(`SPUR_ENCRYPTION_KEY is required in production: it encrypts stored bot tokens and helpdesk secrets`);
    expect(() => parseConfig({ ...multi, SPUR_ENCRYPTION_KEY: DEV_ENCRYPTION_KEY })).toThrow("SPUR_ENCRYPTION_KEY is a placeholder");
    expect(() => parseConfig({ ...production, FEEDBACK_HASH_SECRET: DEV_FEEDBACK_HASH_SECRET })).toThrow("FEEDBACK_HASH_SECRET is a placeholder");
    expect(() => parseConfig({ ...multi, SPUR_PREVIOUS_ENCRYPTION_KEYS: DEV_ENCRYPTION_KEY })).toThrow("SPUR_PREVIOUS_ENCRYPTION_KEYS holds the development key");
    // Outside production the development values are still there for tests and the demo.
    expect(parseConfig({ ...withoutSecret, NODE_ENV: "test" }).FEEDBACK_HASH_SECRET).toBe(DEV_FEEDBACK_HASH_SECRET);
  });
});

describe("production refuses placeholders and short secrets, naming the variable", () => {
  it("refuses .env.example copied unchanged", () => {
    expect(() => parseConfig(envExample())).toThrow("Invalid configuration: SLACK_SIGNING_SECRET is a placeholder (from .env.example or a development default): set the real value. See .env.example.");
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "replace-me" }, "SLACK_SIGNING_SECRET is a placeholder"],
    [{ SLACK_BOT_TOKEN: "xoxb-replace-me" }, "SLACK_BOT_TOKEN is a placeholder"],
    [{ FEEDBACK_HASH_SECRET: "replace-with-a-long-random-secret" }, "FEEDBACK_HASH_SECRET is a placeholder"],
    [{ SLACK_APP_TOKEN: "xapp-replace-me" }, "SLACK_APP_TOKEN is a placeholder"],
    [{ ADMIN_TOKEN: "replace-with-a-long-random-string" }, "ADMIN_TOKEN is a placeholder"],
    [{ MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000000", MICROSOFT_APP_PASSWORD: long("password") }, "MICROSOFT_APP_ID is a placeholder"],
    [{ MICROSOFT_APP_ID: "8f3e4a1c-2b7d-4e9f-a6c5-1d2e3f4a5b6c", MICROSOFT_APP_PASSWORD: "replace-me" }, "MICROSOFT_APP_PASSWORD is a placeholder"],
    [{ SLACK_SIGNING_SECRET: "a".repeat(31) }, "SLACK_SIGNING_SECRET must be at least 32 bytes in production"],
    [{ FEEDBACK_HASH_SECRET: "f".repeat(20) }, "FEEDBACK_HASH_SECRET must be at least 32 bytes in production"],
    [{ ADMIN_TOKEN: "t".repeat(16) }, "ADMIN_TOKEN must be at least 32 bytes in production"],
    [{ MICROSOFT_APP_ID: "8f3e4a1c-2b7d-4e9f-a6c5-1d2e3f4a5b6c", MICROSOFT_APP_PASSWORD: "short-password" }, "MICROSOFT_APP_PASSWORD must be at least 32 bytes in production"],
  ])("refuses %o", (patch, message) => {
    expect(() => parseConfig({ ...production, NODE_ENV: "production", ...patch })).toThrow(message);
    // The same values are accepted where development is asked for.
    expect(() => parseConfig({ ...production, NODE_ENV: "development", ...patch })).not.toThrow();
  });

  it.each([
    [{ SLACK_CLIENT_SECRET: "replace-me" }, "SLACK_CLIENT_SECRET is a placeholder"],
    [{ SLACK_CLIENT_ID: "0000000000.0000000000" }, "SLACK_CLIENT_ID is a placeholder"],
    [{ SLACK_STATE_SECRET: "replace-with-a-long-random-string" }, "SLACK_STATE_SECRET is a placeholder"],
    [{ SLACK_STATE_SECRET: "s".repeat(20) }, "SLACK_STATE_SECRET must be at least 32 bytes in production"],
  ])("refuses in multi-workspace mode %o", (patch, message) => {
    const { SLACK_BOT_TOKEN: _token, ...multi } = { ...production, ...oauth };
    expect(() => parseConfig({ ...multi, ...patch })).toThrow(message);
  });

  it("accepts real values", () => {
    const { SLACK_BOT_TOKEN: _token, ...multi } = { ...production, ...oauth };
    expect(parseConfig({ ...multi, ADMIN_TOKEN: long("admin") }).NODE_ENV).toBe("production");
  });
});
