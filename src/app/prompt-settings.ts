// `prompts …` for both platforms: a member's own opt-out, or (admins) the team's prompt schedule. Returns the
// confirmation in Slack's wording; Teams humanizes it (emoji, command names).
import { assertAdmin, dayName } from "../core/admin/admin-command.ts";
import type { Member, Team } from "../core/shared/model.ts";
import type { PromptCommand } from "../core/recognition/prompt-command.ts";
import type { Services } from "./services.ts";

export async function applyPromptCommand(services: Services, team: Team, actor: Member, command: PromptCommand): Promise<string> {
  if (command.kind === "member") {
    await services.prompts.setOptedOut(actor.id, command.optedOut);
    return command.optedOut
      ? ":white_check_mark: You won't get the weekly \"Who helped you this week?\" prompt any more. `/spur prompts on` brings it back."
      : ":white_check_mark: You'll get the weekly \"Who helped you this week?\" prompt again.";
  }
  assertAdmin(actor.role);
  const current = await services.prompts.schedule(team.id);
  const next = command.kind === "team" ? { ...current, enabled: command.enabled } : { enabled: true, day: command.day, minuteOfDay: command.minuteOfDay };
  const saved = await services.prompts.setSchedule(team.id, next);
  await services.jobs.syncTeamSchedules(team);
  if (!saved.enabled) return `:white_check_mark: Weekly recognition prompts are off for ${team.name}.`;
  const hh = String(Math.floor(saved.minuteOfDay / 60)).padStart(2, "0");
  const mm = String(saved.minuteOfDay % 60).padStart(2, "0");
  return `:white_check_mark: ${team.name} gets "Who helped you this week?" on ${dayName(saved.day)}s at ${hh}:${mm} (${team.timeZone}).`;
}
