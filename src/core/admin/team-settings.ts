// Saving the team settings form: its name, channel, time zone, digest schedule, leads and followed user group,
// checked with the commands' rules, then written at once with an audit entry per kind of change (or nothing,
// when any field is refused). A newly followed group's members are then placed as `team <name> follow` does.
import type { AuditEntry } from "../shared/audit.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import { channel, command, member, msg, type Msg } from "../../i18n/message.ts";
import { clockTime } from "../shared/wording.ts";
import { assertAdmin, weeklyDay } from "./admin-command.ts";
import type { TeamFollowDeps } from "./team-follow.ts";
import { syncLines } from "./team-follow.ts";
import type { TeamFormField, TeamFormValues } from "./team-settings-form.ts";
import type { TeamAdminRepository, TeamRecord, TeamSettingsAudits, TeamSettingsPatch } from "./team-ports.ts";
import { placeGroupMembers } from "./user-group-sync.ts";

export interface TeamSettingsDeps extends TeamFollowDeps {
  teamAdmin: TeamAdminRepository;
  members: MemberDirectory;
  onTeamChanged(team: Team): Promise<void>;
}

export interface TeamSettingsInput {
  workspace: Workspace;
  defaultTeam: Team;
  actor: Member;
  team: TeamRecord;
  values: TeamFormValues;
}

export type TeamSettingsOutcome = { ok: true; lines: Msg[] } | { ok: false; errors: Partial<Record<TeamFormField, Msg>> };

const at = (handle: string) => `@${handle}`;

/** The people picked as leads, or the field's error. */
async function leadsOf(deps: TeamSettingsDeps, input: TeamSettingsInput): Promise<Member[] | Msg> {
  const refs = input.values.leads.map((id) => ({ kind: "id" as const, id }));
  const found = await deps.members.resolve(input.workspace, input.defaultTeam.id, refs);
  const people: Member[] = [];
  for (const ref of refs) {
    const person = found.get(`id:${ref.id}`);
    if (!person) return msg("admin.refused.unknownMember", { who: member(ref.id) });
    if (person.isBot || person.isDeactivated) return msg("team.refused.notAMember", { who: member(person.platformUserId, person.displayName) });
    people.push(person);
  }
  return people;
}

export async function saveTeamSettings(deps: TeamSettingsDeps, input: TeamSettingsInput): Promise<TeamSettingsOutcome> {
  const { workspace, team, values, actor } = input;
  assertAdmin(actor.role);
  const errors: Partial<Record<TeamFormField, Msg>> = {};
  const leads = await leadsOf(deps, input);
  if (!Array.isArray(leads)) errors.leads = leads;
  // A group to follow anew is read first: one that doesn't exist is refused before anything is written.
  const groupId = values.userGroupId;
  const newGroup = groupId !== undefined && groupId !== null && groupId !== team.userGroup?.id ? groupId : null;
  const groupUsers = newGroup ? await deps.userGroups.members(workspace, newGroup) : null;
  const handle = newGroup ? ((await deps.userGroups.list(workspace)).find((g) => g.id === newGroup)?.handle ?? newGroup) : null;
  if (newGroup && groupUsers === null) errors.userGroup = msg("team.follow.unknownGroup", { group: at(handle ?? newGroup) });
  if (Object.keys(errors).length > 0 || !Array.isArray(leads)) return { ok: false, errors };

  const patch: TeamSettingsPatch = {};
  if (values.name !== team.name) patch.name = values.name;
  if (values.channelId !== team.channelId) patch.channelId = values.channelId;
  if (values.timeZone !== team.timeZone) patch.timeZone = values.timeZone;
  if (values.digestDay !== team.digestDay) patch.digestDay = values.digestDay;
  if (values.digestMinuteOfDay !== team.digestMinuteOfDay) patch.digestMinuteOfDay = values.digestMinuteOfDay;
  const current = (await deps.teamAdmin.summaries(workspace.id)).find((s) => s.team.id === team.id)?.leads ?? [];
  const currentIds = new Set(current.map((l) => l.platformUserId));
  const pickedIds = new Set(leads.map((l) => l.platformUserId));
  const added = leads.filter((l) => !currentIds.has(l.platformUserId));
  const removed = (await deps.members.resolve(workspace, input.defaultTeam.id, current.filter((l) => !pickedIds.has(l.platformUserId)).map((l) => ({ kind: "id" as const, id: l.platformUserId })))).values();
  const removedPeople = [...removed].filter((p): p is Member => p !== null);
  const group = groupId === undefined || groupId === (team.userGroup?.id ?? null) ? undefined : newGroup ? { id: newGroup, handle: handle ?? newGroup } : null;

  const entry = (action: AuditEntry["action"], details: Record<string, unknown>): AuditEntry => ({
    workspaceId: workspace.id,
    actorUserId: actor.platformUserId,
    action,
    target: team.id,
    details: { team: team.name, ...details },
    reason: null,
  });
  const changes = Object.fromEntries(Object.entries(patch).map(([field, to]) => [field, { from: team[field as keyof TeamSettingsPatch], to }]));
  const audits: TeamSettingsAudits = {
    update: entry("team.update", changes),
    leadAdd: entry("team.lead_add", { members: added.map((p) => p.platformUserId) }),
    leadRemove: entry("team.lead_remove", { members: removedPeople.map((p) => p.platformUserId) }),
    follow: entry("team.follow", group ? { group: group.handle, groupId: group.id } : {}),
    unfollow: entry("team.unfollow", {}),
  };
  const saved = await deps.teamAdmin.saveSettings(team.id, { patch, leadsAdded: added.map((p) => p.id), leadsRemoved: removedPeople.map((p) => p.id), ...(group !== undefined ? { group } : {}) }, audits, deps.clock.now());
  if (!saved.ok && saved.reason === "nameTaken") return { ok: false, errors: { name: msg("team.taken", { name: values.name }) } };
  if (!saved.ok && saved.reason === "following") throw new SpurError(ErrorCode.NotAllowed, msg("team.follow.other", { team: team.name, group: at(saved.handle), unfollow: command("spur", `team ${team.name} unfollow`) }));
  if (!saved.ok) return { ok: false, errors: { userGroup: msg("team.follow.taken", { group: at(handle ?? ""), team: saved.team }) } };
  const updated = saved.team;
  for (const p of [...added, ...removedPeople]) deps.members.invalidate(workspace.id, p.platformUserId);
  if (patch.channelId !== undefined || patch.timeZone !== undefined || patch.digestDay !== undefined || patch.digestMinuteOfDay !== undefined) await deps.onTeamChanged(updated);

  const lines: Msg[] = [];
  if (patch.name !== undefined) lines.push(msg("team.renamed", { team: team.name, name: updated.name }));
  if (patch.channelId !== undefined) lines.push(updated.channelId ? msg("admin.channel.set", { team: updated.name, channel: channel(updated.channelId) }) : msg("team.list.noChannel"));
  if (patch.timeZone !== undefined) lines.push(msg("admin.timezone.set", { team: updated.name, timeZone: updated.timeZone }));
  if (patch.digestDay !== undefined || patch.digestMinuteOfDay !== undefined) {
    lines.push(msg("admin.digest.set", { team: updated.name, day: weeklyDay(updated.digestDay), time: clockTime(updated.digestMinuteOfDay), timeZone: updated.timeZone }));
  }
  const refs = (ps: Member[]) => ps.map((p) => member(p.platformUserId, p.displayName));
  if (added.length > 0) lines.push(msg("team.lead.added", { team: updated.name, people: { list: refs(added) } }));
  if (removedPeople.length > 0) lines.push(msg("team.lead.removed", { team: updated.name, people: { list: refs(removedPeople) } }));
  if (group === null && team.userGroup) lines.push(msg("team.unfollowed", { team: updated.name, group: at(team.userGroup.handle) }));
  if (group && groupUsers) {
    const synced = await placeGroupMembers(deps, { workspace, defaultTeam: input.defaultTeam, group: { teamId: team.id, teamName: updated.name, groupId: group.id, handle: group.handle } }, groupUsers);
    lines.push(msg("team.followed", { team: updated.name, group: at(group.handle), count: synced.members, defaultTeam: input.defaultTeam.name }), ...syncLines(deps, workspace, synced));
  }
  return { ok: true, lines: lines.length > 0 ? lines : [msg("teamForm.unchanged", { team: updated.name })] };
}
