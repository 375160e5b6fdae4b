import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";

const valid = {
  NODE_ENV: "test",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/spur",
  REDIS_URL: "redis://127.0.0.1:6379",
  SLACK_SIGNING_SECRET: "secret",
  SLACK_BOT_TOKEN: "xoxb-123",
};

describe("CSV import limits", () => {
  it("default to 10 MB, 64 KB lines and 200,000 rows", () => {
    const c = parseConfig(valid);
    expect([c.CSV_MAX_BYTES, c.CSV_MAX_LINE_LENGTH, c.CSV_MAX_ROWS]).toEqual([10 * 1024 * 1024, 64 * 1024, 200_000]);
  });

  it("are configurable, and a bad value names its variable", () => {
    expect(parseConfig({ ...valid, CSV_MAX_ROWS: "5000" }).CSV_MAX_ROWS).toBe(5000);
    expect(() => parseConfig({ ...valid, CSV_MAX_BYTES: "0" })).toThrow("Invalid configuration: CSV_MAX_BYTES must be a positive number");
    expect(() => parseConfig({ ...valid, CSV_MAX_LINE_LENGTH: "1.5" })).toThrow("CSV_MAX_LINE_LENGTH must be a whole number");
  });
});
