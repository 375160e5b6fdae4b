// JobDispatch over BullMQ: what the request path hands to background jobs.
import type { JobDispatch } from "../app/services.ts";
import type { Team } from "../core/model.ts";
import type { RecognitionPromptRepository } from "../core/feedback-ports.ts";
import type { Clock, WorkspaceRepository } from "../core/ports.ts";
import { enqueueDataExport } from "./data-export.ts";
import { enqueueFeedbackClose, enqueueFeedbackRequest } from "./feedback-requests.ts";
import { enqueueNotifyRecipients } from "./notify-recipients.ts";
import { enqueueShoutout } from "./post-shoutout.ts";
import { upsertRecognitionPromptsScheduler } from "./recognition-prompts.ts";
import type { SpurQueues } from "./queues.ts";
import { upsertWeeklyDigestScheduler, WEEKLY_DIGEST_JOB } from "./weekly-digest.ts";

export interface DispatchDeps {
  clock: Clock;
  prompts: RecognitionPromptRepository;
}

export function bullmqDispatch(queues: SpurQueues, deps: DispatchDeps): JobDispatch {
  return {
    shoutout: async (input) => {
      await enqueueShoutout(queues.posts, input);
    },
    sendDigestNow: async (teamId) => {
      await queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId });
    },
    notifyRecipients: async (input) => {
      await enqueueNotifyRecipients(queues.posts, input);
    },
    syncTeamSchedules: (team: Team) => syncTeam(queues, deps, team),
    feedbackRequested: (input) => enqueueFeedbackRequest(queues, input, deps.clock),
    feedbackRequestSettled: (requestId) => enqueueFeedbackClose(queues.scheduled, requestId),
    exportData: async (request) => {
      await enqueueDataExport(queues.scheduled, request);
    },
  };
}

async function syncTeam(queues: SpurQueues, deps: Pick<DispatchDeps, "prompts">, team: Team): Promise<void> {
  await upsertWeeklyDigestScheduler(queues.scheduled, team);
  await upsertRecognitionPromptsScheduler(queues.scheduled, team, await deps.prompts.schedule(team.id));
}

/** At boot: every team's schedulers exist and match its settings. */
export async function upsertAllSchedulers(
  queues: SpurQueues,
  workspaces: WorkspaceRepository,
  deps: Pick<DispatchDeps, "prompts">,
): Promise<number> {
  const teams = await workspaces.listTeams();
  for (const team of teams) await syncTeam(queues, deps, team);
  return teams.length;
}
