// Submission of the "Give kudos" modal: validate (zod), give through the same core function as /kudos,
// and show any refusal next to the field it is about (response_action: errors).
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, isSpurError } from "../../../core/errors.ts";
import { giveKudos } from "../../../core/kudos.ts";
import { ACTION, KUDOS_BLOCKS, KUDOS_MODAL_CALLBACK } from "../../blocks/kudos-modal.ts";
import { kudosConfirmation } from "../../blocks/replies.ts";
import { deliverGift } from "../../gift-delivery.ts";
import { readMetadata, type StateValue, ViewSubmission } from "../../recognition-payloads.ts";

const Form = z.object({
  recipients: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).min(1, "Pick at least one teammate.").max(10, "At most 10 people at once."),
  points: z.coerce.number({ error: "Points must be a number." }).int("Points must be a whole number.").min(1, "Give at least 1 point."),
  reason: z.string().trim().min(1, "Say what they did.").max(500, "Please keep it under 500 characters."),
  value: z.string().nullable(),
});

const FIELD_OF: Partial<Record<ErrorCode, keyof typeof KUDOS_BLOCKS>> = {
  [ErrorCode.SelfKudos]: "recipients",
  [ErrorCode.BotRecipient]: "recipients",
  [ErrorCode.DeactivatedMember]: "recipients",
  [ErrorCode.UnknownUser]: "recipients",
  [ErrorCode.Cooldown]: "recipients",
  [ErrorCode.InvalidPoints]: "points",
  [ErrorCode.AllowanceExceeded]: "points",
  [ErrorCode.UnknownValue]: "value",
  [ErrorCode.ValueRequired]: "value",
  [ErrorCode.MissingReason]: "reason",
  [ErrorCode.ReasonTooLong]: "reason",
};

function field(values: Record<string, Record<string, StateValue>>, block: string): StateValue | undefined {
  return values[block]?.[ACTION];
}

export function registerGiveKudosView(app: App, services: Services): void {
  app.view(KUDOS_MODAL_CALLBACK, async ({ ack, body, client }) => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      services.logger.warn({ issues: parsed.error.issues }, "malformed kudos modal submission");
      await ack({ response_action: "errors", errors: { [KUDOS_BLOCKS.reason]: "Spur couldn't read this form. Please try again." } });
      return;
    }
    const { team, user, view } = parsed.data;
    const state = view.state.values;
    const form = Form.safeParse({
      recipients: field(state, KUDOS_BLOCKS.recipients)?.selected_users ?? [],
      points: field(state, KUDOS_BLOCKS.points)?.value ?? "",
      reason: field(state, KUDOS_BLOCKS.reason)?.value ?? "",
      value: field(state, KUDOS_BLOCKS.value)?.selected_option?.value ?? null,
    });
    if (!form.success) {
      const errors: Record<string, string> = {};
      for (const issue of form.error.issues) {
        const block = KUDOS_BLOCKS[issue.path[0] as keyof typeof KUDOS_BLOCKS];
        if (block && !errors[block]) errors[block] = issue.message;
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    const metadata = readMetadata(view.private_metadata);
    try {
      const { workspace, defaultTeam } = await services.workspaces.ensure("slack", team.id, { teamTimeZone: services.defaultTimeZone });
      const outcome = await giveKudos(services, {
        workspace,
        defaultTeam,
        giverPlatformId: user.id,
        command: {
          kind: "give",
          recipients: form.data.recipients.map((id) => ({ kind: "id" as const, id })),
          points: form.data.points,
          reason: form.data.reason,
          values: form.data.value ? [form.data.value] : [],
        },
        source: metadata.source,
        sourceRef: metadata.sourceRef,
        idempotencyKey: `slack:view:${team.id}:${view.id}`,
      });
      await ack();
      const channel = await deliverGift(services, outcome, metadata.channelId);
      const confirmation = kudosConfirmation(outcome, channel ?? user.id);
      // Confirm privately where the form was opened, or in the app DM when there is no such channel.
      if (metadata.channelId) {
        await client.chat.postEphemeral({ channel: metadata.channelId, user: user.id, text: confirmation.text, blocks: confirmation.blocks ?? [] }).catch(() =>
          client.chat.postMessage({ channel: user.id, text: confirmation.text, blocks: confirmation.blocks ?? [] }),
        );
      } else {
        await client.chat.postMessage({ channel: user.id, text: confirmation.text, blocks: confirmation.blocks ?? [] });
      }
    } catch (err) {
      if (isSpurError(err)) {
        const block = KUDOS_BLOCKS[FIELD_OF[err.code] ?? "reason"];
        services.logger.info({ code: err.code }, "kudos modal refused");
        await ack({ response_action: "errors", errors: { [block]: err.userMessage } });
        return;
      }
      services.logger.error({ err }, "kudos modal failed");
      await ack({ response_action: "errors", errors: { [KUDOS_BLOCKS.reason]: "Something went wrong on Spur's side. Please try again." } });
    }
  });
}
