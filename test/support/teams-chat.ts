// Talking to Spur in Teams from a test: send a message activity to /api/messages and read the reply the bot
// posted to the Bot Connector in answer to it.
import { expect } from "vitest";
import { type FakeBotConnector, type RosterMember, type SentActivity, textOf } from "./fake-bot-connector.ts";
import type { Harness } from "./spur-harness.ts";
import { message } from "./teams-activities.ts";

export type Say = (
  from: RosterMember,
  parts: (string | RosterMember)[],
  expectText?: string,
  scope?: "channel" | "personal",
) => Promise<SentActivity>;

/** `say(from, parts, expectText)` sends `parts` (text and mentions) and returns Spur's reply, checking its text. */
export function teamsChat(h: Harness, connector: FakeBotConnector): Say {
  return async (from, parts, expectText, scope = "channel") => {
    const activity = message(from, parts, { serviceUrl: connector.url, scope });
    const since = connector.sent.length;
    const res = await h.teams(activity);
    expect(res.status).toBe(200);
    const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
    if (expectText !== undefined) expect(textOf(reply)).toContain(expectText);
    return reply;
  };
}
