// Sends each lead of a team their private digest for a week, exactly once per lead and week: a digest-run row
// per lead (kind `lead_digest`, period key "<week>:<lead's platform id>") claims each message.
import type { TeamLeads } from "../recognition/recognition-ports.ts";
import { settleFailedRun } from "./digest-run.ts";
import { composeLeadDigest, type LeadDigest } from "./lead-digest.ts";
import { weekByKey } from "../shared/period.ts";
import type { Clock, DigestRunRepository, WorkspaceRepository } from "../shared/ports.ts";
import type { Notifier } from "../outbound/notifier.ts";
import type { TeamWeeksDeps } from "./team-weeks.ts";

export const LEAD_DIGEST_KIND = "lead_digest";
export const LEAD_DIGEST_EVENT_TYPE = "spur_lead_digest";

export interface LeadDigestRunDeps extends TeamWeeksDeps {
  workspaces: WorkspaceRepository;
  leads: TeamLeads;
  runs: DigestRunRepository;
  /** The team's notifier; null when Spur is no longer installed in its workspace. */
  notifierFor(teamId: string): Promise<Notifier | null>;
  clock: Clock;
  leaseMs: number;
}

export type LeadDigestOutcome =
  | { status: "done"; periodKey: string; sent: number; alreadySent: number; failed: { lead: string; reason: string }[] }
  | { status: "skipped"; reason: "team_not_found" | "no_leads" | "not_installed" };

/** Between the week and the lead in a lead digest's period key (week keys have none; platform ids may). */
export const LEAD_RUN_KEY_SEPARATOR = ":";

export function leadRunKey(periodKey: string, leadPlatformUserId: string): string {
  return `${periodKey}${LEAD_RUN_KEY_SEPARATOR}${leadPlatformUserId}`;
}

export async function runLeadDigests(deps: LeadDigestRunDeps, input: { teamId: string; periodKey: string }): Promise<LeadDigestOutcome> {
  const team = await deps.workspaces.teamById(input.teamId);
  if (!team) return { status: "skipped", reason: "team_not_found" };
  const leads = await deps.leads.leadsOf([team.id]);
  if (leads.length === 0) return { status: "skipped", reason: "no_leads" };
  const period = weekByKey(input.periodKey, team.timeZone);
  const notifier = await deps.notifierFor(team.id);
  if (!notifier) return { status: "skipped", reason: "not_installed" };
  let digest: LeadDigest | undefined;
  const outcome = { status: "done" as const, periodKey: period.key, sent: 0, alreadySent: 0, failed: [] as { lead: string; reason: string }[] };
  for (const lead of leads) {
    const runKey = leadRunKey(period.key, lead.platformUserId);
    const claim = await deps.runs.claim({ teamId: team.id, kind: LEAD_DIGEST_KIND, periodKey: runKey }, deps.leaseMs, deps.clock.now());
    if (!claim) {
      outcome.alreadySent += 1;
      continue;
    }
    const marker = { eventType: LEAD_DIGEST_EVENT_TYPE, periodKey: runKey, teamId: team.id };
    try {
      // A takeover first looks for the message a dead worker sent but never recorded.
      const earlier = claim.attempt > 1 ? await notifier.findPosted(lead.platformUserId, marker, period.end) : null;
      if (earlier) {
        await deps.runs.markPosted(claim.id, earlier.channelId, earlier.messageRef, deps.clock.now());
        outcome.alreadySent += 1;
        continue;
      }
      digest ??= await composeLeadDigest(deps, team, period);
      const posted = await notifier.post(lead.platformUserId, { kind: "lead_digest", digest, marker });
      await deps.runs.markPosted(claim.id, posted.channelId, posted.messageRef, deps.clock.now());
      outcome.sent += 1;
    } catch (err) {
      // A transient error is rethrown: leads already sent keep their claim, and the retry sends the rest.
      outcome.failed.push({ lead: lead.platformUserId, reason: await settleFailedRun(deps.runs, claim.id, err) });
    }
  }
  return outcome;
}
