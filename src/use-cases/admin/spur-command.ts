// The spur command (Teams: admin): one dispatcher for every administration subcommand. Each subcommand is
// one entry of SPUR_ROUTES (which tokens it takes, and its use case); the last entry answers the rest (help,
// and "I don't know …").
import type { CommandToken } from "../../core/shared/command-text.ts";
import { isAuditCommand } from "../../core/admin/audit-command.ts";
import type { AuditLogDeps } from "../../core/admin/audit-log.ts";
import { isDataRightsCommand } from "../../core/data-rights/data-rights-command.ts";
import { isApiTokenCommand, isHelpdeskCommand, isTargetsCommand, isTargetsFormCommand } from "../../core/kpi/kpi-admin-command.ts";
import { isPromptCommand } from "../../core/recognition/prompt-command.ts";
import { isRecognitionAdmin, isSettingsFormCommand } from "../../core/recognition/recognition-admin.ts";
import type { Interaction } from "../interaction.ts";
import { apiTokenCommand, type ApiTokenCommandDeps } from "../kpi/api-token-command.ts";
import { helpdeskCommand } from "../kpi/helpdesk-command.ts";
import type { HelpdeskDeps } from "../../core/kpi/kpi-admin.ts";
import { targetsCommand, type TargetsCommandDeps } from "../kpi/targets-command.ts";
import { openTargetsForm } from "../kpi/targets-form.ts";
import { promptsCommand, type PromptsCommandDeps } from "../recognition/prompts-command.ts";
import { recognitionAdminCommand, type RecognitionAdminDeps } from "../recognition/recognition-admin-command.ts";
import { openSettingsForm, type SettingsFormDeps } from "../recognition/settings-form.ts";
import { adminSettings, type AdminSettingsDeps, type SpurArgs } from "./admin-settings.ts";
import { auditCommand } from "./audit-command.ts";
import { dataRightsCommand, type DataRightsDeps } from "./data-rights.ts";
import { isTeamCommand } from "../../core/admin/team-command.ts";
import { teamCommand, type TeamCommandDeps } from "./team-command.ts";
import { isLevelCommand } from "../../core/admin/level-command.ts";
import { levelCommand, type LevelCommandDeps } from "./level-command.ts";

export type { SpurArgs } from "./admin-settings.ts";

export type SpurDeps = AdminSettingsDeps &
  DataRightsDeps &
  SettingsFormDeps &
  RecognitionAdminDeps &
  PromptsCommandDeps &
  TargetsCommandDeps &
  ApiTokenCommandDeps &
  HelpdeskDeps &
  AuditLogDeps &
  TeamCommandDeps &
  LevelCommandDeps;

export interface SpurRoute {
  matches(tokens: CommandToken[]): boolean;
  useCase: Interaction<SpurDeps, SpurArgs>;
}

export const SPUR_ROUTES: SpurRoute[] = [
  { matches: isDataRightsCommand, useCase: dataRightsCommand },
  // `settings` alone opens the form; `settings <name> <value>` (and `revoke`) is recognition administration.
  { matches: isSettingsFormCommand, useCase: openSettingsForm },
  { matches: isRecognitionAdmin, useCase: recognitionAdminCommand },
  { matches: isPromptCommand, useCase: promptsCommand },
  // `targets edit` opens the form; `targets`, `targets set|remove …` answer in text.
  { matches: isTargetsFormCommand, useCase: openTargetsForm },
  { matches: isTargetsCommand, useCase: targetsCommand },
  { matches: isApiTokenCommand, useCase: apiTokenCommand },
  { matches: isHelpdeskCommand, useCase: helpdeskCommand },
  { matches: isAuditCommand, useCase: auditCommand },
  // Teams: list, create, rename, archive; a team's channel, time zone, digest, leads and members.
  { matches: isTeamCommand, useCase: teamCommand },
  // The ladder of levels, who holds which, and each level's target overrides.
  { matches: isLevelCommand, useCase: levelCommand },
  // Roles, channel, time zone, digest schedule, movers, preview and send, leaderboard post, awards, locale, status, help,
  // and any subcommand nobody answers.
  { matches: () => true, useCase: adminSettings },
];

function routeOf(tokens: CommandToken[]): SpurRoute {
  const route = SPUR_ROUTES.find((r) => r.matches(tokens));
  if (!route) throw new Error("spur.command: no route (the last one takes everything)");
  return route;
}

export const spurCommand: Interaction<SpurDeps, SpurArgs> = {
  name: "spur.command",
  readsChannelTeam: true,
  confidential: (args) => routeOf(args.tokens).useCase.confidential?.(args) ?? null,
  run: (deps, req) => routeOf(req.args.tokens).useCase.run(deps, req),
};
