// The confirming click of `admin forget @member`: erases the member's personal data (the same use case as Slack's).
import { ForgetClick, forgetConfirm as erase } from "../../use-cases/admin/data-rights.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import type { CardAction } from "./card-action.ts";

export const forgetConfirm: CardAction = {
  verb: CARD_VERBS.forgetConfirm,
  async run(deps, ctx) {
    const click = ForgetClick.safeParse(ctx.data);
    const memberId = click.success ? click.data.member : null;
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.forgetConfirm}`, erase, deps.services, { memberId }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
