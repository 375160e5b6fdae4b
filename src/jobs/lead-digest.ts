// The private lead digests of a team and week: queued by the weekly digest job once the team's digest has run
// (its `leadDigests` dependency, wired in spur.ts). The job id dedupes queueing; the per-lead digest-run claims
// make each lead's message go out once whatever BullMQ redelivers.
import type { Job } from "bullmq";
import { type LeadDigestOutcome, type LeadDigestRunDeps, runLeadDigests } from "../core/digests/lead-digest-run.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE, type SpurQueues } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const LEAD_DIGEST_JOB = "lead-digest";

export interface LeadDigestJobData {
  teamId: string;
  periodKey: string;
}

export async function processLeadDigest(deps: LeadDigestRunDeps, job: Job<LeadDigestJobData>, token?: string): Promise<LeadDigestOutcome> {
  return honouringRetryAfter(job, token, () => runLeadDigests(deps, job.data));
}

export const leadDigestJob = defineJob({ name: LEAD_DIGEST_JOB, queue: SCHEDULED_QUEUE, process: processLeadDigest });

export function enqueueLeadDigest(queues: SpurQueues, data: LeadDigestJobData): Promise<void> {
  return leadDigestJob.add(queues, data, { jobId: `lead-digest-${data.teamId}-${data.periodKey}` });
}
