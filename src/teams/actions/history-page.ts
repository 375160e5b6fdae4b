// The Newer / Older buttons of a kudos history card: the neighbouring page replaces the card. Whose history the
// card shows comes from its data, so privacy is checked again for the person who clicked.
import { z } from "zod";
import { historyFor } from "../../core/recognition/kudos-history.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { kudosHistoryCard } from "../cards/kudos-history.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

const Data = z.object({ u: z.string().min(1).max(200), o: z.number().int().min(0).max(100_000) });

export const historyPage: CardAction = {
  verb: CARD_VERBS.historyPage,
  async run({ services }, ctx) {
    const { u, o } = parseCardData(Data, ctx);
    const { page, timeZone } = await historyFor(services, {
      workspace: ctx.workspace,
      defaultTeam: ctx.defaultTeam,
      viewerPlatformId: ctx.actor.platformUserId,
      subjectRef: { kind: "id", id: u },
      offset: o,
    });
    return { card: kudosHistoryCard(page, timeZone) };
  },
};
