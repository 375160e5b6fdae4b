// Talking to Spur in Teams from a test: messages in, replies out (through the fake Bot Connector), and card
// actions (adaptiveCard/action invokes) with the invoke response Spur answered.
import { expect } from "vitest";
import type { Clock } from "../../src/core/shared/ports.ts";
import { FakeBotConnector, type RosterMember, type SentActivity, textOf } from "./fake-bot-connector.ts";
import { type Harness, startHarness } from "./spur-harness.ts";
import {
  botAddedToTeam,
  cardAction,
  type CardActionResponse,
  installationUpdate,
  message,
  parseCardActionResponse,
  TEAMS_ROSTER,
} from "./teams-activities.ts";

export type Scope = "channel" | "personal";

export type Say = (from: RosterMember, parts: (string | RosterMember)[], expectText?: string, scope?: Scope) => Promise<SentActivity>;

export interface CardAnswer extends CardActionResponse {
  /** The response as text (the card's JSON, or the message), for `toContain`. */
  text: string;
  /** The replacement card's input ids, in order (empty for a message). */
  inputs: string[];
}

export interface TeamsChat {
  /** Sends a message to Spur and returns its reply (expected to contain `expectText`, when given). */
  say: Say;
  /** Sends a prepared message activity (built with `message`) and returns the reply Spur posted to it. */
  send(activity: ReturnType<typeof message>): Promise<SentActivity>;
  /** Clicks an Action.Execute button (or submits a card form) and returns Spur's invoke response. */
  click(from: RosterMember, verb: string, data: Record<string, unknown>, scope?: Scope, locale?: string): Promise<CardAnswer>;
}

/** The Action.Execute buttons of a card (title, verb, data), found anywhere in it. */
export function executeActions(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === "Action.Execute") found.push({ title: String(record.title), verb: String(record.verb), data: (record.data ?? {}) as Record<string, unknown> });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

function inputIds(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string" && record.type.startsWith("Input.") && typeof record.id === "string") ids.push(record.id);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return ids;
}

/** The message shown right under the input `id` of a card (a refused form's field error), or null. */
export function errorUnder(card: unknown, id: string): string | null {
  const body = (card as { body: { id?: string; type: string; text?: string }[] }).body;
  const next = body[body.findIndex((e) => e.id === id) + 1];
  return next?.type === "TextBlock" && next.text?.startsWith("⚠️") ? next.text : null;
}

/** The Adaptive Card of a sent activity. */
export function cardOf(sent: SentActivity): unknown {
  return (sent.activity.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
}

export function teamsChat(h: Harness, connector: FakeBotConnector): TeamsChat {
  const send = async (activity: ReturnType<typeof message>) => {
    const since = connector.sent.length;
    expect((await h.teams(activity)).status).toBe(200);
    return connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  };
  return {
    send,
    async say(from, parts, expectText, scope = "channel") {
      const reply = await send(message(from, parts, { serviceUrl: connector.url, scope }));
      if (expectText !== undefined) expect(textOf(reply)).toContain(expectText);
      return reply;
    },
    async click(from, verb, data, scope = "personal", locale) {
      const res = await h.teams(cardAction(from, verb, data, { serviceUrl: connector.url, scope, ...(locale ? { locale } : {}) }));
      expect(res.status).toBe(200);
      const answer = parseCardActionResponse(res.body);
      const isCard = answer.type === "application/vnd.microsoft.card.adaptive";
      return { ...answer, text: typeof answer.value === "string" ? answer.value : JSON.stringify(answer.value), inputs: isCard ? inputIds(answer.value) : [] };
    },
  };
}

export interface TeamsSetup {
  h: Harness;
  connector: FakeBotConnector;
  chat: TeamsChat;
  stop(): Promise<void>;
}

/**
 * Spur with Teams on (no Bot Framework auth), a fake Bot Connector answering for `roster`, and Spur installed in
 * the team by Carl (its owner, so a Spur admin). `known` people then write in the team's channel, so Spur knows them in
 * the team; `personal` people install Spur in a personal chat (which then belongs to the team).
 */
export async function startTeams(options: {
  roster?: RosterMember[];
  clock?: Clock;
  captureLogs?: boolean;
  env?: Record<string, string>;
  logSink?: (line: string) => void;
  known?: RosterMember[];
  personal?: RosterMember[];
} = {}): Promise<TeamsSetup> {
  const connector = await new FakeBotConnector(options.roster ?? TEAMS_ROSTER).start();
  const { roster: _roster, known: _known, personal: _personal, ...harness } = options;
  const h = await startHarness({ teams: true, ...harness });
  const chat = teamsChat(h, connector);
  expect((await h.teams(botAddedToTeam(connector.url))).status).toBe(200);
  // Each `known` person says something in the team's channel, so Spur knows them in the team (without kudos,
  // which would also open a personal chat to tell them).
  for (const person of options.known ?? []) await chat.say(person, ["kudos balance"], "You can still give");
  for (const person of options.personal ?? []) await h.teams(installationUpdate("add", connector.url, "personal", person));
  return {
    h,
    connector,
    chat,
    async stop() {
      await h.stop();
      await connector.stop();
    },
  };
}
