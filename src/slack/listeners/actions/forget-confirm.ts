// The confirming click of `/spur forget @member`: erases the member's personal data.
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/shared/errors.ts";
import { forgetDoneText, forgetMember } from "../../../core/data-rights/member-erasure.ts";
import { FORGET_CONFIRM_ACTION } from "../../blocks/data-rights.ts";
import { actionContext, STALE_MESSAGE, withActionErrors } from "../interaction-context.ts";

export function registerForgetConfirmAction(app: App, services: Services): void {
  app.action(FORGET_CONFIRM_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const memberId = z.string().uuid().safeParse(ctx.value);
      const target = memberId.success ? await services.roster.memberById(ctx.workspace.id, memberId.data) : null;
      if (!target) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
      const { counts } = await forgetMember(services, { workspace: ctx.workspace, actor: ctx.actor, target });
      await ctx.reply(`:white_check_mark: ${forgetDoneText(counts)}`, { replaceOriginal: true });
    });
  });
}
