// `/spur prompts …` (dispatched from /spur): recognition prompt opt-out and team schedule.
import type { Services } from "../../../app/services.ts";
import { assertAdmin, dayName } from "../../../core/admin-command.ts";
import type { Member } from "../../../core/model.ts";
import { parsePromptCommand } from "../../../core/prompt-command.ts";
import { errorReply, infoReply } from "../../blocks/replies.ts";
import type { CommandContext } from "../../command-context.ts";

export async function runPromptCommand(services: Services, ctx: CommandContext, actor: Member): Promise<void> {
  const parsed = parsePromptCommand(ctx.payload.text);
  if (!parsed.ok) return ctx.reply(errorReply(parsed.error.userMessage));
  const command = parsed.command;
  if (command.kind === "member") {
    await services.prompts.setOptedOut(actor.id, command.optedOut);
    return ctx.reply(
      infoReply(
        command.optedOut
          ? ":white_check_mark: You won't get the weekly \"Who helped you this week?\" prompt any more. `/spur prompts on` brings it back."
          : ":white_check_mark: You'll get the weekly \"Who helped you this week?\" prompt again.",
      ),
    );
  }
  assertAdmin(actor.role);
  const team = ctx.defaultTeam;
  const current = await services.prompts.schedule(team.id);
  const next =
    command.kind === "team"
      ? { ...current, enabled: command.enabled }
      : { enabled: true, day: command.day, minuteOfDay: command.minuteOfDay };
  const saved = await services.prompts.setSchedule(team.id, next);
  await services.jobs.syncTeamSchedules(team);
  if (!saved.enabled) return ctx.reply(infoReply(`:white_check_mark: Weekly recognition prompts are off for ${team.name}.`));
  const hh = String(Math.floor(saved.minuteOfDay / 60)).padStart(2, "0");
  const mm = String(saved.minuteOfDay % 60).padStart(2, "0");
  return ctx.reply(
    infoReply(`:white_check_mark: ${team.name} gets "Who helped you this week?" on ${dayName(saved.day)}s at ${hh}:${mm} (${team.timeZone}).`),
  );
}
