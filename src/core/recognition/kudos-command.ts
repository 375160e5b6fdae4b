// Parsing kudos … command tokens into a command, or a specific, friendly error. Never throws.
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { type CommandToken, type MentionRef, mentionKey, mentionOf, valueTagOf } from "../shared/command-text.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

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

/** How /kudos is used, with its commands as each surface spells them. */
export function kudosUsage(): Msg {
  return msg("kudos.usage", {
    example: command("kudos", "@ana @bo 3 saved the Acme renewal #ownership"),
    form: command("kudos"),
    balance: command("kudos", "balance"),
    history: command("kudos", "history [@person]"),
  });
}

const POINTS = /^([+-]?\d{1,6})(?:pts?|points?)?$/i;
const LIST_JOINERS = new Set(["and", "&", "+", "和", "与", "跟"]);

function fail(code: ErrorCode, message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

/** Parses kudos tokens. No tokens is not a command here: the surface opens the kudos form for it. */
export function parseKudosCommand(tokens: CommandToken[], rules: KudosRules = DEFAULT_KUDOS_RULES): ParseResult<KudosCommand> {
  const first = tokens[0]?.kind === "word" ? tokens[0].text.toLowerCase() : undefined;
  if (tokens.length === 0 || first === "help") return { ok: true, command: { kind: "help" } };
  if (first === "balance") {
    if (tokens.length > 1) return fail(ErrorCode.UnknownArgument, msg("kudos.parse.balanceArgs", { balance: command("kudos", "balance") }));
    return { ok: true, command: { kind: "balance" } };
  }
  if (first === "history") {
    const subject = mentionOf(tokens[1]);
    if (tokens.length > 2 || (tokens[1] !== undefined && !subject)) {
      return fail(ErrorCode.UnknownArgument, msg("kudos.parse.historyArgs", { history: command("kudos", "history"), historyOf: command("kudos", "history @person") }));
    }
    return { ok: true, command: { kind: "history", subject } };
  }

  const recipients: MentionRef[] = [];
  const seen = new Set<string>();
  let i = 0;
  for (; i < tokens.length; i++) {
    const mention = mentionOf(tokens[i]);
    if (mention) {
      if (!seen.has(mentionKey(mention))) recipients.push(mention);
      seen.add(mentionKey(mention));
      continue;
    }
    // "@ana and @bo": skip the joiner only when another mention follows it.
    const word = tokens[i]?.text.toLowerCase() ?? "";
    if (recipients.length > 0 && LIST_JOINERS.has(word) && mentionOf(tokens[i + 1])) continue;
    break;
  }
  if (recipients.length === 0) return fail(ErrorCode.NoRecipients, msg("kudos.parse.noRecipients", { usage: kudosUsage() }));
  if (recipients.length > rules.maxRecipients) {
    return fail(ErrorCode.TooManyRecipients, msg("kudos.parse.tooManyRecipients", { count: recipients.length, max: rules.maxRecipients }));
  }

  let points = 1;
  const pointsToken = tokens[i];
  const pointsMatch = pointsToken?.kind === "word" ? POINTS.exec(pointsToken.text) : null;
  if (pointsMatch?.[1] !== undefined) {
    points = Number(pointsMatch[1]);
    if (!Number.isInteger(points) || points < 1 || points > rules.maxPointsPerGift) {
      return fail(ErrorCode.InvalidPoints, msg("kudos.parse.invalidPoints", { max: rules.maxPointsPerGift, written: pointsMatch[1] }));
    }
    i++;
  }

  const values: string[] = [];
  const reasonWords: string[] = [];
  for (const token of tokens.slice(i)) {
    const tag = valueTagOf(token);
    if (tag) {
      if (!values.includes(tag)) values.push(tag);
    } else {
      reasonWords.push(token.text);
    }
  }
  const reason = reasonWords.join(" ").trim();
  if (reason.length === 0) {
    return fail(ErrorCode.MissingReason, msg("kudos.parse.missingReason", { example: command("kudos", "@ana saved the Acme renewal") }));
  }
  if (reason.length > rules.maxReasonLength) {
    return fail(ErrorCode.ReasonTooLong, msg("kudos.parse.reasonTooLong", { max: rules.maxReasonLength, length: reason.length }));
  }
  return { ok: true, command: { kind: "give", recipients, points, reason, values } };
}
