// The spur command (Teams: admin): one dispatcher for every administration subcommand. Each ported
// subcommand is one entry of SPUR_ROUTES (which tokens it takes, and its use case); the last entry answers
// the rest (help, and "I don't know …"). Subcommands in NOT_YET_PORTED are still answered by each surface's
// older code: handledBySpurCommand() tells the adapters which is which.
import type { CommandToken } from "../../core/shared/command-text.ts";
import { isDataRightsCommand } from "../../core/data-rights/data-rights-command.ts";
import type { Interaction } from "../interaction.ts";
import { adminSettings, type AdminSettingsDeps, type SpurArgs } from "./admin-settings.ts";
import { dataRightsCommand, type DataRightsDeps } from "./data-rights.ts";
import { openSettingsForm, type SettingsFormDeps } from "../recognition/settings-form.ts";
import { isRecognitionAdmin, isSettingsFormCommand } from "../../core/recognition/recognition-admin.ts";
import { recognitionAdminCommand, type RecognitionAdminDeps } from "../recognition/recognition-admin-command.ts";
import { isPromptCommand } from "../../core/recognition/prompt-command.ts";
import { promptsCommand, type PromptsCommandDeps } from "../recognition/prompts-command.ts";

export type { SpurArgs } from "./admin-settings.ts";

export type SpurDeps = AdminSettingsDeps & DataRightsDeps & SettingsFormDeps & RecognitionAdminDeps & PromptsCommandDeps;

export interface SpurRoute {
  matches(tokens: CommandToken[]): boolean;
  useCase: Interaction<SpurDeps, SpurArgs>;
}

/** The subcommand's words, lower-cased: ["digest", "send"]. */
export function spurWords(tokens: CommandToken[]): string[] {
  return tokens.map((t) => (t.kind === "word" ? t.text.toLowerCase() : ""));
}

export const SPUR_ROUTES: SpurRoute[] = [
  { matches: isDataRightsCommand, useCase: dataRightsCommand },
  // `settings` alone opens the form; `settings <name> <value>` (and `revoke`) is recognition administration.
  { matches: isSettingsFormCommand, useCase: openSettingsForm },
  { matches: isRecognitionAdmin, useCase: recognitionAdminCommand },
  { matches: isPromptCommand, useCase: promptsCommand },
  // Roles, channel, time zone, digest schedule, movers, preview and send, leaderboard post, awards, locale, status, help,
  // and any subcommand nobody answers.
  { matches: () => true, useCase: adminSettings },
];

/** Answered by each surface's older code until it is ported to a route above (then remove it here). */
const NOT_YET_PORTED: ((words: string[]) => boolean)[] = [
  ([verb]) => verb === "targets" || verb === "api-token" || verb === "api-tokens" || verb === "helpdesk",
];

export function handledBySpurCommand(tokens: CommandToken[]): boolean {
  const words = spurWords(tokens);
  return !NOT_YET_PORTED.some((notYet) => notYet(words));
}

export const spurCommand: Interaction<SpurDeps, SpurArgs> = {
  name: "spur.command",
  async run(deps, req) {
    const route = SPUR_ROUTES.find((r) => r.matches(req.args.tokens));
    if (!route) throw new Error("spur.command: no route (the last one takes everything)");
    return route.useCase.run(deps, req);
  },
};
