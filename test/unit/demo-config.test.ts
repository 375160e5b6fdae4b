// The configuration of `npm run demo`: everything optional, with defaults that need no outside services.
import { describe, expect, it } from "vitest";
import { ConfigError, parseDemoConfig } from "../../src/config.ts";

describe("parseDemoConfig", () => {
  it("needs nothing: no database or Redis URL means embedded ones, on the default port and data directory", () => {
    expect(parseDemoConfig({})).toEqual({
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      PLAYGROUND_PORT: 3030,
      DEMO_DATA_DIR: ".demo/pgdata",
      LOG_LEVEL: "warn",
    });
    expect(parseDemoConfig({ DATABASE_URL: "", REDIS_URL: "" })).toMatchObject({ DATABASE_URL: undefined, REDIS_URL: undefined });
  });

  it("uses the URLs it is given", () => {
    const config = parseDemoConfig({ DATABASE_URL: "postgresql://u@db:5432/spur", REDIS_URL: "redis://cache:6379", PLAYGROUND_PORT: "8080" });
    expect(config).toMatchObject({ DATABASE_URL: "postgresql://u@db:5432/spur", REDIS_URL: "redis://cache:6379", PLAYGROUND_PORT: 8080 });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseDemoConfig({ PLAYGROUND_PORT: "70000" })).toThrow(new ConfigError("Invalid configuration: PLAYGROUND_PORT must be a port number (0–65535)."));
    expect(() => parseDemoConfig({ REDIS_URL: "localhost:6379" })).toThrow(/^Invalid configuration: REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\/\.$/);
  });
});
