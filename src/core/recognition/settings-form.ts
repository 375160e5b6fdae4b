// The recognition settings form's submission, as the platform-neutral values every surface reads (strings by
// setting name; a yes/no "true" or "false"): parsed into settings, with a specific message per field that
// cannot be one. Ranges and cross-field rules are validateSettings'.
import { msg, type Msg } from "../../i18n/message.ts";
import { validateSettings } from "./recognition-admin.ts";
import { parseCompanyValues, parseEmojiPoints, type RecognitionSettings } from "./recognition-settings.ts";

export type SettingsFormErrors = Partial<Record<keyof RecognitionSettings, Msg>>;

export type SettingsFormInput = Partial<Record<string, string | null | undefined>>;

export interface SettingsFormRead {
  settings: RecognitionSettings;
  errors: SettingsFormErrors;
}

/** A whole number as typed, or NaN (which validateSettings reports with the setting's range). */
function whole(raw: string | null | undefined): number {
  const text = raw?.trim() ?? "";
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

function oneOf<T extends string>(raw: string | null | undefined, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === raw) ?? null;
}

/**
 * `channels`: the channel ids the form offered, where it listed them (null where the platform's own picker
 * chose); `noChannel` what the surface sends for "none".
 */
export function readSettingsForm(
  input: SettingsFormInput,
  current: RecognitionSettings,
  options: { channels: string[] | null; noChannel: string },
): SettingsFormRead {
  const errors: SettingsFormErrors = {};
  const rawChannel = input.recognitionChannelId?.trim() ?? "";
  let recognitionChannelId: string | null = rawChannel === "" || rawChannel === options.noChannel ? null : rawChannel;
  if (recognitionChannelId && options.channels && !options.channels.includes(recognitionChannelId) && recognitionChannelId !== current.recognitionChannelId) {
    errors.recognitionChannelId = msg("settingsForm.unknownChannel");
    recognitionChannelId = current.recognitionChannelId;
  }
  const period = oneOf(input.allowancePeriod, ["day", "week"] as const);
  if (!period) errors.allowancePeriod = msg("settingsForm.pickOne");
  const visibility = oneOf(input.leaderboardVisibility, ["everyone", "leads"] as const);
  if (!visibility) errors.leaderboardVisibility = msg("settingsForm.pickOne");
  const emoji = parseEmojiPoints(input.emojiPoints ?? "");
  if (!emoji.ok) errors.emojiPoints = emoji.error;
  const values = parseCompanyValues(input.companyValues ?? "");
  if (!values.ok) errors.companyValues = values.error;
  const settings: RecognitionSettings = {
    recognitionChannelId,
    allowancePoints: whole(input.allowancePoints),
    allowancePeriod: period ?? current.allowancePeriod,
    maxPointsPerGift: whole(input.maxPointsPerGift),
    cooldownMinutes: whole(input.cooldownMinutes),
    emojiPoints: emoji.ok ? emoji.value : current.emojiPoints,
    companyValues: values.ok ? values.value : current.companyValues,
    valueRequired: input.valueRequired === "true",
    leaderboardVisibility: visibility ?? current.leaderboardVisibility,
    notifyLead: input.notifyLead === "true",
  };
  // A field's own parse error says more than a rule about what it was replaced with.
  return { settings, errors: { ...validateSettings(settings), ...errors } };
}
