// The feedback modal: a 1–5 rating per dimension, "keep doing" and "improve" comments, named or anonymous.
import type { types } from "@slack/bolt";
import type { FeedbackDimension } from "../../core/feedback/feedback-model.ts";
import { MAX_FEEDBACK_COMMENT } from "../../core/feedback/feedback.ts";
import { FEEDBACK_SCORES, visibilityChoices } from "../../core/shared/wording.ts";
import type { Member } from "../../core/shared/model.ts";
import { FEEDBACK_MODAL_CALLBACK, type FeedbackModalMetadata } from "../feedback-payloads.ts";
import { escapeMrkdwn, type KnownBlock } from "./format.ts";

export const COMMENT_BLOCKS = { keepDoing: "keep_doing", improve: "improve", visibility: "visibility" } as const;

export function ratingBlockId(dimensionKey: string): string {
  return `rating_${dimensionKey}`;
}

/** Core form field (`rating:<key>`, `keep_doing` …) → the block that shows its error. */
export function blockIdForField(field: string): string {
  return field.startsWith("rating:") ? ratingBlockId(field.slice("rating:".length)) : field;
}

export function feedbackModal(input: {
  subject: Member;
  dimensions: FeedbackDimension[];
  threshold: number;
  metadata: FeedbackModalMetadata;
}): types.ModalView {
  // Slack caps an option's text at 75 characters.
  const option = (s: { value: string; text: string }) => ({ text: { type: "plain_text" as const, text: s.text.slice(0, 75) }, value: s.value });
  const [namedChoice, anonymousChoice] = visibilityChoices(input.subject.displayName, input.threshold).map(option);
  const anonymous = anonymousChoice!;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `How has *${escapeMrkdwn(input.subject.displayName)}* been doing lately? Be specific and kind.` },
    },
    ...input.dimensions.map(
      (d): KnownBlock => ({
        type: "input",
        block_id: ratingBlockId(d.key),
        label: { type: "plain_text", text: d.label },
        element: { type: "static_select", action_id: "score", placeholder: { type: "plain_text", text: "1–5" }, options: FEEDBACK_SCORES.map(option) },
      }),
    ),
    comment(COMMENT_BLOCKS.keepDoing, "Keep doing", "What should they keep doing?"),
    comment(COMMENT_BLOCKS.improve, "Improve", "What could they do even better?"),
    {
      type: "input",
      block_id: COMMENT_BLOCKS.visibility,
      label: { type: "plain_text", text: "Who sees your name?" },
      element: {
        type: "radio_buttons",
        action_id: "choice",
        initial_option: anonymous,
        options: [namedChoice!, anonymous],
      },
    },
  ];
  return {
    type: "modal",
    callback_id: FEEDBACK_MODAL_CALLBACK,
    private_metadata: JSON.stringify(input.metadata),
    title: { type: "plain_text", text: "Peer feedback" },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Cancel" },
    blocks,
  };
}

function comment(blockId: string, label: string, placeholder: string): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: "text",
      multiline: true,
      max_length: MAX_FEEDBACK_COMMENT,
      placeholder: { type: "plain_text", text: placeholder },
    },
  };
}
