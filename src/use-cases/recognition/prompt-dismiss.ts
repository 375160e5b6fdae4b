// "Not this week" on the weekly recognition prompt: the dismissal is recorded and the message says so.
import { z } from "zod";
import type { RecognitionPromptRepository } from "../../core/feedback/feedback-ports.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { msg } from "../../i18n/message.ts";
import type { Interaction } from "../interaction.ts";
import { promptDismissedBody } from "./recognition-prompt-bodies.ts";

/** What the prompt's buttons carry: the week it is for. */
export const PromptButtonData = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/) });
export type PromptButtonData = z.infer<typeof PromptButtonData>;

/** The button's data as it came back (validated here, so a stale or forged click gets one answer everywhere). */
export function promptButtonData(data: unknown): PromptButtonData {
  const parsed = PromptButtonData.safeParse(data);
  if (!parsed.success) throw new SpurError(ErrorCode.StaleInteraction, msg("prompts.stale"));
  return parsed.data;
}

export const promptDismiss: Interaction<{ prompts: Pick<RecognitionPromptRepository, "dismiss"> }, { data: unknown }> = {
  name: "prompt.dismiss",
  async run(deps, req) {
    const { week } = promptButtonData(req.args.data);
    await deps.prompts.dismiss(req.actor.id, week);
    return [{ kind: "update", body: promptDismissedBody() }];
  },
};
