// `/spur targets …`, `/spur api-token …`, `/spur helpdesk …`: KPI administration. Never throws.
import { type MentionRef, parseMention, tokenize } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { isMetricCode, METRIC_CODES, metric, type MetricCode } from "./kpi-catalogue.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";

export const HELPDESK_PROVIDERS = ["zendesk", "intercom", "freshdesk"] as const;
export type HelpdeskProviderName = (typeof HELPDESK_PROVIDERS)[number];

export type KpiAdminCommand =
  | { kind: "targets_list" }
  | { kind: "targets_edit" }
  | { kind: "targets_set"; metric: MetricCode; target: number; weight: number; period: string; minVolume: number | null }
  | { kind: "targets_remove"; metric: MetricCode }
  | { kind: "api_token"; name: string }
  | { kind: "api_token_list" }
  | { kind: "api_token_revoke"; prefix: string }
  | { kind: "helpdesk_secret"; provider: HelpdeskProviderName; secret: string }
  | { kind: "helpdesk_agent"; provider: HelpdeskProviderName; externalId: string; member: MentionRef }
  | { kind: "customer_shoutouts"; on: boolean };

export const KPI_ADMIN_VERBS = new Set(["targets", "api-token", "api-tokens", "helpdesk"]);

export const KPI_ADMIN_USAGE = [
  "*KPIs* (targets: leads and admins; the rest: admins):",
  "• `/spur targets` — the team's KPI targets and weights; `/spur targets edit` opens a form",
  "• `/spur targets set csat 90 [weight 2] [period month] [min 5]` — a SMART target for one KPI",
  "• `/spur targets remove csat`",
  "• `/spur api-token <name>` — a token for `POST /api/kpis` (shown once); `/spur api-tokens` lists them;",
  "  `/spur api-token revoke <prefix>` revokes one",
  "• `/spur helpdesk zendesk|intercom|freshdesk <secret>` — connect a helpdesk's webhooks",
  "• `/spur helpdesk zendesk agent <helpdesk agent id> @member` — map a helpdesk agent to a member",
  "• `/spur helpdesk shoutouts on|off` — post customer kudos (5-star CSAT comments) in the team channel",
].join("\n");

const TARGETS_USAGE = "Usage: `/spur targets set <kpi> <target> [weight <n>] [period week|month|quarter] [min <events>]`.";

function fail(message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

function parseTargets(args: string[]): ParseResult<KpiAdminCommand> {
  const [sub, code, ...rest] = args;
  if (sub === undefined || sub === "list") return { ok: true, command: { kind: "targets_list" } };
  if (sub === "edit" && code === undefined) return { ok: true, command: { kind: "targets_edit" } };
  if (sub !== "set" && sub !== "remove") return fail(TARGETS_USAGE);
  if (!code || !isMetricCode(code)) {
    return fail(`"${code ?? ""}" is not a KPI. Use one of ${METRIC_CODES.map((c) => `\`${c}\``).join(", ")}.`);
  }
  if (sub === "remove") return rest.length === 0 ? { ok: true, command: { kind: "targets_remove", metric: code } } : fail(TARGETS_USAGE);
  const rawTarget = (rest.shift() ?? "").replace(/%$/, "");
  const target = Number(rawTarget);
  if (!/^\d+(\.\d+)?$/.test(rawTarget)) return fail(`The target must be a number. ${TARGETS_USAGE}`);
  const def = metric(code);
  if (def.unit === "percent" && target > 100) return fail(`${def.label} is a percentage: the target must be 0–100.`);
  let weight = 1;
  let period = "month";
  let minVolume: number | null = null;
  while (rest.length > 0) {
    const key = rest.shift();
    const value = rest.shift() ?? "";
    if (key === "weight" && /^\d{1,3}(\.\d+)?$/.test(value) && Number(value) <= 100) weight = Number(value);
    else if (key === "period" && ["week", "month", "quarter"].includes(value)) period = value;
    else if (key === "min" && /^\d{1,6}$/.test(value)) minVolume = Number(value);
    else return fail(TARGETS_USAGE);
  }
  return { ok: true, command: { kind: "targets_set", metric: code, target, weight, period, minVolume } };
}

export function parseKpiAdminCommand(text: string): ParseResult<KpiAdminCommand> {
  const [verb, ...args] = tokenize(text);
  switch (verb?.toLowerCase()) {
    case "targets":
      return parseTargets(args.map((a, i) => (i < 2 ? a.toLowerCase() : a)));
    case "api-tokens":
      return args.length === 0 ? { ok: true, command: { kind: "api_token_list" } } : fail("Usage: `/spur api-tokens`.");
    case "api-token": {
      if (args[0]?.toLowerCase() === "revoke") {
        const prefix = args[1] ?? "";
        if (args.length !== 2 || !/^spur_[A-Za-z0-9_-]{5}$/.test(prefix)) {
          return fail("Usage: `/spur api-token revoke spur_xxxxx` (the prefix shown by `/spur api-tokens`).");
        }
        return { ok: true, command: { kind: "api_token_revoke", prefix } };
      }
      const name = args.join(" ").trim();
      if (!name || name.length > 60) return fail("Usage: `/spur api-token <name>`, e.g. `/spur api-token zendesk-export`.");
      return { ok: true, command: { kind: "api_token", name } };
    }
    case "helpdesk": {
      if (args[0]?.toLowerCase() === "shoutouts") {
        const on = args[1]?.toLowerCase();
        if ((on !== "on" && on !== "off") || args.length !== 2) return fail("Usage: `/spur helpdesk shoutouts on|off`.");
        return { ok: true, command: { kind: "customer_shoutouts", on: on === "on" } };
      }
      const provider = args[0]?.toLowerCase() as HelpdeskProviderName | undefined;
      if (!provider || !HELPDESK_PROVIDERS.includes(provider)) return fail("Usage: `/spur helpdesk zendesk|intercom|freshdesk <secret>`.");
      if (args[1]?.toLowerCase() === "agent") {
        const member = args[3] ? parseMention(args[3]) : null;
        if (!args[2] || !member || args.length !== 4) return fail(`Usage: \`/spur helpdesk ${provider} agent <helpdesk agent id> @member\`.`);
        return { ok: true, command: { kind: "helpdesk_agent", provider, externalId: args[2], member } };
      }
      if (args.length !== 2 || (args[1] ?? "").length < 8) {
        return fail(`Usage: \`/spur helpdesk ${provider} <secret>\` (the webhook's signing secret, at least 8 characters).`);
      }
      return { ok: true, command: { kind: "helpdesk_secret", provider, secret: args[1] as string } };
    }
    default:
      return fail(KPI_ADMIN_USAGE);
  }
}
