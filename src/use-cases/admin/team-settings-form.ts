// The team settings form, the same on every surface, opened by `spur team <name> settings` (admins only): the
// team's name, channel, time zone, digest day and time, leads, and — where the platform has user groups
// (Slack) — the group whose members are the team's. Field ids are core/admin/team-settings-form.ts's.
import { z } from "zod";
import { assertAdmin, weeklyDay } from "../../core/admin/admin-command.ts";
import { activeTeam } from "../../core/admin/team-admin.ts";
import { TEAM_FORM_FIELDS as F, type TeamFormField } from "../../core/admin/team-settings-form.ts";
import type { TeamAdminRepository, TeamRecord } from "../../core/admin/team-ports.ts";
import type { UserGroupDirectory } from "../../core/admin/user-group-ports.ts";
import { clockTime } from "../../core/shared/wording.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { type Field, type Form, NO_CHANNEL } from "../form.ts";
import type { Interaction, Reply, Request } from "../interaction.ts";
import type { ChannelPicker } from "../recognition/channel-picker.ts";
import type { PeoplePicker } from "../recognition/people-picker.ts";

/** The form's submission (Slack callback, Teams Action.Execute verb). */
export const TEAM_SETTINGS_FORM_ID = "team.settings";

/** The most leads the form takes. */
const MAX_LEADS = 20;

export const TeamSettingsFormState = z.object({
  v: z.literal(1).default(1),
  teamId: z.string().uuid(),
  /** Where it was opened (the confirmation goes there). */
  channelId: z.string().max(200).nullable().default(null),
  /** Whether the form had the user group field (a form without it leaves the followed group as it is). */
  userGroup: z.boolean().default(false),
});
export type TeamSettingsFormState = z.infer<typeof TeamSettingsFormState>;

export function readTeamSettingsFormState(raw: string): TeamSettingsFormState | null {
  try {
    const parsed = TeamSettingsFormState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A submission's values by field id (leads as comma-separated user ids; null or absent when left empty). */
export const TeamSettingsFormValues = z.record(z.string().max(100), z.string().max(5000).nullable().optional());
export type TeamSettingsFormValues = z.infer<typeof TeamSettingsFormValues>;

export interface TeamSettingsFormDeps {
  teamAdmin: Pick<TeamAdminRepository, "byName" | "summaries">;
  channels: ChannelPicker;
  people: PeoplePicker;
  userGroups: Pick<UserGroupDirectory, "supports" | "list">;
}

export interface TeamSettingsFormContent {
  state: TeamSettingsFormState;
  /** What a refused submission said, shown again; the saved settings otherwise. */
  values?: TeamSettingsFormValues;
  errors?: Partial<Record<TeamFormField, Msg>>;
}

async function savedValues(deps: TeamSettingsFormDeps, team: TeamRecord): Promise<Record<TeamFormField, string>> {
  const leads = (await deps.teamAdmin.summaries(team.workspaceId)).find((s) => s.team.id === team.id)?.leads ?? [];
  return {
    name: team.name,
    channelId: team.channelId ?? "",
    timeZone: team.timeZone,
    digestDay: String(team.digestDay),
    digestTime: clockTime(team.digestMinuteOfDay),
    leads: leads.map((l) => l.platformUserId).join(","),
    userGroup: team.userGroup?.id ?? "",
  };
}

export async function teamSettingsFormOf(deps: TeamSettingsFormDeps, req: Pick<Request<unknown>, "workspace">, team: TeamRecord, content: TeamSettingsFormContent): Promise<Form> {
  const saved = await savedValues(deps, team);
  const value = (id: TeamFormField): string => (content.values ? (content.values[id] ?? "") : saved[id]);
  const [channels, people] = await Promise.all([deps.channels.listed(req.workspace), deps.people.listed(req.workspace)]);
  const channelId = value(F.channel) === NO_CHANNEL ? null : value(F.channel) || null;
  const leads = value(F.leads).split(",").filter((id) => id !== "");
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weeklyDay(d) }));
  const fields: Field[] = [
    { kind: "text", id: F.name, label: msg("teamForm.name"), initial: value(F.name), maxLength: 80 },
    {
      kind: "channel",
      id: F.channel,
      label: msg("teamForm.channel"),
      initial: channelId,
      optional: true,
      none: msg("teamForm.channelNone"),
      ...(channels ? { choices: channels.map((c) => ({ id: c.id, name: c.name ?? c.id })) } : {}),
    },
    { kind: "text", id: F.timeZone, label: msg("teamForm.timeZone"), hint: msg("teamForm.timeZoneHint"), initial: value(F.timeZone), maxLength: 100 },
    { kind: "select", id: F.digestDay, label: msg("teamForm.digestDay"), choices: days, initial: days.some((d) => d.value === value(F.digestDay)) ? value(F.digestDay) : "1" },
    { kind: "text", id: F.digestTime, label: msg("teamForm.digestTime"), hint: msg("teamForm.digestTimeHint"), initial: value(F.digestTime), maxLength: 5 },
    { kind: "members", id: F.leads, label: msg("teamForm.leads"), initial: leads, max: MAX_LEADS, ...(people ? { choices: people.map((p) => ({ id: p.platformUserId, name: p.displayName })) } : {}) },
  ];
  if (content.state.userGroup) {
    const groups = await deps.userGroups.list(req.workspace);
    const choices = [{ value: NO_CHANNEL, label: msg("teamForm.userGroupNone") }, ...groups.map((g) => ({ value: g.id, label: msg("teamForm.userGroupChoice", { handle: g.handle, name: g.name }) }))];
    const current = value(F.userGroup);
    fields.push({ kind: "select", id: F.userGroup, label: msg("teamForm.userGroup"), choices, initial: choices.some((c) => c.value === current) ? current : NO_CHANNEL, optional: true });
  }
  const errors = Object.fromEntries(Object.entries(content.errors ?? {}).filter(([, m]) => m !== undefined));
  return {
    id: TEAM_SETTINGS_FORM_ID,
    title: msg("teamForm.title", { team: team.name }),
    shortTitle: msg("teamForm.shortTitle"),
    submit: msg("teamForm.save"),
    state: JSON.stringify(content.state),
    fields,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

/** `spur team <name> settings`: the form with the team's settings, for admins only. */
export const openTeamSettingsForm: Interaction<TeamSettingsFormDeps, { name: string }> = {
  name: "team.settings.form",
  async run(deps, req): Promise<Reply[]> {
    assertAdmin(req.actor.role);
    const team = await activeTeam(deps, req.workspace, req.args.name);
    const state: TeamSettingsFormState = { v: 1, teamId: team.id, channelId: req.place.channelId, userGroup: deps.userGroups.supports(req.workspace) };
    return [{ kind: "form", form: await teamSettingsFormOf(deps, req, team, { state }) }];
  },
};
