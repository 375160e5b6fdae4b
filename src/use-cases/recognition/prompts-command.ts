// spur prompts … (Teams `admin prompts …`): a member's own opt-out of the weekly "Who helped you this
// week?" prompt, or (leads and admins) a team's prompt schedule: the team named (`team <name> prompts …`),
// else the mapped channel's, else a lead's only team, else (admins) the default team. Audited.
import { actingTeam, type ActingTeamDeps } from "../../core/admin/acting-team.ts";
import type { RecognitionPromptRepository } from "../../core/feedback/feedback-ports.ts";
import { parsePromptCommand } from "../../core/recognition/prompt-command.ts";
import { auditBy } from "../../core/shared/audit.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { Team } from "../../core/shared/model.ts";
import { command, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";

export interface PromptsCommandArgs {
  tokens: CommandToken[];
}

export type PromptsCommandDeps = ActingTeamDeps & {
  prompts: Pick<RecognitionPromptRepository, "setOptedOut" | "schedule" | "setSchedule">;
  jobs: { syncTeamSchedules(team: Team): Promise<void> };
};

export const promptsCommand: Interaction<PromptsCommandDeps, PromptsCommandArgs> = {
  name: "recognition.prompts",
  readsChannelTeam: true,
  async run(deps, req) {
    const parsed = parsePromptCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    if (cmd.kind === "member") {
      await deps.prompts.setOptedOut(req.actor.id, cmd.optedOut);
      return [privately(note("success", cmd.optedOut ? msg("prompts.optedOut", { on: command("spur", "prompts on") }) : msg("prompts.optedIn")))];
    }
    if (req.actor.role === "agent") throw new SpurError(ErrorCode.NotAllowed, msg("prompts.leadsOnly", { off: command("spur", "prompts off") }));
    const team = await actingTeam(deps, {
      actor: req.actor,
      named: cmd.team,
      channelTeam: req.channelTeam,
      fallback: req.team,
      example: command("spur", "team Tier 1 prompts schedule friday 15:00"),
    });
    const current = await deps.prompts.schedule(team.id);
    const next = cmd.kind === "team" ? { ...current, enabled: cmd.enabled } : { enabled: true, day: cmd.day, minuteOfDay: cmd.minuteOfDay };
    const changed = JSON.stringify(current) !== JSON.stringify(next);
    const audit = changed ? auditBy(req.actor, "team.prompts", team.id, { team: team.name, from: { ...current, timeZone: team.timeZone }, to: { ...next, timeZone: team.timeZone } }) : undefined;
    const saved = await deps.prompts.setSchedule(team.id, next, audit);
    await deps.jobs.syncTeamSchedules(team);
    if (!saved.enabled) return [privately(note("success", msg("prompts.teamOff", { team: team.name })))];
    const hh = String(Math.floor(saved.minuteOfDay / 60)).padStart(2, "0");
    const mm = String(saved.minuteOfDay % 60).padStart(2, "0");
    return [privately(note("success", msg("prompts.scheduled", { team: team.name, day: String(saved.day), time: `${hh}:${mm}`, timeZone: team.timeZone })))];
  },
};
