// npm run team:remove -- <team id>   Deletes a team and removes all of its job schedulers (digest,
// leaderboard, awards, prompts). A scheduler left behind (Redis unreachable) is swept at Spur's next boot.
import { Redis } from "ioredis";
import { loadConfig } from "../config.ts";
import { createQueues } from "../jobs/queues.ts";
import { removeTeamSchedulers } from "../jobs/team-schedulers.ts";
import { PrismaWorkspaceStore } from "../store/workspace-store.ts";
import { cliDatabase } from "./cli-workspace.ts";

async function main(args: string[]): Promise<number> {
  const teamId = args[0];
  if (!teamId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(teamId)) {
    console.error("Usage: npm run team:remove -- <team id (uuid)>");
    return 2;
  }
  const config = loadConfig();
  const db = cliDatabase();
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues({ connection: redis, prefix: config.QUEUE_PREFIX });
  try {
    const removed = await new PrismaWorkspaceStore(db).removeTeam(teamId);
    await removeTeamSchedulers(queues.scheduled, teamId);
    process.stdout.write(removed ? `Removed team ${teamId} and its schedules.\n` : `No team ${teamId}; removed any schedules it had left.\n`);
    return removed ? 0 : 1;
  } finally {
    await queues.close();
    await redis.quit();
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
