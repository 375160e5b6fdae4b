// spur prompts … (Teams `admin prompts …`): a member's own opt-out of the weekly "Who helped you this
// week?" prompt, or (admins) the team's prompt schedule.
import { assertAdmin } from "../../core/admin/admin-command.ts";
import type { RecognitionPromptRepository } from "../../core/feedback/feedback-ports.ts";
import { parsePromptCommand } from "../../core/recognition/prompt-command.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { Team } from "../../core/shared/model.ts";
import { command, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";

export interface PromptsCommandArgs {
  tokens: CommandToken[];
}

export interface PromptsCommandDeps {
  prompts: Pick<RecognitionPromptRepository, "setOptedOut" | "schedule" | "setSchedule">;
  jobs: { syncTeamSchedules(team: Team): Promise<void> };
}

export const promptsCommand: Interaction<PromptsCommandDeps, PromptsCommandArgs> = {
  name: "recognition.prompts",
  async run(deps, req) {
    const parsed = parsePromptCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    if (cmd.kind === "member") {
      await deps.prompts.setOptedOut(req.actor.id, cmd.optedOut);
      return [privately(note("success", cmd.optedOut ? msg("prompts.optedOut", { on: command("spur", "prompts on") }) : msg("prompts.optedIn")))];
    }
    assertAdmin(req.actor.role);
    const team = req.team;
    const current = await deps.prompts.schedule(team.id);
    const next = cmd.kind === "team" ? { ...current, enabled: cmd.enabled } : { enabled: true, day: cmd.day, minuteOfDay: cmd.minuteOfDay };
    const saved = await deps.prompts.setSchedule(team.id, next);
    await deps.jobs.syncTeamSchedules(team);
    if (!saved.enabled) return [privately(note("success", msg("prompts.teamOff", { team: team.name })))];
    const hh = String(Math.floor(saved.minuteOfDay / 60)).padStart(2, "0");
    const mm = String(saved.minuteOfDay % 60).padStart(2, "0");
    return [privately(note("success", msg("prompts.scheduled", { team: team.name, day: String(saved.day), time: `${hh}:${mm}`, timeZone: team.timeZone })))];
  },
};
