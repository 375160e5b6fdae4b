// DMs each recipient of a gift (and their leads, if the workspace wants it). The job's progress records how
// many notes went out, so a retry after a failure carries on where it stopped instead of repeating them.
import type { Job } from "bullmq";
import { giftNotes } from "../core/recognition/kudos-notifications.ts";
import type { KudosRepository } from "../core/shared/ports.ts";
import type { Notifier } from "../core/outbound/notifier.ts";
import type { RecognitionSettingsRepository, TeamLeads } from "../core/recognition/recognition-ports.ts";
import { defineJob } from "./job-definition.ts";
import { POSTS_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const NOTIFY_RECIPIENTS_JOB = "notify-recipients";

export interface NotifyRecipientsJobData {
  giftId: string;
}

export interface NotifyRecipientsDeps {
  kudos: KudosRepository;
  recognitionSettings: RecognitionSettingsRepository;
  leads: TeamLeads;
  /** Null when Spur is no longer installed in the workspace. */
  notifierForWorkspace(workspaceId: string): Promise<Notifier | null>;
}

export async function processNotifyRecipients(deps: NotifyRecipientsDeps, job: Job<NotifyRecipientsJobData>, token?: string): Promise<string> {
  const gift = await deps.kudos.gift(job.data.giftId);
  if (!gift) return "gift_not_found";
  const settings = await deps.recognitionSettings.get(gift.workspaceId);
  const teamIds = [...new Set(gift.recipients.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const leads = settings.notifyLead ? await deps.leads.leadsOf(teamIds) : [];
  const notes = giftNotes(gift, { notifyLead: settings.notifyLead, leads });
  const notifier = await deps.notifierForWorkspace(gift.workspaceId);
  if (!notifier) return "not_installed";
  const done = typeof job.progress === "number" ? job.progress : 0;
  for (let i = done; i < notes.length; i++) {
    const note = notes[i];
    if (!note) continue;
    await honouringRetryAfter(job, token, () => notifier.post(note.to, note.message));
    await job.updateProgress(i + 1);
  }
  return `notified ${notes.length}`;
}

export const notifyRecipientsJob = defineJob({
  name: NOTIFY_RECIPIENTS_JOB,
  queue: POSTS_QUEUE,
  process: processNotifyRecipients,
});
