// The scenario driver on Slack: signed slash commands and button clicks to the real Bolt app (spur-harness.ts),
// replies read from the command's ack body (or its response_url post) and the fake Slack API (DMs, channel posts).
import type { CommandName } from "../../src/i18n/message.ts";
import { commandReplies } from "./ack-replies.ts";
import { slackMessage } from "./plain-text.ts";
import { type Harness, startHarness } from "./spur-harness.ts";
import { EVERYONE, type Person } from "./surface-people.ts";
import type { Said, StartOptions, Surface, SurfaceReply } from "./surface-types.ts";
import { esc } from "./users.ts";

const CHANNEL = "CGENERAL";
let counter = 0;

export async function startSlackSurface(options: StartOptions): Promise<Surface> {
  const users = EVERYONE.map((p) => ({ ...p.slack, ...(options.memberLocales?.[p.key] ? { locale: options.memberLocales[p.key] } : {}) }));
  const h: Harness = await startHarness({ users, ...(options.clock ? { clock: options.clock } : {}) });
  const workspaceId = await h.setRecognitionSettings({});
  const names = new Map(EVERYONE.map((p) => [p.slack.id, p.name]));
  const read = (message: { text?: unknown; blocks?: unknown }, raw: unknown): SurfaceReply => ({ ...slackMessage(message, names), raw });
  const spell = (said: Said) => said.map((part) => (typeof part === "string" ? part : esc(part.slack))).join("");

  async function send(who: Person, command: CommandName, said: Said, triggerId: string): Promise<SurfaceReply> {
    const since = h.commands.length;
    const res = await h.command(`/${command}`, spell(said), { user: who.slack.id, channel: CHANNEL, triggerId });
    if (res.status !== 200) throw new Error(`/${command} answered HTTP ${res.status}`);
    // The private reply to the command: its ack body, or its response_url post when Spur answered after the ack.
    const { args } = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === who.slack.id));
    return read(args, args);
  }

  return {
    platform: "slack",
    h,
    workspaceId,
    say: (who, command, said) => send(who, command, said, `scenario-${Date.now()}-${++counter}`),
    async sayTwice(who, command, said) {
      const triggerId = `scenario-${Date.now()}-${++counter}`;
      return [await send(who, command, said, triggerId), await send(who, command, said, triggerId)];
    },
    async click(who, reply, label) {
      const button = reply.buttons.find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" in: ${reply.buttons.map((b) => b.label).join(", ")}`);
      const ref = button.ref as { actionId: string; value: string; blockId?: string };
      const responseId = `click-${++counter}`;
      const res = await h.clickButton({ user: who.slack.id }, ref, responseId);
      if (res.status !== 200) throw new Error(`the click answered HTTP ${res.status}`);
      const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${responseId}`));
      return read(answer.body, answer.body);
    },
    async dms(who) {
      return h.slack.dmsTo(who.slack.id).map((m) => read(m, m).text);
    },
    async posts() {
      return h.slack.messages.filter((m) => m.channel === CHANNEL && !m.threadTs).map((m) => read(m, m).text);
    },
    async setLocale(locale) {
      await h.spur.services.workspaces.setLocale(workspaceId, locale);
    },
    async settings(patch) {
      await h.setRecognitionSettings(patch, workspaceId);
    },
    stop: () => h.stop(),
  };
}
