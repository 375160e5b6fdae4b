// spur level … (Teams: admin level …): the workspace's ladder of levels, who holds which, and each level's
// overrides of team targets and weights (admins only).
import { type LevelAdminDeps, runLevelCommand } from "../../core/admin/level-admin.ts";
import { parseLevelCommand } from "../../core/admin/level-command.ts";
import { note } from "../body.ts";
import { msg } from "../../i18n/message.ts";
import { type Interaction, privately } from "../interaction.ts";
import type { SpurArgs } from "./admin-settings.ts";

export type LevelCommandDeps = LevelAdminDeps;

export const levelCommand: Interaction<LevelCommandDeps, SpurArgs> = {
  name: "spur.level",
  async run(deps, req) {
    const parsed = parseLevelCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const lines = await runLevelCommand(deps, { workspace: req.workspace, defaultTeam: req.team, actor: req.actor, command: parsed.command });
    const text = lines.reduce((all, line) => msg("status.nextLine", { text: all, line }));
    return [privately(note(parsed.command.kind === "list" ? undefined : "success", text))];
  },
};
