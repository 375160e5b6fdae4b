// Every background job Spur runs, declared once (each in its own file, with its name, queue, processor and
// how it is queued). The workers, the request path's JobDispatch and the team schedulers are built from
// this list, and JobDeps (what the composition root hands the workers) is what its processors need. A new
// job is a new file and one line here. Team schedulers are synced in this order.
import { dataExportJob } from "./data-export.ts";
import { feedbackAskJob, feedbackCloseJob, feedbackRemindJob } from "./feedback-requests.ts";
import { leadDigestJob } from "./lead-digest.ts";
import { monthlyAwardsJob } from "./monthly-awards.ts";
import { notifyRecipientsJob } from "./notify-recipients.ts";
import { postShoutoutJob } from "./post-shoutout.ts";
import { recognitionPromptsJob } from "./recognition-prompts.ts";
import { resolveMemberJob } from "./resolve-members.ts";
import { dailyRosterSyncJob, rosterSyncJob } from "./roster-sync.ts";
import { userGroupSyncJob } from "./user-group-sync.ts";
import { weeklyDigestJob } from "./weekly-digest.ts";
import { weeklyLeaderboardJob } from "./weekly-leaderboard.ts";

export const JOBS = [
  postShoutoutJob,
  notifyRecipientsJob,
  feedbackAskJob,
  weeklyDigestJob,
  weeklyLeaderboardJob,
  monthlyAwardsJob,
  leadDigestJob,
  recognitionPromptsJob,
  feedbackRemindJob,
  feedbackCloseJob,
  dataExportJob,
  resolveMemberJob,
  rosterSyncJob,
  dailyRosterSyncJob,
  userGroupSyncJob,
] as const;

export type SpurJob = (typeof JOBS)[number];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Everything the processors of the list need, in one object. */
export type JobDeps = Intersection<Parameters<SpurJob["process"]>[0]>;

/** The JobDispatch calls the list's jobs declare. */
export type JobsDispatch = Intersection<ReturnType<SpurJob["dispatchOn"]>>;
