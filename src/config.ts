// The only reader of process.env. Parsed once, with zod; a bad value stops start-up with one clear line.
import { z } from "zod";
import { isValidTimeZone } from "./core/shared/period.ts";

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

/** A comma-separated list; blanks and surrounding spaces dropped. */
const commaList = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((item) => item.trim()).filter(Boolean));

/** A 256-bit key, base64 (standard or URL-safe alphabet). */
const encryptionKey = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64 (openssl rand -base64 32)");

const ConfigSchema = z.object({
  /** Unset means production: development behaviour (fixed secrets, unauthenticated Teams) must be asked for. */
  NODE_ENV: z.enum(["development", "production", "test"], "must be development, production or test").default("production"),
  PORT: z.coerce.number().int("must be a whole number").min(0).max(65535, "must be a port number (0–65535)").default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: url(["postgres:", "postgresql:"]),
  REDIS_URL: url(["redis:", "rediss:"]),
  SLACK_SIGNING_SECRET: z.string().trim().min(1, "is required (Slack app → Basic Information → Signing Secret)"),
  /** Single-workspace mode: the one workspace's bot token. Not needed when Spur is installed through OAuth. */
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, "must be a bot token starting with xoxb- (Slack app → OAuth & Permissions)")
    .optional(),
  // Multi-workspace mode (OAuth install at /slack/install): set both client id and secret.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  /** Signs the OAuth `state` parameter; required in multi-workspace mode. */
  SLACK_STATE_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  /** Encrypts Slack tokens at rest: 32 random bytes, base64 (`openssl rand -base64 32`). */
  SPUR_ENCRYPTION_KEY: encryptionKey.optional(),
  /** Earlier encryption keys, comma-separated, still accepted for reading tokens stored before a rotation. */
  SPUR_PREVIOUS_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys = (v ?? "").split(",").map((k) => k.trim()).filter(Boolean);
      for (const k of keys) {
        if (!encryptionKey.safeParse(k).success) ctx.addIssue({ code: "custom", message: "must be comma-separated base64 keys of 32 bytes each" });
      }
      return keys;
    }),
  SLACK_API_URL: url(["http:", "https:"]).default("https://slack.com/api/"),
  /** With an app-level token, Spur connects to Slack over Socket Mode: no public URL needed. */
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, "must be an app-level token starting with xapp- (Slack app → Basic Information → App-Level Tokens)")
    .optional(),
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
  /**
   * Worker threads that draw digest charts (about 5 ms of CPU each) beside the main thread; one draws more a
   * second than a posting budget lets out. 0 draws them on the main thread, in the posting job.
   */
  CHART_RENDER_THREADS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(16).default(1),
  /**
   * Where Spur is reachable from the internet (https://spur.example.com): Teams digest cards show their trend
   * chart from <PUBLIC_URL>/charts/…; unset, Teams digests go out without the chart.
   */
  PUBLIC_URL: url(["http:", "https:"]).optional(),
  /** Password for the queue dashboard at /admin/queues (HTTP Basic auth); unset: no dashboard. */
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** The queue dashboard is read-only unless this is true; each write (retry, add, clean …) is then logged as an audit line. */
  QUEUE_BOARD_WRITES: z
    .enum(["true", "false", ""], "must be true or false")
    .default("false")
    .transform((v) => v === "true"),
  /**
   * The hottest reads (scorecards, digests) are named prepared statements, parsed and planned once per
   * connection. Set false where connections share a server session: PgBouncer in transaction pooling mode
   * (before 1.21's max_prepared_statements), or the demo's embedded PostgreSQL.
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["true", "false", ""], "must be true or false")
    .default("true")
    .transform((v) => v !== "false"),
  /** Slash commands are answered in front of Bolt (see src/slack/slash-command-path.ts) unless this is true. */
  SLACK_COMMANDS_VIA_BOLT: z
    .enum(["true", "false", ""], "must be true or false")
    .default("false")
    .transform((v) => v === "true"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, _ and -")
    .default("spur"),
  // Limits of a KPI CSV import (POST /api/kpis/csv): a file over one is refused with 413, naming the limit.
  CSV_MAX_BYTES: z.coerce.number().int("must be a whole number").positive("must be a positive number").default(10 * 1024 * 1024),
  CSV_MAX_LINE_LENGTH: z.coerce.number().int("must be a whole number").positive("must be a positive number").default(64 * 1024),
  CSV_MAX_ROWS: z.coerce.number().int("must be a whole number").positive("must be a positive number").default(200_000),
  /** Keys anonymous feedback (HMAC) so one person answers once without their id being stored. */
  FEEDBACK_HASH_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  // Microsoft Teams (optional): the Azure Bot registration's app id and client secret.
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant"]).default("MultiTenant"),
  /** Optional, comma-separated Entra tenant ids: activities from any other tenant are refused (403). */
  TEAMS_ALLOWED_TENANTS: commaList,
  /**
   * Teams: people (sign-in name or email, or Entra object id), comma-separated, who are Spur admins of the
   * Teams workspaces they are in. The Bot Framework roster rarely says who owns a team, so this is how a team's
   * first admin is named.
   */
  SPUR_BOOTSTRAP_ADMINS: commaList.transform((list) => list.map((v) => v.toLowerCase())),
  /** Development only: serve /api/messages without checking Bot Framework tokens. */
  TEAMS_ALLOW_UNAUTHENTICATED: z
    .enum(["true", "false", ""], "must be true or false")
    .default("false")
    .transform((v) => v === "true"),
}).superRefine((c, ctx) => {
  const oauth = Boolean(c.SLACK_CLIENT_ID || c.SLACK_CLIENT_SECRET);
  if (!oauth && !c.SLACK_BOT_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "is required" });
  }
  if (oauth) {
    for (const name of ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const) {
      if (!c[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required for multi-workspace install (with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)" });
    }
    if (c.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "must not be set with SLACK_CLIENT_ID: each workspace's token comes from its OAuth install" });
    }
    if (c.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "must not be set with SLACK_CLIENT_ID: multi-workspace install runs over HTTP" });
    }
  }
  if (c.MICROSOFT_APP_ID && !c.MICROSOFT_APP_PASSWORD) {
    ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_PASSWORD"], message: "is required when MICROSOFT_APP_ID is set" });
  }
  if (c.MICROSOFT_APP_ID && c.MICROSOFT_APP_TYPE === "SingleTenant" && !c.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_TENANT_ID"], message: "is required for a SingleTenant app" });
  }
});

/** Outside production a fixed secret keeps development and tests simple; production must set its own. */
export const DEV_FEEDBACK_HASH_SECRET = "spur-development-feedback-secret";

/** Outside production, without SPUR_ENCRYPTION_KEY, secrets are encrypted with this fixed key (base64). */
export const DEV_ENCRYPTION_KEY = Buffer.from("spur-development-encryption-key!").toString("base64");

export type Config = Omit<z.infer<typeof ConfigSchema>, "FEEDBACK_HASH_SECRET"> & { FEEDBACK_HASH_SECRET: string };

export class ConfigError extends Error {
  readonly code = "invalid_config";
}

/** An empty variable counts as unset (Docker Compose and Kubernetes pass `FOO=` for a blank optional value). */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

/** Secrets and credentials: in production none may be a placeholder, and those marked `min` not shorter. */
const SECRETS: { name: keyof z.infer<typeof ConfigSchema>; min?: number }[] = [
  { name: "SLACK_SIGNING_SECRET", min: 32 },
  { name: "SLACK_CLIENT_SECRET", min: 32 },
  { name: "SLACK_STATE_SECRET", min: 32 },
  { name: "FEEDBACK_HASH_SECRET", min: 32 },
  { name: "ADMIN_TOKEN", min: 32 },
  { name: "MICROSOFT_APP_PASSWORD", min: 32 },
  { name: "SLACK_BOT_TOKEN" },
  { name: "SLACK_APP_TOKEN" },
  { name: "SLACK_CLIENT_ID" },
  { name: "SPUR_ENCRYPTION_KEY" },
  { name: "MICROSOFT_APP_ID" },
  { name: "MICROSOFT_APP_TENANT_ID" },
];

/** The shapes .env.example and documentation use for "put the real value here". */
export function isPlaceholder(value: string): boolean {
  return (
    /replace[-_ ]?(me|with)|change[-_ ]?me|your[-_ ](secret|token|key|password)|<[^>]*>/i.test(value) ||
    // All-zero ids such as 00000000-0000-0000-0000-000000000000 or 0000000000.0000000000.
    /^[0._-]+$/.test(value) ||
    value === DEV_FEEDBACK_HASH_SECRET ||
    value === DEV_ENCRYPTION_KEY
  );
}

/**
 * What production refuses, as [variable, reason], first problem first. Development behaviour (fixed secrets,
 * Teams without authentication) exists only where NODE_ENV asks for it.
 */
function productionProblem(c: z.infer<typeof ConfigSchema>): [string, string] | null {
  // botbuilder silently skips token checks when no app id is set: never in production.
  if (c.TEAMS_ALLOW_UNAUTHENTICATED) return ["TEAMS_ALLOW_UNAUTHENTICATED", "must not be true in production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead"];
  if (!c.FEEDBACK_HASH_SECRET) return ["FEEDBACK_HASH_SECRET", "is required in production"];
  for (const { name, min } of SECRETS) {
    const value = c[name];
    if (typeof value !== "string") continue;
    if (isPlaceholder(value)) return [name, "is a placeholder (from .env.example or a development default): set the real value"];
    if (min && Buffer.byteLength(value, "utf8") < min) return [name, `must be at least ${min} bytes in production (e.g. openssl rand -hex 32)`];
  }
  for (const key of c.SPUR_PREVIOUS_ENCRYPTION_KEYS) {
    if (isPlaceholder(key)) return ["SPUR_PREVIOUS_ENCRYPTION_KEYS", "holds the development key: remove it"];
  }
  // Bot tokens and helpdesk secrets are stored encrypted; the development key is public.
  if (!c.SPUR_ENCRYPTION_KEY) return ["SPUR_ENCRYPTION_KEY", "is required in production: it encrypts stored bot tokens and helpdesk secrets (openssl rand -base64 32)"];
  return null;
}

/**
 * Parses an environment; throws ConfigError naming the first bad variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(withoutBlanks(env));
  if (result.success) {
    const problem = result.data.NODE_ENV === "production" ? productionProblem(result.data) : null;
    if (problem) {
      const [name, message] = problem;
      const unset = env.NODE_ENV === undefined || env.NODE_ENV === "";
      const hint = unset ? " (NODE_ENV is unset, which means production; set NODE_ENV=development for local development)" : "";
      throw new ConfigError(`Invalid configuration: ${name} ${message}${hint}. See .env.example.`);
    }
    const { FEEDBACK_HASH_SECRET, ...rest } = result.data;
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

/** Multi-workspace mode: Slack workspaces install Spur through OAuth and each has its own stored bot token. */
export function slackOAuthEnabled(config: Config): boolean {
  return Boolean(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET);
}

/** Explicit development or test: what production never allows (e.g. the Bot Framework Emulator's activities). */
export function isDevelopment(config: Config): boolean {
  return config.NODE_ENV !== "production";
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
