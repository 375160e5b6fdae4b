// `/spur prompts …` (dispatched from /spur): recognition prompt opt-out and team schedule.
import type { Services } from "../../../app/services.ts";
import { applyPromptCommand } from "../../../app/prompt-settings.ts";
import type { Member } from "../../../core/shared/model.ts";
import { parsePromptCommand } from "../../../core/recognition/prompt-command.ts";
import { errorReply, infoReply } from "../../blocks/replies.ts";
import type { CommandContext } from "../../command-context.ts";

export async function runPromptCommand(services: Services, ctx: CommandContext, actor: Member): Promise<void> {
  const parsed = parsePromptCommand(ctx.payload.text);
  if (!parsed.ok) return ctx.reply(errorReply(parsed.error.userMessage));
  return ctx.reply(infoReply(await applyPromptCommand(services, ctx.defaultTeam, actor, parsed.command)));
}
