// What the recognition interactions say: the gift's confirmation, the allowance balance, a history page.
import { allowanceLeftAfter, type GiftOutcome } from "../../core/recognition/kudos.ts";
import type { Balance } from "../../core/recognition/allowance.ts";
import { resetParam } from "../../core/recognition/allowance.ts";
import { historyNeighbours, type HistoryPage, historyTitle } from "../../core/recognition/kudos-history.ts";
import { channel, list, member, msg, type Msg, when } from "../../i18n/message.ts";
import { type Block, type Body, type Button, heading, subtle } from "../body.ts";

export const HISTORY_PAGE_ACTION = "kudos.history.page";

function tags(values: string[]): string {
  return values.length > 0 ? ` ${values.map((v) => `#${v}`).join(" ")}` : "";
}

/** "Kudos sent! @ana and @bo each got 3 points." with the reason, where the shoutout goes and what is left. */
export function giftConfirmation(outcome: GiftOutcome, shoutoutChannelId: string | null, hereChannelId: string | null): Body {
  const who = list(outcome.recipients.map((r) => member(r.platformUserId, r.displayName)));
  const head = outcome.stored.created
    ? msg("kudos.sent", { who, count: outcome.recipients.length, points: outcome.points })
    : msg("kudos.duplicate", { who });
  const small: Msg[] = [];
  if (shoutoutChannelId) {
    small.push(shoutoutChannelId === hereChannelId ? msg("kudos.shoutoutHere") : msg("kudos.shoutoutGoesTo", { channel: channel(shoutoutChannelId) }));
  }
  const left = allowanceLeftAfter(outcome);
  if (left) small.push(left);
  return {
    tone: outcome.stored.created ? "celebrate" : "success",
    blocks: [{ kind: "text", text: head }, { kind: "quote", text: `${outcome.reason}${tags(outcome.values)}` }, ...small.map(subtle)],
  };
}

export function balanceBody(balance: Balance): Body {
  return {
    blocks: [
      {
        kind: "text",
        text: msg("kudos.balance", {
          remaining: balance.remaining,
          period: balance.window.period,
          spent: balance.spent,
          allowance: balance.allowance,
          reset: resetParam(balance.window),
        }),
      },
    ],
  };
}

export function historyBody(page: HistoryPage, timeZone: string): Body {
  const lines = page.items.map((item) => {
    const who = item.otherPlatformUserId ? member(item.otherPlatformUserId, item.otherName) : item.otherName;
    const line = msg(item.direction === "given" ? "kudos.history.given" : "kudos.history.received", {
      date: when(item.createdAt, timeZone, "dayMonth"),
      who,
      points: item.points,
      reason: item.reason,
      tags: tags(item.values),
      id: item.giftId.slice(0, 8),
    });
    return item.revoked ? msg("kudos.history.revoked", { line }) : line;
  });
  const { newer, older } = historyNeighbours(page);
  const u = page.subject.platformUserId;
  const buttons: Button[] = [
    ...(newer === null ? [] : [{ action: HISTORY_PAGE_ACTION, key: "newer", label: msg("kudos.history.newer"), data: { u, o: newer } }]),
    ...(older === null ? [] : [{ action: HISTORY_PAGE_ACTION, key: "older", label: msg("kudos.history.older"), data: { u, o: older } }]),
  ];
  const blocks: Block[] = [heading(historyTitle(page)), { kind: "lines", lines, empty: msg("kudos.history.empty") }];
  if (buttons.length > 0) blocks.push({ kind: "buttons", id: "history_pages", buttons });
  return { summary: historyTitle(page), blocks };
}
