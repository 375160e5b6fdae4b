// Ephemeral replies to the person who ran a command.
import type { KnownBlock } from "./format.ts";
import { allowanceLeftAfter, type GiftOutcome } from "../../core/recognition/kudos.ts";
import { escapeMrkdwn, listOf, mention, plural, values } from "./format.ts";

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

export function errorReply(message: string): SlackMessage {
  return { text: message, blocks: [{ type: "section", text: { type: "mrkdwn", text: `:warning: ${message}` } }] };
}

export function infoReply(message: string): SlackMessage {
  return { text: message, blocks: [{ type: "section", text: { type: "mrkdwn", text: message } }] };
}

export function kudosConfirmation(outcome: GiftOutcome, shoutoutChannelId: string): SlackMessage {
  const who = listOf(outcome.recipients.map(mention));
  const each = outcome.recipients.length > 1 ? " each" : "";
  const head = outcome.stored.created
    ? `:tada: Kudos sent! ${who}${each} got ${plural(outcome.points, "point")}.`
    : `:white_check_mark: Those kudos to ${who} were already recorded — nothing was sent twice.`;
  const tags = outcome.values.length > 0 ? ` ${values(outcome.values)}` : "";
  const left = allowanceLeftAfter(outcome);
  const detail = `> ${escapeMrkdwn(outcome.reason)}${tags}\nThe shoutout goes to <#${shoutoutChannelId}>.${left ? ` ${left}` : ""}`;
  return {
    text: head,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: head } },
      { type: "context", elements: [{ type: "mrkdwn", text: detail }] },
    ],
  };
}
