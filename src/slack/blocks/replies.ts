// Ephemeral replies to the person who ran a command.
import type { KnownBlock } from "./format.ts";
import type { GiftOutcome } from "../../core/kudos.ts";
import { periodWord } from "../../core/allowance.ts";
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
  const spent = outcome.stored.giverSpent;
  const left =
    spent === undefined
      ? ""
      : ` You have ${plural(Math.max(0, outcome.settings.allowancePoints - spent), "point")} left to give ${periodWord(outcome.settings.allowancePeriod)}.`;
  const detail = `> ${escapeMrkdwn(outcome.reason)}${tags}\nThe shoutout goes to <#${shoutoutChannelId}>.${left}`;
  return {
    text: head,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: head } },
      { type: "context", elements: [{ type: "mrkdwn", text: detail }] },
    ],
  };
}
