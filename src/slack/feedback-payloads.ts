// zod schemas for the block_actions payloads of feedback request DMs and recognition prompts. Whatever fails
// them changes nothing.
import { z } from "zod";

const SlackUserId = z.string().regex(/^[UW][A-Z0-9]+$/);

export const BlockActionPayload = z.object({
  type: z.literal("block_actions"),
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: SlackUserId }),
  trigger_id: z.string().min(1),
  response_url: z.string().url().optional(),
  actions: z.array(z.object({ action_id: z.string().min(1), value: z.string().max(200).optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof BlockActionPayload>;

/** Reasons a payload failed validation, for the log (never the values themselves). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}
