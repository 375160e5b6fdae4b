// What Spur can do, command by command: Teams' `help`, its answer to an unknown command, and its welcome.
import { code, command, msg, type Msg } from "../../i18n/message.ts";
import type { Body } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";

function commandLines(): Msg[] {
  return [
    msg("help.command", { cmd: command("kudos", "@person [points] what they did #value"), what: msg("help.what.kudos") }),
    msg("help.command", { cmd: command("scorecard", "[@agent]"), what: msg("help.what.scorecard") }),
    msg("help.command", { cmd: command("leaderboard", "[week|month|quarter]"), what: msg("help.what.leaderboard") }),
    msg("help.command", { cmd: command("feedback", "@agent | request | mine"), what: msg("help.what.feedback") }),
    msg("help.command", { cmd: command("spur", "role|channel|timezone|digest|locale"), what: msg("help.what.spur") }),
    msg("help.command", { cmd: code("help"), what: msg("help.what.help") }),
  ];
}

/**
 * The command list; `unknown` is the word that was not a command; `welcome` greets a new install, and `channel`
 * says there which team the channel is mapped to (or how to map it).
 */
export function appHelp(options: { unknown?: string | undefined; welcome?: boolean; channel?: Msg } = {}): Body {
  const intro = options.unknown ? msg("help.unknown", { word: options.unknown }) : msg("help.intro");
  return {
    blocks: [
      ...(options.welcome ? [{ kind: "text" as const, text: msg("help.welcome") }] : []),
      ...(options.channel ? [{ kind: "text" as const, text: options.channel }] : []),
      { kind: "text", text: intro },
      { kind: "lines", lines: commandLines() },
      { kind: "text", text: msg("help.mentionFirst", { example: code("@Spur kudos @Ana 2 covered my shift #teamwork") }) },
    ],
  };
}

export const appHelpCommand: Interaction<unknown, { unknown?: string | undefined }> = {
  name: "help",
  async run(_deps, req) {
    return [privately(appHelp({ unknown: req.args.unknown }))];
  },
};
