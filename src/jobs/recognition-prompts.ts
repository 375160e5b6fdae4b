// The weekly recognition prompt: one job scheduler per team (stable id, see team-schedulers.ts), cron in the team's time zone.
// Each member's prompt is claimed in PostgreSQL, so a duplicated or retried run sends nothing twice.
import type { Job } from "bullmq";
import {
  type PromptRunDeps,
  type PromptRunOutcome,
  recognitionPromptCron,
  sendRecognitionPrompts,
} from "../core/recognition/recognition-prompts.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const RECOGNITION_PROMPTS_JOB = "recognition-prompts";

export interface RecognitionPromptsJobData {
  teamId: string;
}

export function recognitionPromptsSchedulerId(teamId: string): string {
  return `recognition-prompts-${teamId}`;
}

export function processRecognitionPrompts(
  deps: PromptRunDeps,
  job: Job<RecognitionPromptsJobData>,
  token?: string,
): Promise<PromptRunOutcome> {
  return honouringRetryAfter(job, token, () => sendRecognitionPrompts(deps, { teamId: job.data.teamId }));
}

export const recognitionPromptsJob = defineJob({
  name: RECOGNITION_PROMPTS_JOB,
  queue: SCHEDULED_QUEUE,
  process: processRecognitionPrompts,
  teamScheduler: {
    schedulerId: recognitionPromptsSchedulerId,
    schedule: (team, settings) => (settings.prompts.enabled ? recognitionPromptCron(settings.prompts, team.timeZone) : null),
  },
});
