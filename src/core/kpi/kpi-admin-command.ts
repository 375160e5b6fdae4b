// spur targets …, spur api-token(s) …, spur helpdesk …: KPI administration, parsed from command tokens.
// Never throws.
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import { code, command, list, msg, type Msg } from "../../i18n/message.ts";
import { isMetricCode, METRIC_CODES, metric, type MetricCode } from "./kpi-catalogue.ts";
import { metricLabel } from "./kpi-messages.ts";
import { isPeriodKind, type PeriodKind } from "../shared/review-period.ts";

export const HELPDESK_PROVIDERS = ["zendesk", "intercom", "freshdesk"] as const;
export type HelpdeskProviderName = (typeof HELPDESK_PROVIDERS)[number];

export type TargetsCommand =
  | { kind: "targets_list" }
  | { kind: "targets_set"; metric: MetricCode; target: number; weight: number; period: PeriodKind; minVolume: number | null }
  | { kind: "targets_remove"; metric: MetricCode }
  | { kind: "targets_edit" };

export type ApiTokenCommand = { kind: "api_token"; name: string } | { kind: "api_token_list" } | { kind: "api_token_revoke"; prefix: string };

export type HelpdeskCommand =
  | { kind: "helpdesk_secret"; provider: HelpdeskProviderName; secret: string }
  | { kind: "helpdesk_remove"; provider: HelpdeskProviderName }
  | { kind: "helpdesk_agent"; provider: HelpdeskProviderName; externalId: string; member: MentionRef }
  | { kind: "customer_shoutouts"; on: boolean };

const verbOf = (tokens: CommandToken[]): string => (tokens[0]?.kind === "word" ? tokens[0].text.toLowerCase() : "");

/** The text of a word token as typed; "" for anything else. */
const wordOf = (token: CommandToken | undefined): string => (token?.kind === "word" ? token.text : "");

/** spur targets edit: opens the targets form. */
export function isTargetsFormCommand(tokens: CommandToken[]): boolean {
  return tokens.length === 2 && verbOf(tokens) === "targets" && wordOf(tokens[1]).toLowerCase() === "edit";
}

export function isTargetsCommand(tokens: CommandToken[]): boolean {
  return verbOf(tokens) === "targets";
}

export function isApiTokenCommand(tokens: CommandToken[]): boolean {
  const verb = verbOf(tokens);
  return verb === "api-token" || verb === "api-tokens";
}

export function isHelpdeskCommand(tokens: CommandToken[]): boolean {
  return verbOf(tokens) === "helpdesk";
}

function fail(message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

const usage = (args: string) => fail(msg("admin.usage", { usage: command("spur", args) }));
const TARGETS_SET = "set <kpi> <target> [weight <n>] [period week|month|quarter] [min <events>]";

/**
 * `targets …` after `prefix` ("targets" for the actor's own team, "team Tier 1 targets" for a named one);
 * `tokens` start with the word "targets". Usage messages name the command as typed.
 */
export function parseTargetsCommand(tokens: CommandToken[], prefix = "targets"): ParseResult<TargetsCommand> {
  const [sub, kpi, ...rest] = tokens.slice(1).map((t, i) => (i < 2 ? wordOf(t).toLowerCase() : wordOf(t)));
  if (sub === undefined || (sub === "list" && kpi === undefined)) return { ok: true, command: { kind: "targets_list" } };
  if (sub === "edit" && kpi === undefined) return { ok: true, command: { kind: "targets_edit" } };
  const setUsage = `${prefix} ${TARGETS_SET}`;
  if (sub !== "set" && sub !== "remove") return usage(setUsage);
  if (!kpi || !isMetricCode(kpi)) return fail(msg("kpiAdmin.parse.notKpi", { kpi: kpi ?? "", kpis: list(METRIC_CODES.map((c) => code(c)), "or") }));
  if (sub === "remove") return rest.length === 0 ? { ok: true, command: { kind: "targets_remove", metric: kpi } } : usage(`${prefix} remove ${kpi}`);
  const rawTarget = (rest.shift() ?? "").replace(/%$/, "");
  if (!/^\d+(\.\d+)?$/.test(rawTarget)) return fail(msg("kpiAdmin.parse.targetNumber", { usage: command("spur", setUsage) }));
  const target = Number(rawTarget);
  if (metric(kpi).unit === "percent" && target > 100) return fail(msg("kpiAdmin.parse.percentTarget", { label: metricLabel(kpi) }));
  let weight = 1;
  let period: PeriodKind = "month";
  let minVolume: number | null = null;
  while (rest.length > 0) {
    const key = rest.shift()?.toLowerCase();
    const value = (rest.shift() ?? "").toLowerCase();
    if (key === "weight" && /^\d{1,3}(\.\d+)?$/.test(value) && Number(value) <= 100) weight = Number(value);
    else if (key === "period" && isPeriodKind(value)) period = value;
    else if (key === "min" && /^\d{1,6}$/.test(value)) minVolume = Number(value);
    else return usage(setUsage);
  }
  return { ok: true, command: { kind: "targets_set", metric: kpi, target, weight, period, minVolume } };
}

export function parseApiTokenCommand(tokens: CommandToken[]): ParseResult<ApiTokenCommand> {
  const [, ...args] = tokens;
  if (verbOf(tokens) === "api-tokens") return args.length === 0 ? { ok: true, command: { kind: "api_token_list" } } : usage("api-tokens");
  if (wordOf(args[0]).toLowerCase() === "revoke") {
    const prefix = wordOf(args[1]);
    if (args.length !== 2 || !/^spur_[A-Za-z0-9_-]{5}$/.test(prefix)) {
      return fail(msg("kpiAdmin.parse.revokeUsage", { usage: command("spur", "api-token revoke spur_xxxxx"), list: command("spur", "api-tokens") }));
    }
    return { ok: true, command: { kind: "api_token_revoke", prefix } };
  }
  const name = args
    .map((t) => t.text)
    .join(" ")
    .trim();
  if (!name || name.length > 60) {
    return fail(msg("kpiAdmin.parse.apiTokenUsage", { usage: command("spur", "api-token <name>"), example: command("spur", "api-token zendesk-export") }));
  }
  return { ok: true, command: { kind: "api_token", name } };
}

export function parseHelpdeskCommand(tokens: CommandToken[]): ParseResult<HelpdeskCommand> {
  const args = tokens.slice(1);
  const first = wordOf(args[0]).toLowerCase();
  if (first === "shoutouts") {
    const on = wordOf(args[1]).toLowerCase();
    if ((on !== "on" && on !== "off") || args.length !== 2) return usage("helpdesk shoutouts on|off");
    return { ok: true, command: { kind: "customer_shoutouts", on: on === "on" } };
  }
  const provider = HELPDESK_PROVIDERS.find((p) => p === first);
  if (!provider) return usage("helpdesk zendesk|intercom|freshdesk <secret>");
  if (wordOf(args[1]).toLowerCase() === "agent") {
    const externalId = wordOf(args[2]);
    const member = mentionOf(args[3]);
    if (!externalId || !member || args.length !== 4) return usage(`helpdesk ${provider} agent <helpdesk agent id> @member`);
    return { ok: true, command: { kind: "helpdesk_agent", provider, externalId, member } };
  }
  // "remove" is shorter than any secret accepted below, so it cannot be one.
  if (wordOf(args[1]).toLowerCase() === "remove" && args.length === 2) return { ok: true, command: { kind: "helpdesk_remove", provider } };
  const secret = wordOf(args[1]);
  if (args.length !== 2 || secret.length < 8) return fail(msg("kpiAdmin.parse.secretUsage", { usage: command("spur", `helpdesk ${provider} <secret>`) }));
  return { ok: true, command: { kind: "helpdesk_secret", provider, secret } };
}
