// The private lead digests of a team and week: queued once the team's weekly digest has run. The job id
// dedupes queueing; the per-lead digest-run claims make each lead's message go out once whatever BullMQ redelivers.
import type { Job, Queue } from "bullmq";
import { type LeadDigestOutcome, type LeadDigestRunDeps, runLeadDigests } from "../core/digests/lead-digest-run.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const LEAD_DIGEST_JOB = "lead-digest";

export interface LeadDigestJobData {
  teamId: string;
  periodKey: string;
}

export async function enqueueLeadDigest(queue: Queue, data: LeadDigestJobData): Promise<void> {
  await queue.add(LEAD_DIGEST_JOB, data, { jobId: `lead-digest-${data.teamId}-${data.periodKey}` });
}

export async function processLeadDigest(deps: LeadDigestRunDeps, job: Job<LeadDigestJobData>, token?: string): Promise<LeadDigestOutcome> {
  return honouringRetryAfter(job, token, () => runLeadDigests(deps, job.data));
}
