// spur status: the team's scheduled posts by kind (weekly digest, forced resends, weekly leaderboard,
// monthly awards) with what went out and why anything did not, and its lead digests counted per week.
import { weeklyDay } from "../admin/admin-command.ts";
import { AWARDS_KIND } from "../awards/awards-run.ts";
import { FORCED_DIGEST_KIND, WEEKLY_DIGEST_KIND } from "./digest-run.ts";
import { LEAD_DIGEST_KIND, LEAD_RUN_KEY_SEPARATOR } from "./lead-digest-run.ts";
import { LEADERBOARD_KIND } from "../awards/leaderboard-run.ts";
import type { Team } from "../shared/model.ts";
import type { DigestRunRepository, RunGroup, RunSummary } from "../shared/ports.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "../admin/team-post-settings.ts";
import { clockTime } from "../shared/wording.ts";
import { channelRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";
import { channel, command, msg, type Msg } from "../../i18n/message.ts";

export interface PostStatus {
  /** The latest runs of each kind in STATUS_KINDS. */
  runs: RunSummary[];
  /** Lead digests per week, newest first. */
  leadDigests: RunGroup[];
  leaderboard: LeaderboardPostMode;
  awards: boolean;
  /** The workspace keeps individual rankings to leads and admins, so the weekly leaderboard post is held back. */
  rankingsHidden: boolean;
}

/** The kinds listed, in order, with how many of each, and when the team has that post turned off. */
const STATUS_KINDS: readonly { kind: string; shown: number; off?(status: PostStatus): boolean; heldBack?(status: PostStatus): boolean }[] = [
  { kind: WEEKLY_DIGEST_KIND, shown: 3 },
  { kind: FORCED_DIGEST_KIND, shown: 2 },
  { kind: LEADERBOARD_KIND, shown: 3, off: (s) => s.leaderboard === "off", heldBack: (s) => s.rankingsHidden },
  { kind: AWARDS_KIND, shown: 2, off: (s) => !s.awards },
];
export const STATUS_LEAD_DIGEST_WEEKS = 3;

export async function loadPostStatus(
  deps: {
    runs: Pick<DigestRunRepository, "recentByKind" | "runsPerPeriod">;
    teamPosts: Pick<TeamPostSettings, "leaderboardMode" | "awardsEnabled">;
    recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
  },
  team: Pick<Team, "id" | "workspaceId">,
): Promise<PostStatus> {
  const teamId = team.id;
  const perKind = Math.max(...STATUS_KINDS.map((k) => k.shown));
  const [runs, leadDigests, leaderboard, awards, rankingsShown] = await Promise.all([
    deps.runs.recentByKind(teamId, STATUS_KINDS.map((k) => k.kind), perKind),
    deps.runs.runsPerPeriod(teamId, LEAD_DIGEST_KIND, LEAD_RUN_KEY_SEPARATOR, STATUS_LEAD_DIGEST_WEEKS),
    deps.teamPosts.leaderboardMode(teamId),
    deps.teamPosts.awardsEnabled(teamId),
    channelRankingsShown(deps, team.workspaceId),
  ]);
  return { runs, leadDigests, leaderboard, awards, rankingsHidden: !rankingsShown };
}

/** What an admin needs to know about the team's scheduled posts, one message per line: what went out, and why anything did not. */
export function describeRuns(team: Team, status: PostStatus): Msg[] {
  const where = team.channelId ? channel(team.channelId) : msg("status.noChannel", { usage: command("spur", "channel #channel") });
  const head = msg("status.head", { team: team.name, channel: where, day: weeklyDay(team.digestDay), time: clockTime(team.digestMinuteOfDay), timeZone: team.timeZone });
  const lines: Msg[] = [];
  let posts = 0;
  for (const { kind, shown, off, heldBack } of STATUS_KINDS) {
    if (off?.(status)) lines.push(msg("status.off", { kind: kindWords(kind) }));
    else if (heldBack?.(status)) lines.push(msg("status.heldBack", { kind: kindWords(kind), setting: command("spur", "settings leaderboard everyone") }));
    const runs = status.runs.filter((r) => r.kind === kind).slice(0, shown);
    posts += runs.length;
    lines.push(...runs.map(runLine));
  }
  lines.push(...status.leadDigests.map(leadDigestLine));
  if (posts === 0 && status.leadDigests.length === 0) lines.push(msg("status.nothing"));
  return [head, ...lines];
}

const kindWords = (kind: string) => msg("status.kind", { kind });

function runLine(r: RunSummary): Msg {
  const what = { kind: kindWords(r.kind), period: r.periodKey };
  switch (r.status) {
    case "posted":
      return msg("status.posted", { ...what, at: r.postedAt ? r.postedAt.toISOString().slice(0, 16).replace("T", " ") : "none" });
    case "failed":
      return msg("status.failed", { ...what, attempts: r.attempts, reason: r.error ?? msg("status.unknownReason") });
    default:
      return msg("status.inProgress", { ...what, attempts: r.attempts });
  }
}

/** "• lead digests 2026-W47: 3 sent, 1 failed: channel_not_found". */
function leadDigestLine(week: RunGroup): Msg {
  return msg("status.leadDigests", {
    period: week.periodKey,
    sent: week.posted,
    failed: week.failed,
    errors: week.errors.length > 0 ? week.errors.join("; ") : "none",
    inProgress: week.inProgress,
  });
}
