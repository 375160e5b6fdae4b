// `admin prompts off|on`, `admin prompts schedule <day> <hh:mm>`, `admin prompts team off|on`: Slack's
// `/spur prompts …` for Teams, through the same parser and settings.
import type { Services } from "../../app/services.ts";
import { applyPromptCommand } from "../../app/prompt-settings.ts";
import type { Member } from "../../core/shared/model.ts";
import { isPromptCommand, parsePromptCommand } from "../../core/recognition/prompt-command.ts";
import { infoReply } from "../cards/replies.ts";
import type { TeamsCommandContext } from "../command-context.ts";

/** Handles `admin prompts …`; returns false when `args` is another admin command. */
export async function runTeamsPrompts(services: Services, ctx: TeamsCommandContext, args: string, actor: () => Promise<Member>): Promise<boolean> {
  if (!isPromptCommand(args)) return false;
  const parsed = parsePromptCommand(args);
  if (!parsed.ok) throw parsed.error;
  const message = await applyPromptCommand(services, ctx.defaultTeam, await actor(), parsed.command);
  await ctx.reply(infoReply(ctx.message.humanize(message)));
  return true;
}
