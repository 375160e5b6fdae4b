// A workspace's recognition rules: allowance, caps, cool-down, kudos emoji, company values, visibility.
import { code, emoji, msg, type Msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";

export type AllowancePeriod = "day" | "week";
export type LeaderboardVisibility = "everyone" | "leads";

export interface RecognitionSettings {
  allowancePoints: number;
  allowancePeriod: AllowancePeriod;
  maxPointsPerGift: number;
  /** Minutes between two gifts from the same giver to the same recipient; 0 = no cool-down. */
  cooldownMinutes: number;
  /** Reaction emoji name (no colons) → points it gives. */
  emojiPoints: Record<string, number>;
  companyValues: string[];
  valueRequired: boolean;
  recognitionChannelId: string | null;
  leaderboardVisibility: LeaderboardVisibility;
  notifyLead: boolean;
}

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = {
  allowancePoints: 5,
  allowancePeriod: "day",
  maxPointsPerGift: 5,
  cooldownMinutes: 0,
  emojiPoints: { star: 1 },
  companyValues: [],
  valueRequired: false,
  recognitionChannelId: null,
  leaderboardVisibility: "everyone",
  notifyLead: false,
};

export const SETTINGS_LIMITS = {
  allowancePoints: { min: 1, max: 1000 },
  maxPointsPerGift: { min: 1, max: 100 },
  cooldownMinutes: { min: 0, max: 7 * 24 * 60 },
  emojiPoints: { min: 1, max: 100 },
} as const;

const MAX_COMPANY_VALUES = 50;
const EMOJI_NAME = /^[a-z0-9_+'-]{1,60}$/;
const VALUE_NAME = /^[\p{L}\p{N}_-]{1,40}$/u;

/** A parsed setting, or why the text is not one. */
export type SettingParse<T> = { ok: true; value: T } | { ok: false; error: Msg };

/** Parses "star=1, tada=3" (or "star tada=3") into emoji → points; a specific message on bad input. */
export function parseEmojiPoints(text: string): SettingParse<Record<string, number>> {
  const result: Record<string, number> = {};
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, error: msg("recognitionSettings.parse.noEmoji", { example: code("star=1") }) };
  for (const part of parts) {
    const [rawName = "", rawPoints] = part.split("=");
    // A name may be written with the colons chat apps put around emoji.
    const name = rawName.replace(/^:|:$/g, "").toLowerCase();
    const points = rawPoints === undefined ? 1 : Number(rawPoints);
    if (!EMOJI_NAME.test(name)) return { ok: false, error: msg("recognitionSettings.parse.emojiName", { name: rawName }) };
    const { min, max } = SETTINGS_LIMITS.emojiPoints;
    if (!Number.isInteger(points) || points < min || points > max) {
      return { ok: false, error: msg("recognitionSettings.parse.emojiPoints", { emoji: emoji(name), min, max }) };
    }
    result[name] = points;
  }
  return { ok: true, value: result };
}

export function formatEmojiPoints(emoji: Record<string, number>): string {
  return Object.entries(emoji)
    .map(([name, points]) => `${name}=${points}`)
    .join(", ");
}

/** Parses "#ownership, empathy" into normalised value names; a specific message on bad input. */
export function parseCompanyValues(text: string): SettingParse<string[]> {
  const values: string[] = [];
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const name = raw.replace(/^#/, "").toLowerCase();
    if (!VALUE_NAME.test(name)) return { ok: false, error: msg("recognitionSettings.parse.valueName", { name: raw }) };
    if (!values.includes(name)) values.push(name);
  }
  if (values.length > MAX_COMPANY_VALUES) return { ok: false, error: msg("recognitionSettings.parse.tooManyValues", { max: MAX_COMPANY_VALUES }) };
  return { ok: true, value: values };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

export function closestValue(tag: string, values: string[]): string | null {
  let best: { value: string; distance: number } | null = null;
  for (const value of values) {
    const distance = editDistance(tag, value);
    if (!best || distance < best.distance) best = { value, distance };
  }
  // Only suggest what is plausibly a typo: within a third of the word, at least 2 edits allowed.
  return best && best.distance <= Math.max(2, Math.floor(best.value.length / 3)) ? best.value : null;
}

/** Checks a gift's value tags against the workspace's values; throws a specific error. */
export function checkValues(tags: string[], settings: RecognitionSettings): void {
  const known = settings.companyValues;
  if (known.length > 0) {
    for (const tag of tags) {
      if (known.includes(tag)) continue;
      const suggestion = closestValue(tag, known);
      const hint = suggestion ? msg("kudos.refused.didYouMean", { suggestion }) : msg("kudos.refused.ourValues", { values: known.map((v) => `#${v}`).join(", ") });
      throw new SpurError(ErrorCode.UnknownValue, msg("kudos.refused.unknownValue", { tag, hint }));
    }
  }
  if (settings.valueRequired && known.length > 0 && tags.length === 0) {
    throw new SpurError(ErrorCode.ValueRequired, msg("kudos.refused.valueRequired", { values: known.map((v) => `#${v}`).join(", ") }));
  }
}

export function checkPointsCap(points: number, settings: RecognitionSettings): void {
  if (!Number.isInteger(points) || points < 1 || points > settings.maxPointsPerGift) {
    throw new SpurError(ErrorCode.InvalidPoints, msg("kudos.refused.pointsCap", { max: settings.maxPointsPerGift }));
  }
}
