import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig, slackOAuthEnabled } from "../../src/config.ts";
import { BOT_SCOPES } from "../../src/slack/oauth-scopes.ts";

const base = {
  NODE_ENV: "development",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/spur",
  REDIS_URL: "redis://127.0.0.1:6379",
  SLACK_SIGNING_SECRET: "secret",
};
const oauth = { SLACK_CLIENT_ID: "123.456", SLACK_CLIENT_SECRET: "client-secret", SLACK_STATE_SECRET: "a-state-secret-of-some-length" };
const KEY = randomBytes(32).toString("base64");

describe("Slack configuration modes", () => {
  it("single-workspace mode: a bot token and no OAuth client", () => {
    const c = parseConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-1" });
    expect(slackOAuthEnabled(c)).toBe(false);
    expect(() => parseConfig(base)).toThrow("Invalid configuration: SLACK_BOT_TOKEN is required. See .env.example.");
  });

  it("multi-workspace mode: OAuth client id, secret and state secret, no bot token", () => {
    const c = parseConfig({ ...base, ...oauth, SPUR_ENCRYPTION_KEY: KEY });
    expect(slackOAuthEnabled(c)).toBe(true);
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(c.SPUR_PREVIOUS_ENCRYPTION_KEYS).toEqual([]);
  });

  it.each([
    [{ SLACK_STATE_SECRET: undefined }, "SLACK_STATE_SECRET is required for multi-workspace install"],
    [{ SLACK_CLIENT_SECRET: "" }, "SLACK_CLIENT_SECRET is required for multi-workspace install"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_APP_TOKEN must not be set with SLACK_CLIENT_ID"],
    [{ SPUR_ENCRYPTION_KEY: randomBytes(16).toString("base64") }, "SPUR_ENCRYPTION_KEY must be 32 bytes, base64"],
    [{ SPUR_PREVIOUS_ENCRYPTION_KEYS: `${KEY},not-a-key` }, "SPUR_PREVIOUS_ENCRYPTION_KEYS must be comma-separated base64 keys"],
    [
      { NODE_ENV: "production", FEEDBACK_HASH_SECRET: "x".repeat(32), SLACK_SIGNING_SECRET: "s".repeat(32), SLACK_CLIENT_SECRET: "c".repeat(32), SLACK_STATE_SECRET: "t".repeat(32), SPUR_ENCRYPTION_KEY: "" },
      "SPUR_ENCRYPTION_KEY is required in production",
    ],
  ])("stops on a bad multi-workspace setting: %o", (patch, message) => {
    expect(() => parseConfig({ ...base, ...oauth, SPUR_ENCRYPTION_KEY: KEY, ...patch })).toThrow(message);
  });

  it("accepts previous keys for rotation and runs outside production without a key", () => {
    const other = randomBytes(32).toString("base64");
    expect(parseConfig({ ...base, ...oauth, SPUR_ENCRYPTION_KEY: KEY, SPUR_PREVIOUS_ENCRYPTION_KEYS: ` ${other} ,` }).SPUR_PREVIOUS_ENCRYPTION_KEYS).toEqual([other]);
    expect(slackOAuthEnabled(parseConfig({ ...base, ...oauth, NODE_ENV: "development" }))).toBe(true);
  });

  it("asks for the manifest's bot scopes when installing through OAuth", () => {
    const manifest = parse(readFileSync("manifests/slack/manifest.yaml", "utf8")) as { oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] } };
    expect(new Set(BOT_SCOPES)).toEqual(new Set(manifest.oauth_config.scopes.bot));
    expect(manifest.oauth_config.redirect_urls.every((u) => u.endsWith("/slack/oauth_redirect"))).toBe(true);
  });
});
