// The recognition settings form, the same on every surface, opened by `spur settings` alone (admins only):
// the recognition channel, allowance and its period, the cap per gift, the cool-down, the kudos emoji, the
// company values and whether one is required, who sees the leaderboard, and whether leads hear of kudos.
// Each field's id is the name of the setting it edits.
import { z } from "zod";
import { assertAdmin } from "../../core/admin/admin-command.ts";
import type { RecognitionSettingsRepository } from "../../core/recognition/recognition-ports.ts";
import { formatEmojiPoints, type RecognitionSettings } from "../../core/recognition/recognition-settings.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Field, Form } from "../form.ts";
import type { Interaction, Reply, Request } from "../interaction.ts";
import type { ChannelPicker, PickableChannel } from "./channel-picker.ts";

/** The form's submission (Slack callback, Teams Action.Execute verb). */
export const SETTINGS_FORM_ID = "recognition.settings";

/** What the form carries from where it was opened to its submission. */
export const SettingsFormState = z.object({
  v: z.literal(1).default(1),
  /** Where it was opened (the confirmation goes there). */
  channelId: z.string().max(200).nullable().default(null),
});
export type SettingsFormState = z.infer<typeof SettingsFormState>;

/** The state as the form carried it back; a form opened before it had one is one opened in no channel. */
export function readSettingsFormState(raw: string): SettingsFormState | null {
  try {
    const parsed = SettingsFormState.safeParse(raw.trim() === "" ? {} : JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A submission's values by field id, as the surface read them (strings; a checkbox "true" or "false"). */
export const SettingsFormValues = z.record(z.string().max(100), z.string().max(3000).nullable().optional());
export type SettingsFormValues = z.infer<typeof SettingsFormValues>;

export interface SettingsFormDeps {
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
  channels: ChannelPicker;
}

type FormRequest = Pick<Request<unknown>, "workspace">;

/** The settings as the form shows them, by field id. */
export function settingsValues(s: RecognitionSettings): Record<keyof RecognitionSettings, string> {
  return {
    recognitionChannelId: s.recognitionChannelId ?? "",
    allowancePoints: String(s.allowancePoints),
    allowancePeriod: s.allowancePeriod,
    maxPointsPerGift: String(s.maxPointsPerGift),
    cooldownMinutes: String(s.cooldownMinutes),
    emojiPoints: formatEmojiPoints(s.emojiPoints),
    companyValues: s.companyValues.join(", "),
    valueRequired: String(s.valueRequired),
    leaderboardVisibility: s.leaderboardVisibility,
    notifyLead: String(s.notifyLead),
  };
}

/** The channels to list where the platform has no picker, the one set now among them even if Spur has left it. */
function channelChoices(listed: PickableChannel[] | null, current: string | null): { id: string; name: Msg | string }[] | undefined {
  if (listed === null) return undefined;
  const all = current && !listed.some((c) => c.id === current) ? [...listed, { id: current, name: null }] : listed;
  return all.map((c, i) => ({ id: c.id, name: c.name ?? msg("settingsForm.channelUnnamed", { id: String(i + 1) }) }));
}

/** A number field's value: what was typed, a number where it reads as one. */
function numberOf(raw: string | null | undefined): number | undefined {
  const n = raw === undefined || raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

export interface SettingsFormContent {
  state: SettingsFormState;
  /** What a refused submission said, shown again; the saved settings otherwise. */
  values?: SettingsFormValues;
  errors?: Partial<Record<string, Msg>>;
}

export async function settingsFormOf(deps: SettingsFormDeps, req: FormRequest, content: SettingsFormContent): Promise<Form> {
  const [current, listed] = await Promise.all([deps.recognitionSettings.get(req.workspace.id), deps.channels.listed(req.workspace)]);
  const saved = settingsValues(current);
  const value = (id: keyof RecognitionSettings): string => (content.values ? (content.values[id] ?? "") : saved[id]);
  const number = (id: "allowancePoints" | "maxPointsPerGift" | "cooldownMinutes", label: Msg): Field => {
    const initial = numberOf(value(id));
    return { kind: "number", id, label, ...(initial !== undefined ? { initial } : {}) };
  };
  /** A choice whose initial value is the current one when it is among `choices`, else the first choice. */
  const select = (id: "allowancePeriod" | "leaderboardVisibility", label: Msg, choices: { value: string; label: Msg }[]): Field => {
    const current = value(id);
    return { kind: "select", id, label, choices, initial: choices.some((c) => c.value === current) ? current : (choices[0]?.value ?? "") };
  };
  const channelId = value("recognitionChannelId") || null;
  const choices = channelChoices(listed, channelId);
  const fields: Field[] = [
    {
      kind: "channel",
      id: "recognitionChannelId",
      label: msg("settingsForm.channel"),
      initial: channelId,
      optional: true,
      none: msg("settingsForm.channelNone"),
      ...(choices ? { choices } : {}),
    },
    number("allowancePoints", msg("settingsForm.allowancePoints")),
    select("allowancePeriod", msg("settingsForm.allowancePeriod"), [
      { value: "day", label: msg("settingsForm.perDay") },
      { value: "week", label: msg("settingsForm.perWeek") },
    ]),
    number("maxPointsPerGift", msg("settingsForm.maxPointsPerGift")),
    number("cooldownMinutes", msg("settingsForm.cooldownMinutes")),
    { kind: "text", id: "emojiPoints", label: msg("settingsForm.emojiPoints"), hint: msg("settingsForm.emojiHint"), initial: value("emojiPoints"), maxLength: 1000 },
    { kind: "text", id: "companyValues", label: msg("settingsForm.companyValues"), hint: msg("settingsForm.valuesHint"), initial: value("companyValues"), maxLength: 3000, optional: true },
    { kind: "checkbox", id: "valueRequired", label: msg("settingsForm.valueRequired"), text: msg("settingsForm.valueRequiredText"), initial: value("valueRequired") === "true" },
    select("leaderboardVisibility", msg("settingsForm.leaderboardVisibility"), [
      { value: "everyone", label: msg("settingsForm.everyone") },
      { value: "leads", label: msg("settingsForm.leads") },
    ]),
    { kind: "checkbox", id: "notifyLead", label: msg("settingsForm.notifyLead"), text: msg("settingsForm.notifyLeadText"), initial: value("notifyLead") === "true" },
  ];
  const errors = Object.fromEntries(Object.entries(content.errors ?? {}).filter(([, m]) => m !== undefined));
  return {
    id: SETTINGS_FORM_ID,
    title: msg("recognitionSettings.title"),
    submit: msg("settingsForm.save"),
    state: JSON.stringify(content.state),
    fields,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

/** `spur settings` alone: the form with the workspace's settings, for admins only. */
export const openSettingsForm: Interaction<SettingsFormDeps, object> = {
  name: "recognition.settings.form",
  async run(deps, req): Promise<Reply[]> {
    assertAdmin(req.actor.role);
    return [{ kind: "form", form: await settingsFormOf(deps, req, { state: { v: 1, channelId: req.place.channelId } }) }];
  },
};
