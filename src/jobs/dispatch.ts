// JobDispatch over BullMQ: what the request path hands to background jobs.
import type { JobDispatch } from "../app/services.ts";
import type { Team } from "../core/model.ts";
import type { WorkspaceRepository } from "../core/ports.ts";
import { enqueueNotifyRecipients } from "./notify-recipients.ts";
import { enqueueShoutout } from "./post-shoutout.ts";
import type { SpurQueues } from "./queues.ts";
import { upsertWeeklyDigestScheduler } from "./weekly-digest.ts";

export function bullmqDispatch(queues: SpurQueues): JobDispatch {
  return {
    shoutout: async (input) => {
      await enqueueShoutout(queues.posts, input);
    },
    notifyRecipients: async (input) => {
      await enqueueNotifyRecipients(queues.posts, input);
    },
    syncTeamSchedules: async (team: Team) => {
      await upsertWeeklyDigestScheduler(queues.scheduled, team);
    },
  };
}

/** At boot: every team's schedulers exist and match its settings. */
export async function upsertAllSchedulers(queues: SpurQueues, workspaces: WorkspaceRepository): Promise<number> {
  const teams = await workspaces.listTeams();
  for (const team of teams) await upsertWeeklyDigestScheduler(queues.scheduled, team);
  return teams.length;
}
