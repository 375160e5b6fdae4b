// spur level … (Teams: admin level …): the workspace's ladder of levels (Agent I, Agent II, Senior, Lead),
// who holds which, and each level's overrides of team targets, parsed from command tokens. Never throws.
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import { parseTargetsCommand } from "../kpi/kpi-admin-command.ts";
import type { MetricCode } from "../kpi/kpi-catalogue.ts";
import { command, msg, type Param } from "../../i18n/message.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { validName } from "./team-names.ts";
import { parseNamedVerb } from "./named-verbs.ts";

export type LevelCommand =
  | { kind: "list" }
  | { kind: "create"; name: string }
  | { kind: "rename"; name: string; newName: string }
  | { kind: "remove"; name: string }
  /** `level none add @member`: `name` null clears their level. */
  | { kind: "assign"; name: string | null; members: MentionRef[] }
  | { kind: "target_set"; name: string; metric: MetricCode; target: number; weight: number }
  | { kind: "target_remove"; name: string; metric: MetricCode };

/** The words after `level` that start a command of their own, so no level can be called by one of them alone. */
export const LEVEL_VERBS: readonly string[] = ["list", "create", "rename", "remove", "none", "help"];
export const MAX_LEVEL_NAME_LENGTH = 60;
/** The word that names "no level" in `level none add @member`. */
export const NO_LEVEL = "none";

export function validLevelName(name: string): boolean {
  return validName(name, LEVEL_VERBS, MAX_LEVEL_NAME_LENGTH);
}

export function isLevelCommand(tokens: CommandToken[]): boolean {
  const first = tokens[0];
  return first?.kind === "word" && (first.text.toLowerCase() === "level" || first.text.toLowerCase() === "levels");
}

const word = (t: CommandToken | undefined) => (t?.kind === "word" ? t.text.toLowerCase() : "");

function fail(key: MessageKey, params: Readonly<Record<string, Param>>): ParseResult<LevelCommand> {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg(key, params)) };
}

const usage = (args: string) => fail("level.parse.usage", { usage: command("spur", args), list: command("spur", "level list") });
const TARGET_SET = "targets set <kpi> <target> [weight <n>]";

function named(tokens: CommandToken[]): ParseResult<string> {
  const name = tokens.length > 0 && tokens.every((t) => t.kind === "word") ? tokens.map((t) => t.text).join(" ") : null;
  if (name === null || !validLevelName(name)) return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("level.parse.name", { name: name ?? "" })) };
  return { ok: true, command: name.trim() };
}

const renameUsage = () => new SpurError(ErrorCode.UnknownArgument, msg("level.parse.usage", { usage: command("spur", "level rename <level> to <new name>"), list: command("spur", "level list") }));

export function parseLevelCommand(tokens: CommandToken[]): ParseResult<LevelCommand> {
  const rest = tokens.slice(1);
  const verb = word(rest[0]);
  const common = parseNamedVerb(rest, ["create", "remove"] as const, named, renameUsage);
  if (common) return common;
  const at = rest.findIndex((t, i) => i > 0 && (word(t) === "add" || word(t) === "targets"));
  if (at < 0 || (LEVEL_VERBS.includes(verb) && verb !== NO_LEVEL)) return usage("level <level> add @member");
  if (word(rest[0]) === NO_LEVEL && at === 1) return assign(null, rest.slice(at + 1));
  const n = named(rest.slice(0, at));
  if (!n.ok) return n;
  if (word(rest[at]) === "add") return assign(n.command, rest.slice(at + 1));
  return parseLevelTarget(n.command, rest.slice(at));
}

function assign(name: string | null, tokens: CommandToken[]): ParseResult<LevelCommand> {
  const refs = tokens.map(mentionOf);
  if (refs.length === 0 || refs.some((r) => r === null)) return fail("level.parse.members", { example: command("spur", `level ${name ?? NO_LEVEL} add @member`) });
  return { ok: true, command: { kind: "assign", name, members: refs as MentionRef[] } };
}

/** `targets set <kpi> <target> [weight n]` or `targets remove <kpi>`: a level keeps each team target's period and minimum. */
function parseLevelTarget(name: string, tokens: CommandToken[]): ParseResult<LevelCommand> {
  const prefix = `level ${name} targets`;
  const sub = word(tokens[1]);
  if (sub !== "set" && sub !== "remove") return usage(`level ${name} ${TARGET_SET}`);
  if (tokens.slice(3).some((t) => ["period", "min"].includes(word(t)))) return fail("level.parse.periodFromTeam", { usage: command("spur", `level ${name} ${TARGET_SET}`) });
  const parsed = parseTargetsCommand(tokens, prefix);
  if (!parsed.ok) return parsed;
  const cmd = parsed.command;
  if (cmd.kind === "targets_set") return { ok: true, command: { kind: "target_set", name, metric: cmd.metric, target: cmd.target, weight: cmd.weight } };
  if (cmd.kind === "targets_remove") return { ok: true, command: { kind: "target_remove", name, metric: cmd.metric } };
  return usage(`level ${name} ${TARGET_SET}`);
}
