// The scenario driver on Teams: Bot Framework activities to the real /api/messages endpoint (teams-chat.ts),
// replies read from the fake Bot Connector (thread replies, invoke responses, personal chats, channel posts).
import type { CommandName } from "../../src/i18n/message.ts";
import { type SentActivity } from "./fake-bot-connector.ts";
import { teamsCard, teamsPlain } from "./plain-text.ts";
import { EVERYONE, type Person } from "./surface-people.ts";
import type { Said, StartOptions, Surface, SurfaceReply } from "./surface-types.ts";
import { cardOf, startTeams } from "./teams-chat.ts";
import { GENERAL, message } from "./teams-activities.ts";

/** The Teams command word: Slack's /spur is `admin`, the others are the same word. */
const word = (command: CommandName) => (command === "spur" ? "admin" : command);

function readActivity(sent: SentActivity): SurfaceReply {
  const card = cardOf(sent);
  if (card) return { ...teamsCard(card), raw: sent.activity };
  return { text: teamsPlain(String(sent.activity.text ?? "")), buttons: [], raw: sent.activity };
}

export async function startTeamsSurface(options: StartOptions): Promise<Surface> {
  const teams = await startTeams({ roster: EVERYONE.map((p) => p.teams), ...(options.clock ? { clock: options.clock } : {}) });
  const { h, connector, chat } = teams;
  const workspaceId = (await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } })).id;
  const localeOf = (who: Person) => options.memberLocales?.[who.key];
  const activity = (who: Person, command: CommandName, said: Said, scope: "channel" | "personal" = "channel") => {
    const locale = localeOf(who);
    const parts = [`${word(command)} `, ...said.map((p) => (typeof p === "string" ? p : p.teams))];
    return message(who.teams, parts, { serviceUrl: connector.url, scope, ...(locale ? { locale } : {}) });
  };
  const sentTo = (conversationIds: string[]) => connector.sent.filter((s) => conversationIds.includes(s.conversationId)).map((s) => readActivity(s).text);

  return {
    platform: "teams",
    h,
    workspaceId,
    say: async (who, command, said) => readActivity(await chat.send(activity(who, command, said))),
    sayInPersonalChat: async (who, command, said) => readActivity(await chat.send(activity(who, command, said, "personal"))),
    async sayTwice(who, command, said) {
      const once = activity(who, command, said);
      return [readActivity(await chat.send(once)), readActivity(await chat.send(once))];
    },
    async click(who, reply, label) {
      const button = reply.buttons.find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" in: ${reply.buttons.map((b) => b.label).join(", ")}`);
      const ref = button.ref as { verb: string; data: Record<string, unknown> };
      const answer = await chat.click(who.teams, ref.verb, ref.data, "channel", localeOf(who));
      if (answer.type === "application/vnd.microsoft.card.adaptive") return { ...teamsCard(answer.value), raw: answer };
      return { text: teamsPlain(String(answer.value)), buttons: [], raw: answer };
    },
    async dms(who) {
      return sentTo([`a:created-${who.teams.id}`, `a:personal-${who.teams.id}`]);
    },
    async posts() {
      return sentTo([GENERAL]);
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
