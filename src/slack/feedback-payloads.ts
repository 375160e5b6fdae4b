// zod schemas for the interactive payloads of peer feedback and recognition prompts (block_actions and
// view_submission). Whatever fails them changes nothing.
import { z } from "zod";

export const FEEDBACK_MODAL_CALLBACK = "feedback_modal";
export const FEEDBACK_GIVE_ACTION = "feedback_give";
export const FEEDBACK_SKIP_ACTION = "feedback_skip";

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

/** The value of "Give feedback" and "Skip": the request's id. */
export const RequestActionValue = z.string().uuid();

/** What the modal carries from opening to submission. The giver always comes from the signed payload's user. */
export const FeedbackModalMetadata = z.object({
  v: z.literal(1),
  subjectId: z.string().uuid(),
  requestId: z.string().uuid().nullable(),
});
export type FeedbackModalMetadata = z.infer<typeof FeedbackModalMetadata>;

const SelectedOption = z.object({ value: z.string().max(50) }).nullable().optional();
const FieldValue = z.object({
  type: z.string(),
  value: z.string().max(5000).nullable().optional(),
  selected_option: SelectedOption,
});

export const ViewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: SlackUserId }),
  view: z.object({
    callback_id: z.literal(FEEDBACK_MODAL_CALLBACK),
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), FieldValue)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;

export function parseModalMetadata(raw: string): FeedbackModalMetadata | null {
  try {
    const parsed = FeedbackModalMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reasons a payload failed validation, for the log (never the values themselves). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}
