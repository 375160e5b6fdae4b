// The weekly recognition prompt: one job scheduler per team (stable id), cron in the team's time zone.
// Each member's prompt is claimed in PostgreSQL, so a duplicated or retried run sends nothing twice.
import type { Job, Queue } from "bullmq";
import type { PromptSchedule } from "../core/feedback-model.ts";
import type { Team } from "../core/model.ts";
import { type PromptRunDeps, type PromptRunOutcome, recognitionPromptCron, sendRecognitionPrompts } from "../core/recognition-prompts.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const RECOGNITION_PROMPTS_JOB = "recognition-prompts";

export interface RecognitionPromptsJobData {
  teamId: string;
}

export function recognitionPromptsSchedulerId(teamId: string): string {
  return `recognition-prompts-${teamId}`;
}

/** Creates, moves or (when the team turned prompts off) removes the team's scheduler. */
export async function upsertRecognitionPromptsScheduler(queue: Queue, team: Team, schedule: PromptSchedule): Promise<void> {
  if (!schedule.enabled) {
    await queue.removeJobScheduler(recognitionPromptsSchedulerId(team.id));
    return;
  }
  const { pattern, timeZone } = recognitionPromptCron(schedule, team.timeZone);
  await queue.upsertJobScheduler(
    recognitionPromptsSchedulerId(team.id),
    { pattern, tz: timeZone },
    { name: RECOGNITION_PROMPTS_JOB, data: { teamId: team.id } satisfies RecognitionPromptsJobData },
  );
}

export function processRecognitionPrompts(
  deps: PromptRunDeps,
  job: Job<RecognitionPromptsJobData>,
  token?: string,
): Promise<PromptRunOutcome> {
  return honouringRetryAfter(job, token, () => sendRecognitionPrompts(deps, { teamId: job.data.teamId }));
}
