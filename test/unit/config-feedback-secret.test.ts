import { describe, expect, it } from "vitest";
import { DEV_FEEDBACK_HASH_SECRET, parseConfig } from "../../src/config.ts";

const base = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/spur",
  REDIS_URL: "redis://127.0.0.1:6379",
  SLACK_SIGNING_SECRET: "s".repeat(32),
  SLACK_BOT_TOKEN: "xoxb-1",
  SPUR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("FEEDBACK_HASH_SECRET", () => {
  it("defaults to a fixed development secret outside production", () => {
    expect(parseConfig({ ...base, NODE_ENV: "development" }).FEEDBACK_HASH_SECRET).toBe(DEV_FEEDBACK_HASH_SECRET);
  });

  it("is required in production", () => {
    expect(() => parseConfig({ ...base, NODE_ENV: "production" })).toThrow(
      "Invalid configuration: FEEDBACK_HASH_SECRET is required in production. See .env.example.",
    );
    expect(parseConfig({ ...base, NODE_ENV: "production", FEEDBACK_HASH_SECRET: "a".repeat(32) }).FEEDBACK_HASH_SECRET).toBe("a".repeat(32));
  });

  it("must be long enough", () => {
    expect(() => parseConfig({ ...base, NODE_ENV: "development", FEEDBACK_HASH_SECRET: "short" })).toThrow("FEEDBACK_HASH_SECRET must be at least 16 characters");
  });
});
