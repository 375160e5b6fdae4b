// The team settings form's submission (Slack modal, Teams card), as the platform-neutral values every surface
// reads (strings by field id; leads as comma-separated platform user ids): parsed with the same rules as the
// `team <name> …` commands, with a specific message per field that breaks one.
import { msg, type Msg } from "../../i18n/message.ts";
import { isTeamTimeZone, parseClockTime } from "./admin-command.ts";
import { validTeamName } from "./team-names.ts";

export const TEAM_FORM_FIELDS = {
  name: "name",
  channel: "channelId",
  timeZone: "timeZone",
  digestDay: "digestDay",
  digestTime: "digestTime",
  leads: "leads",
  userGroup: "userGroup",
} as const;

export type TeamFormField = (typeof TEAM_FORM_FIELDS)[keyof typeof TEAM_FORM_FIELDS];

export type TeamFormInput = Partial<Record<string, string | null | undefined>>;

export interface TeamFormValues {
  name: string;
  channelId: string | null;
  timeZone: string;
  digestDay: number;
  digestMinuteOfDay: number;
  /** Platform user ids, each once. */
  leads: string[];
  /** The group to follow, null for none; undefined when the form had no such field (the platform has none). */
  userGroupId: string | null | undefined;
}

export type TeamFormRead = { ok: true; values: TeamFormValues } | { ok: false; errors: Partial<Record<TeamFormField, Msg>> };

/** `none`: what the surface submits for an empty choice (Teams lists "none" as a choice). */
export function readTeamForm(input: TeamFormInput, options: { none: string; hasUserGroupField: boolean }): TeamFormRead {
  const errors: Partial<Record<TeamFormField, Msg>> = {};
  const text = (field: TeamFormField) => input[field]?.trim() ?? "";
  const choice = (field: TeamFormField) => (text(field) === "" || text(field) === options.none ? null : text(field));
  const name = text("name").replace(/\s+/gu, " ");
  if (!validTeamName(name)) errors.name = msg("teamForm.error.name");
  const timeZone = text("timeZone");
  if (!isTeamTimeZone(timeZone)) errors.timeZone = msg("teamForm.error.timeZone", { timeZone });
  const day = Number(text("digestDay"));
  if (!Number.isInteger(day) || day < 1 || day > 7) errors.digestDay = msg("settingsForm.pickOne");
  const minuteOfDay = parseClockTime(text("digestTime"));
  if (minuteOfDay === null) errors.digestTime = msg("teamForm.error.time");
  const leads = [...new Set(text("leads").split(/[\s,]+/u).filter((id) => id !== ""))];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      name,
      channelId: choice("channelId"),
      timeZone,
      digestDay: day,
      digestMinuteOfDay: minuteOfDay ?? 0,
      leads,
      userGroupId: options.hasUserGroupField ? choice("userGroup") : undefined,
    },
  };
}
