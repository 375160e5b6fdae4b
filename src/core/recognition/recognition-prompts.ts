// The weekly "Who helped you this week?" DM: once per member and week (a PostgreSQL unique key decides),
// at the team's day and time in its time zone, to everyone active who has not opted out.
import { TransientError } from "../shared/errors.ts";
import type { PromptSchedule } from "../feedback/feedback-model.ts";
import type { MessengerFor, RecognitionPromptRepository } from "../feedback/feedback-ports.ts";
import { weekContaining } from "../shared/period.ts";
import type { Clock, WorkspaceRepository } from "../shared/ports.ts";
import type { CronSchedule } from "../shared/schedule.ts";

export function recognitionPromptCron(schedule: PromptSchedule, timeZone: string): CronSchedule {
  const hour = Math.floor(schedule.minuteOfDay / 60);
  const minute = schedule.minuteOfDay % 60;
  return { pattern: `0 ${minute} ${hour} * * ${schedule.day % 7}`, timeZone };
}

export interface PromptRunDeps {
  workspaces: WorkspaceRepository;
  prompts: RecognitionPromptRepository;
  messengerFor: MessengerFor;
  clock: Clock;
}

export type PromptRunOutcome =
  | { status: "sent"; weekKey: string; sent: number; skipped: number; failed: number }
  | { status: "skipped"; reason: "team_not_found" | "disabled" | "not_installed" };

/** Sends this week's prompt to each member who has not had it. A retry sends only what is missing. */
export async function sendRecognitionPrompts(deps: PromptRunDeps, input: { teamId: string }): Promise<PromptRunOutcome> {
  const team = await deps.workspaces.teamById(input.teamId);
  if (!team) return { status: "skipped", reason: "team_not_found" };
  const schedule = await deps.prompts.schedule(team.id);
  if (!schedule.enabled) return { status: "skipped", reason: "disabled" };
  const messenger = await deps.messengerFor(team.workspaceId);
  if (!messenger) return { status: "skipped", reason: "not_installed" };
  const weekKey = weekContaining(deps.clock.now(), team.timeZone).key;
  const members = await deps.prompts.recipients(team.id);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  let transient: TransientError | undefined;
  for (const member of members) {
    const promptId = await deps.prompts.claim(member.id, team.id, weekKey);
    if (!promptId) {
      skipped++;
      continue;
    }
    try {
      const posted = await messenger.send(member.platformUserId, { kind: "recognition_prompt", weekKey, member });
      await deps.prompts.markSent(promptId, `${posted.channelId}:${posted.messageRef}`);
      sent++;
    } catch (err) {
      if (err instanceof TransientError) {
        // Give the claim back so the retry sends it; keep going for everyone else.
        await deps.prompts.release(promptId);
        transient ??= err;
      } else {
        // A permanent refusal (account gone, DMs blocked): retrying won't help, and nobody gets it twice.
        failed++;
      }
    }
  }
  if (transient) throw transient;
  return { status: "sent", weekKey, sent, skipped, failed };
}
