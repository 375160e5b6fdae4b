// help — what Spur can do in Teams.
import { infoReply } from "../cards/replies.ts";
import type { TeamsCommand } from "./command.ts";

export function helpText(commands: TeamsCommand[], unknown?: string): string {
  const intro = unknown ? `I don't know "${unknown}". Here is what I can do:` : "Here is what I can do:";
  const lines = commands.map((c) => `- **${c.title}** — ${c.description}`);
  return [intro, ...lines, "In a channel, @mention me first, e.g. `@Spur kudos @Ana 2 covered my shift #teamwork`."].join("\n");
}

export function helpCommand(all: () => TeamsCommand[]): TeamsCommand {
  return {
    name: "help",
    title: "help",
    description: "What Spur can do and how to ask",
    async run(_deps, ctx) {
      await ctx.reply(infoReply(helpText(all())));
    },
  };
}
