import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, teamsMode } from "../../src/config.ts";

const valid = {
  NODE_ENV: "development",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/spur",
  REDIS_URL: "redis://127.0.0.1:6379",
  SLACK_SIGNING_SECRET: "secret",
  SLACK_BOT_TOKEN: "xoxb-123",
};

describe("parseConfig", () => {
  it("applies defaults", () => {
    const c = parseConfig(valid);
    expect(c.PORT).toBe(3000);
    expect(c.SLACK_API_URL).toBe("https://slack.com/api/");
    expect(c.DEFAULT_TIME_ZONE).toBe("UTC");
    expect(c.QUEUE_PREFIX).toBe("spur");
  });

  it("treats an empty variable as unset, as Compose passes a blank optional value", () => {
    const c = parseConfig({ ...valid, PORT: "", SLACK_APP_TOKEN: "", MICROSOFT_APP_ID: "", PUBLIC_URL: "" });
    expect(c.PORT).toBe(3000);
    expect(c.SLACK_APP_TOKEN).toBeUndefined();
    expect(teamsMode(c)).toBe("disabled");
    expect(() => parseConfig({ ...valid, SLACK_SIGNING_SECRET: "" })).toThrow("Invalid configuration: SLACK_SIGNING_SECRET is required");
  });

  it("adds the trailing slash Slack's client needs", () => {
    expect(parseConfig({ ...valid, SLACK_API_URL: "http://127.0.0.1:9000/api" }).SLACK_API_URL).toBe("http://127.0.0.1:9000/api/");
  });

  it.each([
    [{ DATABASE_URL: undefined }, "Invalid configuration: DATABASE_URL is required"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a URL starting with postgres:// or postgresql://"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL must be a URL starting with redis:// or rediss://"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN must be a bot token starting with xoxb-"],
    [{ SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET is required"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT must be a port number"],
    [{ DEFAULT_TIME_ZONE: "Mars/Olympus" }, "DEFAULT_TIME_ZONE must be an IANA time zone"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("stops with one line naming the variable: %o", (patch, message) => {
    expect(() => parseConfig({ ...valid, ...patch })).toThrow(ConfigError);
    expect(() => parseConfig({ ...valid, ...patch })).toThrow(message);
  });
});

describe("Microsoft Teams configuration", () => {
  const app = { MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001", MICROSOFT_APP_PASSWORD: "secret" };

  it("is disabled without an app id", () => {
    const c = parseConfig(valid);
    expect(teamsMode(c)).toBe("disabled");
    expect(c.MICROSOFT_APP_TYPE).toBe("MultiTenant");
    expect(c.TEAMS_ALLOW_UNAUTHENTICATED).toBe(false);
    expect(teamsMode(parseConfig({ ...valid, MICROSOFT_APP_ID: "" }))).toBe("disabled");
  });

  it("authenticates with an app id and password", () => {
    expect(teamsMode(parseConfig({ ...valid, ...app }))).toBe("authenticated");
    const single = parseConfig({ ...valid, ...app, MICROSOFT_APP_TYPE: "SingleTenant", MICROSOFT_APP_TENANT_ID: "tenant" });
    expect(single.MICROSOFT_APP_TENANT_ID).toBe("tenant");
  });

  it("runs unauthenticated only when asked, outside production", () => {
    expect(teamsMode(parseConfig({ ...valid, TEAMS_ALLOW_UNAUTHENTICATED: "true" }))).toBe("unauthenticated");
    expect(teamsMode(parseConfig({ ...valid, NODE_ENV: "test", TEAMS_ALLOW_UNAUTHENTICATED: "true" }))).toBe("unauthenticated");
  });

  it.each([
    [{ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" }, "TEAMS_ALLOW_UNAUTHENTICATED must not be true in production"],
    [{ NODE_ENV: "production", ...app, TEAMS_ALLOW_UNAUTHENTICATED: "true" }, "TEAMS_ALLOW_UNAUTHENTICATED must not be true in production"],
    [{ MICROSOFT_APP_ID: app.MICROSOFT_APP_ID }, "MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set"],
    [{ ...app, MICROSOFT_APP_TYPE: "SingleTenant" }, "MICROSOFT_APP_TENANT_ID is required for a SingleTenant app"],
    [{ MICROSOFT_APP_TYPE: "UserAssignedMSI" }, "MICROSOFT_APP_TYPE"],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: "yes" }, "TEAMS_ALLOW_UNAUTHENTICATED must be true or false"],
  ])("stops with one line naming the variable: %o", (patch, message) => {
    expect(() => parseConfig({ ...valid, ...patch })).toThrow(ConfigError);
    expect(() => parseConfig({ ...valid, ...patch })).toThrow(message);
  });
});
