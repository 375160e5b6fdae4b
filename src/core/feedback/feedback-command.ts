// Parsing feedback command tokens. Never throws: every input gets a command or a specific error.
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import { validTeamName } from "../admin/team-names.ts";
import { code, command, msg, type Msg } from "../../i18n/message.ts";

/** A due date as typed: an ISO date or a weekday name; resolved in the subject's time zone later. */
export type DueSpec = { kind: "date"; date: string } | { kind: "weekday"; isoDay: number };

export type FeedbackCommand =
  | { kind: "help" }
  | { kind: "give"; subject: MentionRef }
  | { kind: "request"; subject: MentionRef; from: MentionRef[] | "team"; due: DueSpec | null }
  | { kind: "mine" }
  | { kind: "report"; subject: MentionRef }
  /** `team` names the team (leads: one they lead), or is null for the channel's, or the lead's only one. */
  | { kind: "team"; team: string | null }
  | { kind: "dimensions"; action: { kind: "list" } | { kind: "add"; key: string; label: string } | { kind: "remove"; key: string } }
  | { kind: "threshold"; value: number };

/** How /feedback is used, with its commands as each surface spells them. */
export function feedbackUsage(): Msg {
  return msg("feedback.usage", {
    give: command("feedback", "@agent"),
    mine: command("feedback", "mine"),
    request: command("feedback", "request @agent [from @p1 @p2 …|from team] [due 2026-12-01|due friday]"),
    report: command("feedback", "report @agent"),
    team: command("feedback", "team [<team name>]"),
    dimensions: command("feedback", "dimensions [add key Label|remove key]"),
    threshold: command("feedback", "threshold 3"),
  });
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DIMENSION_KEY = /^[a-z][a-z0-9_]{1,29}$/;
const LIST_JOINER = /^(?:[,;&+]+|and|和|与|跟)$/i;

function fail(code: ErrorCode, message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

function wordAt(tokens: CommandToken[], i: number): string {
  const t = tokens[i];
  return t?.kind === "word" ? t.text.toLowerCase() : "";
}

export function parseDue(token: string): DueSpec | null {
  const t = token.toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { kind: "date", date: t };
  const day = DAYS.findIndex((d) => t.length >= 3 && d.startsWith(t));
  return day >= 0 ? { kind: "weekday", isoDay: day + 1 } : null;
}

function requestUsage(): Msg {
  return msg("feedback.parse.requestUsage", { command: command("feedback", "request @agent [from @p1 @p2 …|from team] [due 2026-12-01|due friday]") });
}

function parseRequest(args: CommandToken[]): ParseResult<FeedbackCommand> {
  const subject = mentionOf(args[0]);
  if (!subject) return fail(ErrorCode.UnknownArgument, msg("feedback.parse.noSubject", { usage: requestUsage() }));
  let from: MentionRef[] | "team" = "team";
  let due: DueSpec | null = null;
  let i = 1;
  while (i < args.length) {
    const word = wordAt(args, i);
    if (word === "from") {
      i++;
      if (wordAt(args, i) === "team") {
        from = "team";
        i++;
        continue;
      }
      const peers: MentionRef[] = [];
      for (; i < args.length; i++) {
        const ref = mentionOf(args[i]);
        if (ref) {
          peers.push(ref);
          continue;
        }
        // "@bo, @dee and @eve": list punctuation and joiners between mentions.
        if (peers.length > 0 && LIST_JOINER.test(args[i]?.text ?? "") && mentionOf(args[i + 1])) continue;
        break;
      }
      if (peers.length === 0) {
        return fail(ErrorCode.NoPeers, msg("feedback.parse.noPeers", { from: code("from"), fromTeam: code("from team"), usage: requestUsage() }));
      }
      from = peers;
    } else if (word === "due") {
      const written = args[i + 1]?.text ?? "";
      const spec = parseDue(written);
      if (!spec) return fail(ErrorCode.InvalidDueDate, msg("feedback.parse.badDue", { written }));
      due = spec;
      i += 2;
    } else {
      return fail(ErrorCode.UnknownArgument, msg("feedback.parse.unknownWord", { written: args[i]?.text ?? "", usage: requestUsage() }));
    }
  }
  return { ok: true, command: { kind: "request", subject, from, due } };
}

function parseDimensions(args: CommandToken[]): ParseResult<FeedbackCommand> {
  const usage = msg("feedback.parse.dimensionsUsage", {
    list: command("feedback", "dimensions"),
    add: command("feedback", "dimensions add empathy Empathy"),
    remove: command("feedback", "dimensions remove empathy"),
  });
  if (args.length === 0) return { ok: true, command: { kind: "dimensions", action: { kind: "list" } } };
  const action = wordAt(args, 0);
  const key = (args[1]?.text ?? "").toLowerCase();
  const rest = args.slice(2);
  if (!DIMENSION_KEY.test(key)) return fail(ErrorCode.InvalidDimension, msg("feedback.parse.dimensionKey", { example: code("empathy"), usage }));
  if (action === "add") {
    const label = rest.map((t) => t.text).join(" ").trim() || key[0]?.toUpperCase() + key.slice(1);
    if (label.length > 40) return fail(ErrorCode.InvalidDimension, msg("feedback.parse.labelTooLong"));
    return { ok: true, command: { kind: "dimensions", action: { kind: "add", key, label } } };
  }
  if (action === "remove" && rest.length === 0) return { ok: true, command: { kind: "dimensions", action: { kind: "remove", key } } };
  return fail(ErrorCode.UnknownArgument, usage);
}

/** Parses the tokens after the feedback command word; none asks for help. */
export function parseFeedbackCommand(tokens: CommandToken[]): ParseResult<FeedbackCommand> {
  const [first, ...args] = tokens;
  const verb = first?.kind === "word" ? first.text.toLowerCase() : undefined;
  if (first === undefined || verb === "help") return { ok: true, command: { kind: "help" } };
  switch (verb) {
    case "request":
      return parseRequest(args);
    case "mine":
      if (args.length > 0) return fail(ErrorCode.UnknownArgument, msg("feedback.parse.noArgs", { command: command("feedback", verb) }));
      return { ok: true, command: { kind: verb } };
    case "team": {
      if (args.length === 0) return { ok: true, command: { kind: "team", team: null } };
      const name = args.every((t) => t.kind === "word") ? args.map((t) => t.text).join(" ") : "";
      if (!validTeamName(name)) return fail(ErrorCode.UnknownArgument, msg("team.parse.name", { name }));
      return { ok: true, command: { kind: "team", team: name } };
    }
    case "report": {
      const subject = args.length === 1 ? mentionOf(args[0]) : null;
      if (!subject) return fail(ErrorCode.UnknownArgument, msg("feedback.parse.reportUsage", { command: command("feedback", "report @agent") }));
      return { ok: true, command: { kind: "report", subject } };
    }
    case "dimensions":
      return parseDimensions(args);
    case "threshold": {
      const value = Number(args[0]?.text);
      if (args.length !== 1 || !Number.isInteger(value) || value < 3 || value > 50) {
        return fail(ErrorCode.InvalidThreshold, msg("feedback.parse.threshold", { command: command("feedback", "threshold 3") }));
      }
      return { ok: true, command: { kind: "threshold", value } };
    }
    default: {
      const subject = mentionOf(first);
      if (subject && args.length === 0) return { ok: true, command: { kind: "give", subject } };
      if (subject) return fail(ErrorCode.UnknownArgument, msg("feedback.parse.onePerson", { command: command("feedback", "@agent") }));
      return fail(ErrorCode.UnknownArgument, msg("feedback.parse.unknown", { command: command("feedback", first.text), help: command("feedback", "help") }));
    }
  }
}
