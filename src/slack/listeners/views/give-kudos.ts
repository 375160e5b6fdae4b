// Submission of the "Give kudos" modal: validate (zod), give through the same core function as /kudos,
// and show any refusal next to the field it is about (response_action: errors).
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { kudosFormFieldFor, validateKudosForm } from "../../../core/recognition/kudos-form.ts";
import { giveKudos } from "../../../core/recognition/kudos.ts";
import { ACTION, KUDOS_BLOCKS, KUDOS_MODAL_CALLBACK } from "../../blocks/kudos-modal.ts";
import { deliverGift } from "../../../use-cases/recognition/deliver-gift.ts";
import { giftConfirmation } from "../../../use-cases/recognition/kudos-bodies.ts";
import { renderBody } from "../../render/blocks.ts";
import { readMetadata, type StateValue, ViewSubmission } from "../../recognition-payloads.ts";

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
    const form = validateKudosForm(
      {
        recipients: field(state, KUDOS_BLOCKS.recipients)?.selected_users ?? [],
        points: field(state, KUDOS_BLOCKS.points)?.value ?? "",
        reason: field(state, KUDOS_BLOCKS.reason)?.value ?? "",
        value: field(state, KUDOS_BLOCKS.value)?.selected_option?.value ?? null,
      },
      /^[UW][A-Z0-9]+$/,
    );
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).map(([name, message]) => [KUDOS_BLOCKS[name as keyof typeof KUDOS_BLOCKS], message]));
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
        command: form.command,
        source: metadata.source,
        sourceRef: metadata.sourceRef,
        idempotencyKey: `slack:view:${team.id}:${view.id}`,
      });
      await ack();
      const channel = await deliverGift(services, outcome, metadata.channelId);
      const confirmation = renderBody(giftConfirmation(outcome, channel, metadata.channelId), workspace.locale);
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
        const block = KUDOS_BLOCKS[kudosFormFieldFor(err.code)];
        services.logger.info({ code: err.code }, "kudos modal refused");
        await ack({ response_action: "errors", errors: { [block]: err.userMessage } });
        return;
      }
      services.logger.error({ err }, "kudos modal failed");
      await ack({ response_action: "errors", errors: { [KUDOS_BLOCKS.reason]: "Something went wrong on Spur's side. Please try again." } });
    }
  });
}
