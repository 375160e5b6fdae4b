// The scenario driver on Teams: Bot Framework activities to the real /api/messages endpoint (teams-chat.ts),
// replies read from the fake Bot Connector (thread replies, invoke responses, personal chats, channel posts).
import type { CommandName } from "../../src/i18n/message.ts";
import { type SentActivity } from "./fake-bot-connector.ts";
import { teamsCard, teamsPlain } from "./plain-text.ts";
import { EVERYONE, type Person } from "./surface-people.ts";
import { teamsFieldErrors, teamsForm, teamsSend } from "./surface-forms.ts";
import type { NamedChannel, Said, StartOptions, Surface, SurfaceButton, SurfaceForm, SurfaceReply, Where } from "./surface-types.ts";
import { cardOf, startTeams } from "./teams-chat.ts";
import { GENERAL, message } from "./teams-activities.ts";

/** A named channel of the team beside General: "tier-2" is 19:tier-2@thread.tacv2. */
const teamsChannel = (channel: NamedChannel) => ({ id: `19:${channel.channelName}@thread.tacv2`, name: channel.channelName });

/** The Teams command word: Slack's /spur is `admin`, the others are the same word. */
const word = (command: CommandName) => (command === "spur" ? "admin" : command);

type Scope = "channel" | "personal";

/** What a Teams button needs to be clicked: its verb and data, and where its card is (a click comes from there). */
interface TeamsButtonRef {
  verb: string;
  data: Record<string, unknown>;
  scope: Scope;
}

function withScope(reply: { text: string; buttons: SurfaceButton[] }, scope: Scope): { text: string; buttons: SurfaceButton[] } {
  return { ...reply, buttons: reply.buttons.map((b) => ({ ...b, ref: { ...(b.ref as object), scope } })) };
}

function readActivity(sent: SentActivity): SurfaceReply {
  const card = cardOf(sent);
  const scope: Scope = sent.conversationId.startsWith("a:") ? "personal" : "channel";
  if (card) return { ...withScope(teamsCard(card), scope), raw: sent.activity };
  return { text: teamsPlain(String(sent.activity.text ?? "")), buttons: [], raw: sent.activity };
}

export async function startTeamsSurface(options: StartOptions): Promise<Surface> {
  const roster = [...EVERYONE, ...(options.morePeople ?? [])].map((p) => p.teams);
  const teams = await startTeams({
    roster,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.personalChats ? { known: roster, personal: roster } : {}),
  });
  const { h, connector, chat } = teams;
  const workspaceId = (await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } })).id;
  const localeOf = (who: Person) => options.memberLocales?.[who.key];
  const activity = (who: Person, command: CommandName, said: Said, where: Where = "channel") => {
    const locale = localeOf(who);
    const parts = [`${word(command)} `, ...said.map((p) => (typeof p === "string" ? p : "channel" in p ? "" : p.teams))];
    const scope = where === "personal" ? "personal" : "channel";
    const channel = typeof where === "object" ? { channel: teamsChannel(where) } : {};
    return message(who.teams, parts, { serviceUrl: connector.url, scope, ...channel, ...(locale ? { locale } : {}) });
  };
  /**
   * Spur's reply to a message. A confidential reply asked for in a channel goes to the person's personal chat
   * instead (Teams has no message only one person sees), the channel getting a note: the reply is read there.
   */
  async function answer(who: Person, sent: ReturnType<typeof activity>): Promise<SentActivity> {
    const since = connector.sent.length;
    const reply = await chat.send(sent);
    const note = cardOf(reply) as { body?: unknown[] } | undefined;
    if (note?.body?.length !== 1) return reply;
    const before = connector.sent.slice(since, connector.sent.indexOf(reply));
    // Spur sends it there just before the one-line note (a DM a job sent meanwhile would come earlier).
    return before.findLast((s) => s.conversationId === `a:personal-${who.teams.id}` && s.replyToId === undefined) ?? reply;
  }
  const ask = async (who: Person, sent: ReturnType<typeof activity>) => readActivity(await answer(who, sent));

  /** A form card as the scenario reads it; `raw` keeps the card and where it is, for its Send. */
  function formOf(card: unknown, scope: Scope): SurfaceForm {
    if (!card) throw new Error("no form card");
    const form = teamsForm(card, teamsPlain);
    if (form.fields.length === 0) throw new Error(`no form, but: ${teamsCard(card).text}`);
    return { ...form, raw: { card, scope } };
  }

  const dmsOf = (who: Person) => connector.sent.filter((s) => [`a:created-${who.teams.id}`, `a:personal-${who.teams.id}`].includes(s.conversationId)).map(readActivity);

  function buttonRef(reply: SurfaceReply, label: string): TeamsButtonRef {
    const button = reply.buttons.find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" in: ${reply.buttons.map((b) => b.label).join(", ")}`);
    return button.ref as TeamsButtonRef;
  }

  return {
    platform: "teams",
    h,
    workspaceId,
    say: (who, command, said, where) => ask(who, activity(who, command, said, where)),
    async sayTwice(who, command, said) {
      const once = activity(who, command, said);
      return [await ask(who, once), await ask(who, once)];
    },
    async click(who, reply, label) {
      const ref = buttonRef(reply, label);
      const answer = await chat.click(who.teams, ref.verb, ref.data, ref.scope, localeOf(who));
      if (answer.type === "application/vnd.microsoft.card.adaptive") return { ...withScope(teamsCard(answer.value), ref.scope), raw: answer };
      return { text: teamsPlain(String(answer.value)), buttons: [], raw: answer };
    },
    async open(who, command, said) {
      const sent = await answer(who, activity(who, command, said));
      return formOf(cardOf(sent), sent.conversationId.startsWith("a:") ? "personal" : "channel");
    },
    async clickForm(who, reply, label) {
      const ref = buttonRef(reply, label);
      const clicked = await chat.click(who.teams, ref.verb, ref.data, ref.scope, localeOf(who));
      if (clicked.type !== "application/vnd.microsoft.card.adaptive") throw new Error(`no form, but: ${String(clicked.value)}`);
      return formOf(clicked.value, ref.scope);
    },
    async submit(who, form, values) {
      const { card, scope } = form.raw as { card: unknown; scope: Scope };
      const { verb, data } = teamsSend(card);
      // Teams sends every input's value: what it was opened with, unless changed.
      const current = Object.fromEntries(form.fields.flatMap((f) => (f.value === null ? [] : [[f.id, f.value]])));
      const sent = await chat.click(who.teams, verb, { ...data, ...current, ...values }, scope, localeOf(who));
      if (sent.type !== "application/vnd.microsoft.card.adaptive") {
        const text = teamsPlain(String(sent.value));
        return { errors: {}, reply: text ? { text, buttons: [], raw: sent } : null };
      }
      // Refused field by field: the same form, each message under its field.
      if (teamsForm(sent.value, teamsPlain).fields.length > 0) return { errors: teamsFieldErrors(sent.value, teamsPlain), reply: null };
      return { errors: {}, reply: { ...withScope(teamsCard(sent.value), scope), raw: sent } };
    },
    dms: async (who) => dmsOf(who),
    async dm(who, contains) {
      return connector.waitFor(() => dmsOf(who).findLast((m) => m.text.includes(contains)));
    },
    async posts(channel) {
      const id = channel ? teamsChannel(channel).id : GENERAL;
      return connector.sent.filter((s) => s.conversationId === id).map((s) => readActivity(s).text);
    },
    async setLocale(locale) {
      await h.spur.services.workspaces.setLocale(workspaceId, locale);
    },
    async settings(patch) {
      await h.setRecognitionSettings(patch, workspaceId);
    },
    stop: () => teams.stop(),
  };
}
