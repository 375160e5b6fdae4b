// Parsing `/feedback …` text. Never throws: every input gets a command or a specific error.
import { type MentionRef, parseMention, tokenize, unescapeEntities } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";

/** A due date as typed: an ISO date or a weekday name; resolved in the subject's time zone later. */
export type DueSpec = { kind: "date"; date: string } | { kind: "weekday"; isoDay: number };

export type FeedbackCommand =
  | { kind: "help" }
  | { kind: "give"; subject: MentionRef }
  | { kind: "request"; subject: MentionRef; from: MentionRef[] | "team"; due: DueSpec | null }
  | { kind: "mine" }
  | { kind: "report"; subject: MentionRef }
  | { kind: "team" }
  | { kind: "dimensions"; action: { kind: "list" } | { kind: "add"; key: string; label: string } | { kind: "remove"; key: string } }
  | { kind: "threshold"; value: number };

export const FEEDBACK_USAGE = [
  "*Peer feedback*",
  "• `/feedback @agent` — rate a teammate (1–5 per dimension) and leave comments, named or anonymous",
  "• `/feedback mine` — your own feedback this month (anonymous answers appear only as totals, once enough people answered)",
  "• `/feedback request @agent [from @p1 @p2 …|from team] [due 2026-12-01|due friday]` — leads: ask peers for feedback",
  "• `/feedback report @agent` and `/feedback team` — leads: your team's feedback",
  "• `/feedback dimensions [add key Label|remove key]` and `/feedback threshold 3` — admins",
].join("\n");

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DIMENSION_KEY = /^[a-z][a-z0-9_]{1,29}$/;
const LIST_JOINER = /^(?:[,;&+]+|and|&amp;)$/i;

function fail(code: ErrorCode, message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

function oneMention(args: string[], usage: string): MentionRef | { error: SpurError } {
  const ref = args.length === 1 && args[0] ? parseMention(args[0]) : null;
  return ref ?? { error: new SpurError(ErrorCode.UnknownArgument, usage) };
}

export function parseDue(token: string): DueSpec | null {
  const t = token.toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { kind: "date", date: t };
  const day = DAYS.findIndex((d) => t.length >= 3 && d.startsWith(t));
  return day >= 0 ? { kind: "weekday", isoDay: day + 1 } : null;
}

function parseRequest(args: string[]): ParseResult<FeedbackCommand> {
  const usage = "Usage: `/feedback request @agent [from @p1 @p2 …|from team] [due 2026-12-01|due friday]`.";
  const subject = args[0] ? parseMention(args[0]) : null;
  if (!subject) return fail(ErrorCode.UnknownArgument, `Who is the feedback about? ${usage}`);
  let from: MentionRef[] | "team" = "team";
  let due: DueSpec | null = null;
  let i = 1;
  while (i < args.length) {
    const word = (args[i] ?? "").toLowerCase();
    if (word === "from") {
      i++;
      if ((args[i] ?? "").toLowerCase() === "team") {
        from = "team";
        i++;
        continue;
      }
      const peers: MentionRef[] = [];
      for (; i < args.length; i++) {
        const ref = parseMention(args[i] ?? "");
        if (ref) {
          peers.push(ref);
          continue;
        }
        // "@bo, @dee and @eve": list punctuation and joiners between mentions.
        if (peers.length > 0 && LIST_JOINER.test(args[i] ?? "") && parseMention(args[i + 1] ?? "")) continue;
        break;
      }
      if (peers.length === 0) return fail(ErrorCode.NoPeers, `Whom should I ask? Name peers after \`from\`, or say \`from team\`. ${usage}`);
      from = peers;
    } else if (word === "due") {
      const spec = parseDue(args[i + 1] ?? "");
      if (!spec) return fail(ErrorCode.InvalidDueDate, `I didn't understand the due date "${args[i + 1] ?? ""}". Use a date like 2026-12-01 or a weekday.`);
      due = spec;
      i += 2;
    } else {
      return fail(ErrorCode.UnknownArgument, `I didn't understand "${args[i]}". ${usage}`);
    }
  }
  return { ok: true, command: { kind: "request", subject, from, due } };
}

function parseDimensions(args: string[]): ParseResult<FeedbackCommand> {
  const usage = "Usage: `/feedback dimensions`, `/feedback dimensions add empathy Empathy` or `/feedback dimensions remove empathy`.";
  const [action, key, ...rest] = args;
  if (action === undefined) return { ok: true, command: { kind: "dimensions", action: { kind: "list" } } };
  const k = (key ?? "").toLowerCase();
  if (!DIMENSION_KEY.test(k)) {
    return fail(ErrorCode.InvalidDimension, `A dimension key is 2–30 lowercase letters, digits or _ (e.g. \`empathy\`). ${usage}`);
  }
  if (action.toLowerCase() === "add") {
    const label = unescapeEntities(rest.join(" ")).trim() || k[0]?.toUpperCase() + k.slice(1);
    if (label.length > 40) return fail(ErrorCode.InvalidDimension, "Please keep a dimension's label under 40 characters.");
    return { ok: true, command: { kind: "dimensions", action: { kind: "add", key: k, label } } };
  }
  if (action.toLowerCase() === "remove" && rest.length === 0) {
    return { ok: true, command: { kind: "dimensions", action: { kind: "remove", key: k } } };
  }
  return fail(ErrorCode.UnknownArgument, usage);
}

export function parseFeedbackText(text: string): ParseResult<FeedbackCommand> {
  const tokens = tokenize(text);
  const [first, ...args] = tokens;
  const verb = first?.toLowerCase();
  switch (verb) {
    case undefined:
    case "help":
      return { ok: true, command: { kind: "help" } };
    case "request":
      return parseRequest(args);
    case "mine":
      return args.length === 0 ? { ok: true, command: { kind: "mine" } } : fail(ErrorCode.UnknownArgument, "`/feedback mine` takes no arguments.");
    case "team":
      return args.length === 0 ? { ok: true, command: { kind: "team" } } : fail(ErrorCode.UnknownArgument, "`/feedback team` takes no arguments.");
    case "report": {
      const subject = oneMention(args, "Usage: `/feedback report @agent`.");
      return "error" in subject ? { ok: false, error: subject.error } : { ok: true, command: { kind: "report", subject } };
    }
    case "dimensions":
      return parseDimensions(args);
    case "threshold": {
      const value = Number(args[0]);
      if (args.length !== 1 || !Number.isInteger(value) || value < 3 || value > 50) {
        return fail(ErrorCode.InvalidThreshold, "The anonymity threshold is a whole number from 3 to 50: `/feedback threshold 3`.");
      }
      return { ok: true, command: { kind: "threshold", value } };
    }
    default: {
      const subject = parseMention(first ?? "");
      if (subject && args.length === 0) return { ok: true, command: { kind: "give", subject } };
      if (subject) return fail(ErrorCode.UnknownArgument, "One person at a time: `/feedback @agent` opens the feedback form.");
      return fail(ErrorCode.UnknownArgument, `I don't know \`/feedback ${first}\`.\n${FEEDBACK_USAGE}`);
    }
  }
}
