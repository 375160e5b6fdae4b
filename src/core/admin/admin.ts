// Carrying out spur administration for an admin: each change answers with a confirmation message.
import { assertAdmin, type AdminCommand, weeklyDay } from "./admin-command.ts";
import { mentionKey, mentionParam } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "./team-post-settings.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { DigestRunRepository, MemberRepository, WorkspaceRepository } from "../shared/ports.ts";
import { type AuditAction, type AuditEntry, auditBy } from "../shared/audit.ts";
import { describeRuns, loadPostStatus } from "../digests/post-status.ts";
import { clockTime } from "../shared/wording.ts";
import { channel, command, msg, type Msg } from "../../i18n/message.ts";
import type { Locale } from "../../i18n/locale.ts";
import { channelRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";

export interface AdminDeps {
  members: MemberDirectory;
  memberRepo: MemberRepository;
  workspaces: WorkspaceRepository;
  runs: Pick<DigestRunRepository, "recentByKind" | "runsPerPeriod">;
  teamPosts: TeamPostSettings;
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
  /** Called after a team's schedule-relevant settings changed. */
  onTeamChanged(team: Team): Promise<void>;
}

/** Admin-only settings; the digest preview and send (leads too) are handled where the digest is rendered. */
export type AdminAction = Exclude<AdminCommand, { kind: "help" | "digest_preview" | "digest_send" | "digest_movers" }>;

/** Applies the command and returns its confirmation (`status`: one message per line). */
export async function runAdminCommand(
  deps: AdminDeps,
  input: {
    workspace: Workspace;
    /** The team whose settings change. */
    team: Team;
    /** The workspace's default team, where people Spur meets first are placed (`team` when not said). */
    defaultTeam?: Team;
    actor: Member;
    command: AdminAction;
  },
): Promise<Msg[]> {
  const { workspace, team, actor, command: cmd } = input;
  assertAdmin(actor.role);
  switch (cmd.kind) {
    case "role": {
      const target = (await deps.members.resolve(workspace, (input.defaultTeam ?? team).id, [cmd.target])).get(mentionKey(cmd.target));
      if (!target) throw new SpurError(ErrorCode.UnknownUser, msg("admin.refused.unknownMember", { who: mentionParam(cmd.target) }));
      if (target.id === actor.id && cmd.role !== "admin") throw new SpurError(ErrorCode.NotAllowed, msg("admin.refused.ownAdminRole"));
      const audit = target.role === cmd.role ? undefined : auditBy(actor, "member.role", target.platformUserId, { from: target.role, to: cmd.role });
      const updated = await deps.memberRepo.setRole(target.id, cmd.role, audit);
      deps.members.invalidate(workspace.id, updated.platformUserId);
      return [msg("admin.role.set", { name: updated.displayName, role: cmd.role })];
    }
    case "channel": {
      const audit = teamChange(actor, team, "team.channel", team.channelId, cmd.channelId);
      const updated = await deps.workspaces.updateTeam(team.id, { channelId: cmd.channelId }, audit);
      await deps.onTeamChanged(updated);
      return [msg("admin.channel.set", { team: updated.name, channel: channel(cmd.channelId) })];
    }
    case "timezone": {
      const audit = teamChange(actor, team, "team.timezone", team.timeZone, cmd.timeZone);
      const updated = await deps.workspaces.updateTeam(team.id, { timeZone: cmd.timeZone }, audit);
      await deps.onTeamChanged(updated);
      return [msg("admin.timezone.set", { team: updated.name, timeZone: cmd.timeZone })];
    }
    case "digest": {
      const from = { day: team.digestDay, minuteOfDay: team.digestMinuteOfDay, timeZone: team.timeZone };
      const audit = teamChange(actor, team, "team.digest_schedule", from, { day: cmd.day, minuteOfDay: cmd.minuteOfDay, timeZone: team.timeZone });
      const updated = await deps.workspaces.updateTeam(team.id, { digestDay: cmd.day, digestMinuteOfDay: cmd.minuteOfDay }, audit);
      await deps.onTeamChanged(updated);
      return [msg("admin.digest.set", { team: updated.name, day: weeklyDay(cmd.day), time: clockTime(cmd.minuteOfDay), timeZone: updated.timeZone })];
    }
    case "leaderboard_post": {
      const mode = await deps.teamPosts.leaderboardMode(team.id);
      if (cmd.mode !== null) {
        await deps.teamPosts.setLeaderboardMode(team.id, cmd.mode, teamChange(actor, team, "team.leaderboard_post", mode, cmd.mode));
        await deps.onTeamChanged(team);
      }
      const now = cmd.mode ?? mode;
      const heldBack = now !== "off" && !(await channelRankingsShown(deps, workspace.id));
      return heldBack ? [leaderboardMode(team.name, now), leaderboardHeldBack()] : [leaderboardMode(team.name, now)];
    }
    case "awards": {
      const enabled = await deps.teamPosts.awardsEnabled(team.id);
      if (cmd.enabled === null) return [awards(team.name, enabled)];
      await deps.teamPosts.setAwardsEnabled(team.id, cmd.enabled, teamChange(actor, team, "team.awards", enabled, cmd.enabled));
      await deps.onTeamChanged(team);
      return [awards(team.name, cmd.enabled)];
    }
    case "locale":
      if (cmd.locale === null) return [msg("admin.locale.current", { language: languageOf(workspace.locale), usage: command("spur", "locale en|zh-CN") })];
      return [await setWorkspaceLocale(deps, workspace, actor, cmd.locale)];
    case "status":
      return describeRuns(team, await loadPostStatus(deps, team));
  }
}

/** The workspace's language; audited like every admin change. */
async function setWorkspaceLocale(deps: AdminDeps, workspace: Workspace, actor: Member, locale: Locale): Promise<Msg> {
  const audit = workspace.locale === locale ? undefined : auditBy(actor, "workspace.locale", workspace.id, { from: workspace.locale, to: locale });
  const updated = await deps.workspaces.setLocale(workspace.id, locale, audit);
  return msg("admin.locale.set", { language: languageOf(updated.locale) });
}

/** The entry of a change to one of the team's settings, or none when the value stays as it was. */
function teamChange(actor: Member, team: Team, action: AuditAction, from: unknown, to: unknown): AuditEntry | undefined {
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  return auditBy(actor, action, team.id, { team: team.name, from, to });
}

function leaderboardMode(team: string, mode: LeaderboardPostMode): Msg {
  return mode === "off" ? msg("admin.leaderboardPost.off", { team }) : msg("admin.leaderboardPost.on", { team, mode });
}

/** The post is nothing but rankings, so a workspace that keeps them to leads and admins posts none. */
function leaderboardHeldBack(): Msg {
  return msg("admin.leaderboardPost.heldBack", { setting: command("spur", "settings leaderboard everyone") });
}

function awards(team: string, enabled: boolean): Msg {
  return msg(enabled ? "admin.awards.on" : "admin.awards.off", { team });
}

/** The selector the catalogue names languages by (ICU selectors cannot hold "-"). */
function languageOf(locale: Locale): string {
  return locale === "zh-CN" ? "zh" : "en";
}
