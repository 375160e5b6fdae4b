// `/spur status`: the team's scheduled posts by kind (weekly digest, forced resends, weekly leaderboard,
// monthly awards) with what went out and why anything did not, and its lead digests counted per week.
import { dayName } from "../admin/admin-command.ts";
import { AWARDS_KIND } from "../awards/awards-run.ts";
import { FORCED_DIGEST_KIND, WEEKLY_DIGEST_KIND } from "./digest-run.ts";
import { LEAD_DIGEST_KIND, LEAD_RUN_KEY_SEPARATOR } from "./lead-digest-run.ts";
import { LEADERBOARD_KIND } from "../awards/leaderboard-run.ts";
import type { Team } from "../shared/model.ts";
import type { DigestRunRepository, RunGroup, RunSummary } from "../shared/ports.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "../admin/team-post-settings.ts";
import { clockTime } from "../shared/wording.ts";

export interface PostStatus {
  /** The latest runs of each kind in STATUS_KINDS. */
  runs: RunSummary[];
  /** Lead digests per week, newest first. */
  leadDigests: RunGroup[];
  leaderboard: LeaderboardPostMode;
  awards: boolean;
}

/** The kinds listed, in order, with how many of each, and when the team has that post turned off. */
const STATUS_KINDS: readonly { kind: string; shown: number; off?(status: PostStatus): boolean }[] = [
  { kind: WEEKLY_DIGEST_KIND, shown: 3 },
  { kind: FORCED_DIGEST_KIND, shown: 2 },
  { kind: LEADERBOARD_KIND, shown: 3, off: (s) => s.leaderboard === "off" },
  { kind: AWARDS_KIND, shown: 2, off: (s) => !s.awards },
];
export const STATUS_LEAD_DIGEST_WEEKS = 3;

export async function loadPostStatus(
  deps: { runs: Pick<DigestRunRepository, "recentByKind" | "runsPerPeriod">; teamPosts: Pick<TeamPostSettings, "leaderboardMode" | "awardsEnabled"> },
  teamId: string,
): Promise<PostStatus> {
  const perKind = Math.max(...STATUS_KINDS.map((k) => k.shown));
  const [runs, leadDigests, leaderboard, awards] = await Promise.all([
    deps.runs.recentByKind(teamId, STATUS_KINDS.map((k) => k.kind), perKind),
    deps.runs.runsPerPeriod(teamId, LEAD_DIGEST_KIND, LEAD_RUN_KEY_SEPARATOR, STATUS_LEAD_DIGEST_WEEKS),
    deps.teamPosts.leaderboardMode(teamId),
    deps.teamPosts.awardsEnabled(teamId),
  ]);
  return { runs, leadDigests, leaderboard, awards };
}

/** What an admin needs to know about the team's scheduled posts: what went out, and why anything did not. */
export function describeRuns(team: Team, status: PostStatus): string {
  const channel = team.channelId ? `<#${team.channelId}>` : "no channel yet (`/spur channel #channel`)";
  const head = `Scheduled posts for ${team.name} → ${channel}, ${dayName(team.digestDay)}s ${clockTime(team.digestMinuteOfDay)} (${team.timeZone}).`;
  const lines: string[] = [];
  let posts = 0;
  for (const { kind, shown, off } of STATUS_KINDS) {
    if (off?.(status)) lines.push(`• ${words(kind)}: off`);
    const runs = status.runs.filter((r) => r.kind === kind).slice(0, shown);
    posts += runs.length;
    lines.push(...runs.map(runLine));
  }
  lines.push(...status.leadDigests.map(leadDigestLine));
  if (posts === 0 && status.leadDigests.length === 0) lines.push("Nothing has been posted yet.");
  return [head, ...lines].join("\n");
}

const words = (kind: string) => kind.replaceAll("_", " ");

function runLine(r: RunSummary): string {
  const what = `${words(r.kind)} ${r.periodKey}`;
  switch (r.status) {
    case "posted":
      return `• ${what}: posted${r.postedAt ? ` ${r.postedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}`;
    case "failed":
      return `• ${what}: failed after ${r.attempts} ${r.attempts === 1 ? "attempt" : "attempts"} — ${r.error ?? "unknown reason"}`;
    default:
      return `• ${what}: in progress (attempt ${r.attempts})`;
  }
}

/** "• lead digests 2026-W47: 3 sent, 1 failed: channel_not_found". */
function leadDigestLine(week: RunGroup): string {
  const parts = [`${week.posted} sent`];
  if (week.failed > 0) parts.push(`${week.failed} failed${week.errors.length > 0 ? `: ${week.errors.join("; ")}` : ""}`);
  if (week.inProgress > 0) parts.push(`${week.inProgress} in progress`);
  return `• lead digests ${week.periodKey}: ${parts.join(", ")}`;
}
