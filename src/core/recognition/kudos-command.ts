// Parsing `/kudos …` text into a command, or a specific, friendly error. Never throws.
import { ErrorCode, SpurError } from "../shared/errors.ts";
import {
  type MentionRef,
  mentionKey,
  parseMention,
  parseValueTag,
  tokenize,
  unescapeEntities,
} from "../shared/command-text.ts";

export interface KudosRules {
  maxPointsPerGift: number;
  maxRecipients: number;
  maxReasonLength: number;
}

export const DEFAULT_KUDOS_RULES: KudosRules = {
  maxPointsPerGift: 5,
  maxRecipients: 10,
  maxReasonLength: 500,
};

export interface GiveKudosText {
  kind: "give";
  recipients: MentionRef[];
  points: number;
  reason: string;
  values: string[];
}

export type KudosCommand =
  | GiveKudosText
  | { kind: "help" }
  | { kind: "balance" }
  | { kind: "history"; subject: MentionRef | null };

export type ParseResult<T> = { ok: true; command: T } | { ok: false; error: SpurError };

export const KUDOS_USAGE =
  "Give kudos like this: `/kudos @ana @bo 3 saved the Acme renewal #ownership` — one or more people, " +
  "optional points (default 1), then what they did. Add company values with #tags. " +
  "`/kudos` alone opens a form; `/kudos balance` shows what you can still give; `/kudos history [@person]` lists recent kudos.";

const POINTS = /^([+-]?\d{1,6})(?:pts?|points?)?$/i;
const LIST_JOINERS = new Set(["and", "&", "&amp;", "+"]);

function fail(code: ErrorCode, message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

/** Parses `/kudos` text. Empty text is not a command here: the Slack adapter opens the kudos form for it. */
export function parseKudosText(rawText: string, rules: KudosRules = DEFAULT_KUDOS_RULES): ParseResult<KudosCommand> {
  const tokens = tokenize(rawText);
  const first = tokens[0]?.toLowerCase();
  if (first === undefined) return { ok: true, command: { kind: "help" } };
  if (first === "help") return { ok: true, command: { kind: "help" } };
  if (first === "balance") {
    if (tokens.length > 1) return fail(ErrorCode.UnknownArgument, "`/kudos balance` takes no arguments.");
    return { ok: true, command: { kind: "balance" } };
  }
  if (first === "history") {
    const subject = tokens[1] ? parseMention(tokens[1]) : null;
    if (tokens.length > 2 || (tokens[1] !== undefined && !subject)) {
      return fail(ErrorCode.UnknownArgument, "Use `/kudos history` for yours, or `/kudos history @person`.");
    }
    return { ok: true, command: { kind: "history", subject } };
  }

  const recipients: MentionRef[] = [];
  const seen = new Set<string>();
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const mention = parseMention(token);
    if (mention) {
      if (!seen.has(mentionKey(mention))) recipients.push(mention);
      seen.add(mentionKey(mention));
      continue;
    }
    // "@ana and @bo": skip the joiner only when another mention follows it.
    const next = tokens[i + 1];
    if (recipients.length > 0 && LIST_JOINERS.has(token.toLowerCase()) && next && parseMention(next)) continue;
    break;
  }
  if (recipients.length === 0) {
    return fail(
      ErrorCode.NoRecipients,
      `Who should get the kudos? Start with one or more @mentions. ${KUDOS_USAGE}`,
    );
  }
  if (recipients.length > rules.maxRecipients) {
    return fail(
      ErrorCode.TooManyRecipients,
      `That's ${recipients.length} people — kudos can go to at most ${rules.maxRecipients} at once. ` +
        "For a whole team, try a shoutout in the channel.",
    );
  }

  let points = 1;
  const pointsMatch = POINTS.exec(tokens[i] ?? "");
  if (pointsMatch?.[1] !== undefined) {
    points = Number(pointsMatch[1]);
    if (!Number.isInteger(points) || points < 1 || points > rules.maxPointsPerGift) {
      return fail(
        ErrorCode.InvalidPoints,
        `Points must be a whole number from 1 to ${rules.maxPointsPerGift} (you wrote ${pointsMatch[1]}).`,
      );
    }
    i++;
  }

  const values: string[] = [];
  const reasonTokens: string[] = [];
  for (const token of tokens.slice(i)) {
    const tag = parseValueTag(token);
    if (tag) {
      if (!values.includes(tag)) values.push(tag);
    } else {
      reasonTokens.push(token);
    }
  }
  const reason = unescapeEntities(reasonTokens.join(" ")).trim();
  if (reason.length === 0) {
    return fail(
      ErrorCode.MissingReason,
      "Say what they did — kudos need a reason, e.g. `/kudos @ana saved the Acme renewal`.",
    );
  }
  if (reason.length > rules.maxReasonLength) {
    return fail(
      ErrorCode.ReasonTooLong,
      `Please keep the reason under ${rules.maxReasonLength} characters (yours has ${reason.length}).`,
    );
  }
  return { ok: true, command: { kind: "give", recipients, points, reason, values } };
}
