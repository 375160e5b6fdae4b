// The only reader of process.env. Parsed once, with zod; a bad value stops start-up with one clear line.
import { z } from "zod";
import { isValidTimeZone } from "./core/period.ts";

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1, "is required")
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int("must be a whole number").min(0).max(65535, "must be a port number (0–65535)").default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: url(["postgres:", "postgresql:"]),
  REDIS_URL: url(["redis:", "rediss:"]),
  SLACK_SIGNING_SECRET: z.string().trim().min(1, "is required (Slack app → Basic Information → Signing Secret)"),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, "must be a bot token starting with xoxb- (Slack app → OAuth & Permissions)"),
  SLACK_API_URL: url(["http:", "https:"]).default("https://slack.com/api/"),
  /** With an app-level token, Spur connects to Slack over Socket Mode: no public URL needed. */
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, "must be an app-level token starting with xapp- (Slack app → Basic Information → App-Level Tokens)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DEFAULT_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin"),
  SLACK_POSTS_PER_SECOND: z.coerce
    .number()
    .positive("must be a positive number")
    .max(100)
    .default(5)
    .describe("Workspace-wide posting budget (Slack allows several hundred messages a minute)"),
  /** Password for the queue dashboard at /admin/queues (HTTP Basic auth); unset: no dashboard. */
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, _ and -")
    .default("spur"),
  /** Keys anonymous feedback (HMAC) so one person answers once without their id being stored. */
  FEEDBACK_HASH_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  // Microsoft Teams (optional): the Azure Bot registration's app id and client secret.
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant"]).default("MultiTenant"),
  /** Development only: serve /api/messages without checking Bot Framework tokens. */
  TEAMS_ALLOW_UNAUTHENTICATED: z
    .enum(["true", "false", ""], "must be true or false")
    .default("false")
    .transform((v) => v === "true"),
}).superRefine((c, ctx) => {
  if (c.MICROSOFT_APP_ID && !c.MICROSOFT_APP_PASSWORD) {
    ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_PASSWORD"], message: "is required when MICROSOFT_APP_ID is set" });
  }
  if (c.MICROSOFT_APP_ID && c.MICROSOFT_APP_TYPE === "SingleTenant" && !c.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_TENANT_ID"], message: "is required for a SingleTenant app" });
  }
  // botbuilder silently skips token checks when no app id is set: never in production.
  if (c.TEAMS_ALLOW_UNAUTHENTICATED && c.NODE_ENV === "production") {
    ctx.addIssue({
      code: "custom",
      path: ["TEAMS_ALLOW_UNAUTHENTICATED"],
      message: "must not be true in production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead",
    });
  }
});

/** Outside production a fixed secret keeps development and tests simple; production must set its own. */
export const DEV_FEEDBACK_HASH_SECRET = "spur-development-feedback-secret";

export type Config = Omit<z.infer<typeof ConfigSchema>, "FEEDBACK_HASH_SECRET"> & { FEEDBACK_HASH_SECRET: string };

export class ConfigError extends Error {
  readonly code = "invalid_config";
}

/** Parses an environment; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) {
    const { FEEDBACK_HASH_SECRET, ...rest } = result.data;
    if (!FEEDBACK_HASH_SECRET && rest.NODE_ENV === "production") {
      throw new ConfigError("Invalid configuration: FEEDBACK_HASH_SECRET is required in production. See .env.example.");
    }
    const config: Config = { ...rest, FEEDBACK_HASH_SECRET: FEEDBACK_HASH_SECRET ?? DEV_FEEDBACK_HASH_SECRET };
    // Slack's Web API client needs the trailing slash to build method URLs.
    if (!config.SLACK_API_URL.endsWith("/")) config.SLACK_API_URL += "/";
    return config;
  }
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const missing = env[name] === undefined || env[name] === "";
  const message = missing && issue?.code !== "custom" ? "is required" : (issue?.message ?? "is invalid");
  throw new ConfigError(`Invalid configuration: ${name} ${message}. See .env.example.`);
}

let cached: Config | undefined;

/** The process configuration, parsed from process.env on first use. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** How Spur serves Microsoft Teams: with Bot Framework authentication, without it (local development), or not at all. */
export type TeamsMode = "authenticated" | "unauthenticated" | "disabled";

export function teamsMode(config: Config): TeamsMode {
  if (config.MICROSOFT_APP_ID) return "authenticated";
  return config.TEAMS_ALLOW_UNAUTHENTICATED ? "unauthenticated" : "disabled";
}

const DemoSchema = z.object({
  /** Unset: the demo serves an embedded PostgreSQL (PGlite) from DEMO_DATA_DIR. */
  DATABASE_URL: url(["postgres:", "postgresql:"]).optional().or(z.literal("").transform(() => undefined)),
  /** Unset: the demo starts a private redis-server from PATH. */
  REDIS_URL: url(["redis:", "rediss:"]).optional().or(z.literal("").transform(() => undefined)),
  PLAYGROUND_PORT: z.coerce.number().int("must be a whole number").min(0).max(65535, "must be a port number (0–65535)").default(3030),
  /** Where the embedded database keeps its files; "memory://" keeps nothing. */
  DEMO_DATA_DIR: z.string().trim().min(1).default(".demo/pgdata"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
});

export type DemoConfig = z.infer<typeof DemoSchema>;

/** The environment of `npm run demo` (the local playground); throws ConfigError naming the first bad variable. */
export function parseDemoConfig(env: Record<string, string | undefined>): DemoConfig {
  const result = DemoSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(`Invalid configuration: ${String(issue?.path[0] ?? "environment")} ${issue?.message ?? "is invalid"}.`);
}

export function loadDemoConfig(): DemoConfig {
  return parseDemoConfig(process.env);
}
