// The Newer / Older buttons of a kudos history card: the neighbouring page replaces the card (the same use case
// as Slack's buttons).
import { HistoryCursor, kudosHistoryPage } from "../../use-cases/recognition/kudos-history-page.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

export const historyPage: CardAction = {
  verb: CARD_VERBS.historyPage,
  async run(deps, ctx) {
    const cursor = parseCardData(HistoryCursor, ctx);
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.historyPage}`, kudosHistoryPage, deps.services, cursor, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
