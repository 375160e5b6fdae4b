// `npm run demo`: Spur with no outside setup. Uses DATABASE_URL and REDIS_URL when set; otherwise serves an
// embedded PostgreSQL (PGlite) and starts a private redis-server. Seeds a sample workspace, runs the real
// Spur against the fake Slack Web API and serves the playground page. Never part of `npm start`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { loadDemoConfig, parseConfig, type DemoConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import { createSpur } from "../spur.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { PlaygroundFeed } from "./feed.ts";
import { createPlaygroundServer, listenPlayground } from "./playground-server.ts";
import { freePort, PrivateRedis } from "./private-redis.ts";
import { GENERAL_CHANNEL, SAMPLE_MEMBERS, SAMPLE_TEAM_ID, SAMPLE_TEAMS, sampleSlackUsers } from "./sample-workspace.ts";
import { seedSampleWorkspace } from "./seed.ts";
import { SlackDriver } from "./slack-driver.ts";

const say = (line: string) => process.stdout.write(`${line}\n`);
const cleanups: (() => Promise<unknown>)[] = [];

async function stopAll(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error("demo: while stopping:", err));
}

/** The slash commands and message shortcuts Spur's Slack app manifest declares, as the playground offers them. */
function manifestFeatures() {
  const manifest = parseYaml(readFileSync(new URL("../../manifests/slack/manifest.yaml", import.meta.url), "utf8")) as {
    features?: {
      slash_commands?: { command: string; description: string; usage_hint?: string }[];
      shortcuts?: { name: string; type: string; callback_id: string }[];
    };
  };
  return {
    commands: (manifest.features?.slash_commands ?? []).map(({ command, description, usage_hint }) => ({ command, description, usage_hint })),
    shortcuts: (manifest.features?.shortcuts ?? []).filter((s) => s.type === "message").map(({ name, callback_id }) => ({ name, callback_id })),
  };
}

async function database(demo: DemoConfig): Promise<{ url: string; embedded: boolean }> {
  if (demo.DATABASE_URL) {
    say("demo: using DATABASE_URL (apply migrations with `npm run db:migrate` first)");
    return { url: demo.DATABASE_URL, embedded: false };
  }
  const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
  const pg = await startEmbeddedPostgres({ dataDir: demo.DEMO_DATA_DIR, migrationsDir });
  cleanups.push(() => pg.stop());
  const migrations = pg.applied.length ? `applied ${pg.applied.length} migration(s)` : "migrations up to date";
  say(`demo: embedded PostgreSQL (PGlite) with data in ${demo.DEMO_DATA_DIR}, ${migrations}`);
  return { url: pg.url, embedded: true };
}

async function redis(demo: DemoConfig): Promise<string> {
  if (demo.REDIS_URL) return demo.REDIS_URL;
  const server = new PrivateRedis(await freePort());
  await server.start();
  cleanups.push(() => server.stop());
  say(`demo: private redis-server at ${server.url}`);
  return server.url;
}

async function main(): Promise<void> {
  const demo = loadDemoConfig();
  // Redis first: a missing redis-server is reported before the slower database start.
  const redisUrl = await redis(demo);
  const { url: databaseUrl, embedded } = await database(demo);
  const slack = await new FakeSlackApi(sampleSlackUsers()).start();
  cleanups.push(() => slack.stop());

  const signingSecret = randomBytes(16).toString("hex");
  const config = parseConfig({
    NODE_ENV: "development",
    PORT: "0",
    LOG_LEVEL: demo.LOG_LEVEL,
    DATABASE_URL: databaseUrl,
    // Every connection to the embedded server shares its one session: named statements would clash.
    ...(embedded ? { DATABASE_PREPARED_STATEMENTS: "false" } : {}),
    REDIS_URL: redisUrl,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: "xoxb-playground",
    SLACK_API_URL: slack.url,
    QUEUE_PREFIX: "spur-playground",
  });
  // PGlite runs one statement at a time, and its socket server queues each connection's protocol messages one by
  // one: a statement outside a transaction (Parse, Bind, Execute) can interleave with another connection's and
  // fail ("bind message supplies 2 parameters, but prepared statement requires 1"). One connection rules that
  // out and costs nothing, as PGlite never ran two statements at once anyway.
  const spur = createSpur(config, { logger: createLogger(config.LOG_LEVEL), ...(embedded ? { databasePoolSize: 1 } : {}) });
  cleanups.push(() => spur.stop());
  const seeded = await seedSampleWorkspace(spur.services);
  const spurPort = await spur.start();
  say(`demo: Spur is running on http://127.0.0.1:${spurPort} with the sample workspace (${SAMPLE_MEMBERS.length} members, ${SAMPLE_TEAMS.length} teams)`);

  const channels = [
    { id: GENERAL_CHANNEL.channelId, name: GENERAL_CHANNEL.channelName },
    ...SAMPLE_TEAMS.map((t) => ({ id: t.channelId, name: t.channelName })),
  ];
  const feed = new PlaygroundFeed(slack);
  const driver = new SlackDriver({
    spurUrl: `http://127.0.0.1:${spurPort}`,
    signingSecret,
    teamId: SAMPLE_TEAM_ID,
    slack,
    feed,
    handles: new Map(SAMPLE_MEMBERS.map((m) => [m.handle, m.id])),
    channels,
  });
  const server = createPlaygroundServer({
    feed,
    driver,
    slack,
    directory: { members: SAMPLE_MEMBERS, channels, ...manifestFeatures() },
    runDigest: async () => {
      for (const { team } of seeded.teams) await spur.services.jobs.sendDigestNow(team.id);
    },
    locale: (await spur.services.workspaces.ensure("slack", SAMPLE_TEAM_ID, { teamTimeZone: config.DEFAULT_TIME_ZONE })).workspace.locale,
    setLocale: async (locale) => void (await spur.services.workspaces.setLocale(seeded.workspaceId, locale)),
  });
  cleanups.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  const port = await listenPlayground(server, demo.PLAYGROUND_PORT).catch((err: NodeJS.ErrnoException) => {
    throw err.code === "EADDRINUSE" ? new Error(`port ${demo.PLAYGROUND_PORT} is in use: set PLAYGROUND_PORT to another port`) : err;
  });
  say(`demo: playground ready at http://127.0.0.1:${port}/ (Ctrl-C to stop)`);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopAll().then(() => process.exit(0));
  });
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? `demo: ${err.message}` : err);
  await stopAll();
  process.exit(1);
});
