// spur api-token <name>, spur api-tokens, spur api-token revoke <prefix> (Teams: admin …): the workspace's
// tokens for the KPI API, admins only. A new token is shown once, so creating one is confidential.
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenDeps } from "../../core/kpi/kpi-admin.ts";
import { parseApiTokenCommand } from "../../core/kpi/kpi-admin-command.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { Clock } from "../../core/shared/ports.ts";
import { code, command, msg, strong } from "../../i18n/message.ts";
import { heading, note } from "../body.ts";
import { type Confidential, type Interaction, privately } from "../interaction.ts";
import { PUBLIC_BASE_URL_PLACEHOLDER } from "./public-url-placeholder.ts";

export interface ApiTokenArgs {
  tokens: CommandToken[];
}

export type ApiTokenCommandDeps = ApiTokenDeps & { clock: Clock };

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Creating a token answers with the token itself. */
export function apiTokenConfidential(args: ApiTokenArgs): Confidential | null {
  const parsed = parseApiTokenCommand(args.tokens);
  return parsed.ok && parsed.command.kind === "api_token" ? { why: msg("kpiAdmin.apiToken.why"), command: command("spur", "api-token <name>") } : null;
}

export const apiTokenCommand: Interaction<ApiTokenCommandDeps, ApiTokenArgs> = {
  name: "kpi.api_token",
  confidential: apiTokenConfidential,
  async run(deps, req) {
    const parsed = parseApiTokenCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    const { workspace, actor } = req;
    switch (cmd.kind) {
      case "api_token": {
        const { token } = await createApiToken(deps, { workspace, actor, name: cmd.name });
        return [
          privately({
            tone: "secret",
            blocks: [
              { kind: "text", text: msg("kpiAdmin.apiToken.created", { name: strong(cmd.name), token: code(token) }) },
              {
                kind: "text",
                text: msg("kpiAdmin.apiToken.howTo", { request: code(`POST ${PUBLIC_BASE_URL_PLACEHOLDER}/api/kpis`), header: code("Authorization: Bearer <token>") }),
              },
            ],
          }),
        ];
      }
      case "api_token_list": {
        const tokens = await listApiTokens(deps, { workspace, actor });
        if (tokens.length === 0) return [privately(note(undefined, msg("kpiAdmin.apiTokens.none", { command: command("spur", "api-token <name>") })))];
        const lines = tokens.map((t) =>
          msg("kpiAdmin.apiTokens.line", {
            prefix: code(`${t.prefix}…`),
            name: t.name,
            created: day(t.createdAt),
            used: t.lastUsedAt ? "yes" : "no",
            lastUsed: t.lastUsedAt ? day(t.lastUsedAt) : "",
          }),
        );
        return [privately({ blocks: [heading(msg("kpiAdmin.apiTokens.title")), { kind: "lines", lines }] })];
      }
      case "api_token_revoke": {
        const revoked = await revokeApiToken(deps, { workspace, actor, prefix: cmd.prefix, now: deps.clock.now() });
        return revoked > 0
          ? [privately(note("success", msg("kpiAdmin.apiToken.revoked", { prefix: code(`${cmd.prefix}…`) })))]
          : [privately(note("warning", msg("kpiAdmin.apiToken.noneToRevoke", { prefix: code(cmd.prefix) })))];
      }
    }
  },
};
