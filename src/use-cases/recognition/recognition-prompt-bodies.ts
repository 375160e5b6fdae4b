// The weekly "Who helped you this week?" direct message and what replaces it once dismissed.
import { command, msg } from "../../i18n/message.ts";
import { type Body, note, subtle } from "../body.ts";

export const PROMPT_KUDOS_ACTION = "prompt.kudos";
export const PROMPT_DISMISS_ACTION = "prompt.dismiss";

export function recognitionPromptBody(weekKey: string): Body {
  const data = { week: weekKey };
  return {
    summary: msg("prompts.dm.summary"),
    blocks: [
      { kind: "text", text: msg("prompts.dm.text") },
      {
        kind: "buttons",
        buttons: [
          { action: PROMPT_KUDOS_ACTION, label: msg("prompts.dm.give"), data, style: "primary" },
          { action: PROMPT_DISMISS_ACTION, label: msg("prompts.dm.dismiss"), data },
        ],
      },
      subtle(msg("prompts.dm.optOut", { off: command("spur", "prompts off") })),
    ],
  };
}

export function promptDismissedBody(): Body {
  return note(undefined, msg("prompts.dismissed", { off: command("spur", "prompts off") }));
}
