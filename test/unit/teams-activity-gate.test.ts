// Which Bot Framework activities reach Spur's Teams bot at all (the e2e side is test/e2e/teams-trust.test.ts).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { activityPolicyOf, refusalOf } from "../../src/teams/activity-gate.ts";

describe("Teams activity gate", () => {
  it("accepts the Bot Framework Emulator only in explicit development", () => {
    const env = { DATABASE_URL: "postgresql://x@127.0.0.1/x", REDIS_URL: "redis://127.0.0.1:6379", SLACK_BOT_TOKEN: "xoxb-1" };
    const dev = parseConfig({ ...env, NODE_ENV: "development", SLACK_SIGNING_SECRET: "s" });
    const production = parseConfig({
      ...env,
      SLACK_SIGNING_SECRET: "s".repeat(32),
      FEEDBACK_HASH_SECRET: "f".repeat(32),
      SPUR_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      MICROSOFT_APP_ID: "8f3e4a1c-2b7d-4e9f-a6c5-1d2e3f4a5b6c",
      MICROSOFT_APP_PASSWORD: "p".repeat(40),
    });
    const emulator = {
      type: "message",
      channelId: "emulator",
      serviceUrl: "http://localhost:3978/",
      from: { id: "user-1", name: "Ana" },
      recipient: { id: "bot-1", name: "Spur" },
      conversation: { id: "c" },
    };
    expect(refusalOf(emulator, activityPolicyOf(dev))).toBeNull();
    expect(refusalOf(emulator, activityPolicyOf(production))).toMatchObject({ code: "channel_not_allowed" });
    expect(refusalOf({ ...emulator, channelId: "msteams" }, activityPolicyOf(production))).toBeNull();
  });

});
