// One readable sentence per audit entry: when, who, and what they changed. Entries are data written by any
// version of Spur, so every detail is read defensively; an action this version does not know is named as is.
import { FORGOTTEN_ID_PREFIX } from "../data-rights/member-erasure.ts";
import type { StoredAuditEntry } from "./audit-log-ports.ts";
import { SYSTEM_ACTOR } from "../shared/audit.ts";
import { isMetricCode } from "../kpi/kpi-catalogue.ts";
import { metricLabel } from "../kpi/kpi-messages.ts";
import { clockTime } from "../shared/wording.ts";
import { channel, code, list, member, msg, type Msg, type Param, when } from "../../i18n/message.ts";

/** Display names of the chat users the entries name, by platform user id. */
export type AuditNames = ReadonlyMap<string, string>;

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const none = (): Msg => msg("audit.value.none");

/** A member by chat user id; an erased member's tombstone reads as "a former member". */
export function auditMember(userId: string | null, names: AuditNames): Param {
  if (!userId) return none();
  if (userId === SYSTEM_ACTOR) return msg("audit.system");
  if (userId.startsWith(FORGOTTEN_ID_PREFIX)) return msg("audit.formerMember");
  return member(userId, names.get(userId));
}

/** "09:05 Wed 25 Nov · Ana made Bo a lead (reason)". */
export function auditLine(entry: StoredAuditEntry, names: AuditNames, timeZone: string): Msg {
  const line = msg("audit.line", { when: when(entry.createdAt, timeZone, "dayTime"), who: auditMember(entry.actorUserId, names), what: auditWhat(entry, names) });
  return entry.reason ? msg("audit.line.reason", { line, reason: entry.reason }) : line;
}

function settingValue(field: string, value: unknown): Param {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return none();
  if (field === "recognitionChannelId" && typeof value === "string") return channel(value);
  if (typeof value === "boolean") return msg("audit.value.onOff", { on: value ? "yes" : "no" });
  if (typeof value === "number") return value;
  if (typeof value === "string") return code(value);
  if (Array.isArray(value)) return list(value.map((v) => String(v)));
  return Object.entries(record(value))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

function teamOf(details: Record<string, unknown>): string {
  return str(details.team) ?? "";
}

function schedule(value: unknown): Param {
  const v = record(value);
  const day = num(v.day);
  const minute = num(v.minuteOfDay);
  if (day === null || minute === null) return none();
  return msg("audit.value.schedule", { day: String(day), time: clockTime(minute), timeZone: str(v.timeZone) ?? "" });
}

/** A recognition prompt schedule ({ enabled, day, minuteOfDay, timeZone }): its day and time, or off. */
function promptSchedule(value: unknown): Param {
  return record(value).enabled === false ? msg("audit.value.promptsOff") : schedule(value);
}

function target(value: unknown): Param {
  const t = record(value);
  const figure = num(t.target);
  if (figure === null) return none();
  return msg("audit.value.target", { target: figure, weight: num(t.weight) ?? 1, period: str(t.period) ?? "week", min: num(t.minVolume) ?? "none" });
}

function levelTarget(value: unknown): Param {
  const t = record(value);
  const figure = num(t.target);
  return figure === null ? none() : msg("audit.value.levelTarget", { target: figure, weight: num(t.weight) ?? 1 });
}

function metricOf(value: unknown): Param {
  const metric = str(value) ?? "";
  return isMetricCode(metric) ? metricLabel(metric) : code(metric);
}

/** The chat user ids a team entry names: `members` as ids or as { member, from } moves. */
export function auditPeopleIds(details: Record<string, unknown>): string[] {
  const members = Array.isArray(details.members) ? details.members : [];
  return members.flatMap((m) => str(m) ?? str(record(m).member) ?? []);
}

function peopleOf(details: Record<string, unknown>, names: AuditNames): Param[] {
  const ids = auditPeopleIds(details);
  return ids.length > 0 ? ids.map((id) => auditMember(id, names)) : [none()];
}

/**
 * A team's changed settings ("time zone from UTC to Asia/Shanghai"), from its entry's { field: { from, to } };
 * a field set to what it was (the day of a digest whose time alone moved) is left out.
 */
function teamChanges(details: Record<string, unknown>): Msg[] {
  const value = (field: string, v: unknown): Param => {
    if (v === null || v === undefined) return none();
    if (field === "channelId" && typeof v === "string") return channel(v);
    if (field === "digestMinuteOfDay" && typeof v === "number") return clockTime(v);
    if (field === "digestDay" && typeof v === "number") return msg("admin.day", { day: String(v) });
    return typeof v === "number" ? v : code(String(v));
  };
  const changes = Object.entries(details)
    .filter(([field, change]) => field !== "team" && change && typeof change === "object" && "to" in (change as object))
    .filter(([, change]) => record(change).from !== record(change).to)
    .map(([field, change]) => msg("audit.team.change", { field, from: value(field, record(change).from), to: value(field, record(change).to) }));
  return changes.length > 0 ? changes : [none()];
}

/** A group sync's moves, one per team they went to ("<@UANA> and <@UBO> to Tier 1"). */
function groupMoves(details: Record<string, unknown>, names: AuditNames): Msg[] {
  const byTeam = new Map<string, Param[]>();
  for (const m of Array.isArray(details.members) ? details.members : []) {
    const id = str(record(m).member);
    if (!id) continue;
    const team = str(record(m).to) ?? "";
    byTeam.set(team, [...(byTeam.get(team) ?? []), auditMember(id, names)]);
  }
  const moves = [...byTeam.entries()].map(([team, who]) => msg("audit.team.groupMove", { who: list(who), team }));
  return moves.length > 0 ? moves : [none()];
}

/** What the entry did, as the predicate of a sentence whose subject is the actor. */
export function auditWhat(entry: StoredAuditEntry, names: AuditNames): Msg {
  const d = entry.details;
  const from = d.from;
  const to = d.to;
  switch (entry.action) {
    case "settings.update": {
      const changes = Object.entries(d).map(([field, change]) => {
        const c = record(change);
        return msg("audit.settings.change", { field: msg("recognitionSettings.field", { field }), from: settingValue(field, c.from), to: settingValue(field, c.to) });
      });
      return msg("audit.settings.update", { changes: list(changes) });
    }
    case "kudos.revoke":
      return msg("audit.kudos.revoke", { gift: code(`${(entry.target ?? "").slice(0, 8)}…`), points: num(d.points) ?? 0 });
    case "data.export":
      return msg("audit.data.export", { period: str(d.periodKey) ?? entry.target ?? "", format: (str(d.format) ?? "csv").toUpperCase() });
    case "member.forget":
      return msg("audit.member.forget");
    case "digest.force_send":
      return msg("audit.digest.forceSend", { period: str(d.periodKey) ?? "" });
    case "workspace.locale":
      return msg("audit.workspace.locale", { from: str(from) === "zh-CN" ? "zh" : "en", to: str(to) === "zh-CN" ? "zh" : "en" });
    case "member.role":
      return msg("audit.member.role", { who: auditMember(entry.target, names), role: str(to) ?? "agent", from: str(from) ?? "agent" });
    case "team.channel":
      return msg("audit.team.channel", { team: teamOf(d), from: str(from) ? channel(str(from)!) : none(), to: str(to) ? channel(str(to)!) : none() });
    case "team.timezone":
      return msg("audit.team.timezone", { team: teamOf(d), from: str(from) ?? "", to: str(to) ?? "" });
    case "team.digest_schedule":
      return msg("audit.team.digestSchedule", { team: teamOf(d), from: schedule(from), to: schedule(to) });
    case "team.digest_movers":
      return msg("audit.team.digestMovers", { team: teamOf(d), named: to === true ? "yes" : "no" });
    case "team.leaderboard_post":
      return msg("audit.team.leaderboardPost", { team: teamOf(d), from: str(from) ?? "", to: str(to) ?? "" });
    case "team.awards":
      return msg("audit.team.awards", { team: teamOf(d), on: to === true ? "yes" : "no" });
    case "kpi.target_set":
      return msg("audit.kpi.targetSet", { team: teamOf(d), metric: metricOf(d.metric), to: target(d), from: target(from) });
    case "kpi.target_remove":
      return msg("audit.kpi.targetRemove", { team: teamOf(d), metric: metricOf(d.metric) });
    case "api_token.create":
      return msg("audit.apiToken.create", { name: str(d.name) ?? "", prefix: code(`${entry.target ?? ""}…`) });
    case "api_token.revoke":
      return msg("audit.apiToken.revoke", { prefix: code(`${entry.target ?? ""}…`) });
    case "helpdesk.secret_set":
      return msg("audit.helpdesk.secretSet", { provider: entry.target ?? "" });
    case "helpdesk.secret_remove":
      return msg("audit.helpdesk.secretRemove", { provider: entry.target ?? "" });
    case "helpdesk.agent":
      return msg("audit.helpdesk.agent", { provider: str(d.provider) ?? "", who: auditMember(entry.target, names) });
    case "helpdesk.shoutouts":
      return msg("audit.helpdesk.shoutouts", { on: to === true ? "yes" : "no" });
    case "feedback.threshold":
      return msg("audit.feedback.threshold", { from: num(from) ?? "", to: num(to) ?? "" });
    case "team.create":
      return msg("audit.team.create", { team: teamOf(d) });
    case "team.update":
      return msg("audit.team.update", { team: teamOf(d), changes: list(teamChanges(d)) });
    case "team.archive":
      return msg("audit.team.archive", { team: teamOf(d) });
    case "team.lead_add":
      return msg("audit.team.leadAdd", { team: teamOf(d), who: list(peopleOf(d, names)) });
    case "team.lead_remove":
      return msg("audit.team.leadRemove", { team: teamOf(d), who: list(peopleOf(d, names)) });
    case "team.assign":
      return msg("audit.team.assign", { team: teamOf(d), who: list(peopleOf(d, names)) });
    case "level.create":
      return msg("audit.level.create", { level: str(d.level) ?? "" });
    case "level.rename":
      return msg("audit.level.rename", { from: str(record(d.name).from) ?? str(d.level) ?? "", to: str(record(d.name).to) ?? "" });
    case "level.remove":
      return msg("audit.level.remove", { level: str(d.level) ?? "" });
    case "level.assign":
      return msg("audit.level.assign", { hasLevel: str(d.level) ? "yes" : "no", level: str(d.level) ?? "", who: list(peopleOf(d, names)) });
    case "level.target_set":
      return msg("audit.level.targetSet", { level: str(d.level) ?? "", metric: metricOf(d.metric), to: levelTarget(d), from: levelTarget(from) });
    case "level.target_remove":
      return msg("audit.level.targetRemove", { level: str(d.level) ?? "", metric: metricOf(d.metric) });
    case "team.map_channel": {
      const mapped = str(record(d.mapped).to);
      const previous = str(d.previousTeam);
      return msg("audit.team.mapChannel", { team: teamOf(d), channel: mapped ? channel(mapped) : none(), moved: previous ? "yes" : "no", previous: previous ?? "" });
    }
    case "team.prompts":
      return msg("audit.team.prompts", { team: teamOf(d), from: promptSchedule(from), to: promptSchedule(to) });
    case "team.follow":
      return msg("audit.team.follow", { team: teamOf(d), group: `@${str(d.group) ?? ""}` });
    case "team.unfollow":
      return msg("audit.team.unfollow", { team: teamOf(d), group: `@${str(d.group) ?? ""}` });
    case "team.group_sync":
      return msg("audit.team.groupSync", { group: `@${str(d.group) ?? ""}`, moves: list(groupMoves(d, names)) });
    default:
      return msg("audit.unknown", { action: code(entry.action) });
  }
}
