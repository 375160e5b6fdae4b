// The scenario driver on Slack: signed slash commands and button clicks to the real Bolt app (spur-harness.ts),
// replies read from the fake Slack API (chat.postEphemeral, response_url posts, DMs, channel posts).
import type { CommandName } from "../../src/i18n/message.ts";
import { slackMessage, slackPlain } from "./plain-text.ts";
import { slackForm, slackStateValues } from "./surface-forms.ts";
import { type Harness, startHarness } from "./spur-harness.ts";
import { EVERYONE, type Person, STRANGER } from "./surface-people.ts";
import type { Said, StartOptions, Surface, SurfaceForm, SurfaceReply, Where } from "./surface-types.ts";
import { esc } from "./users.ts";

const CHANNEL = "CGENERAL";
let counter = 0;

export async function startSlackSurface(options: StartOptions): Promise<Surface> {
  const users = EVERYONE.map((p) => ({ ...p.slack, ...(options.memberLocales?.[p.key] ? { locale: options.memberLocales[p.key] } : {}) }));
  const h: Harness = await startHarness({ users, ...(options.clock ? { clock: options.clock } : {}) });
  const workspaceId = await h.setRecognitionSettings({});
  // Slack shows a mention by the person's (or channel's) name, also of someone Spur doesn't know.
  const names = new Map([...[...EVERYONE, STRANGER].map((p): [string, string] => [p.slack.id, p.name]), [CHANNEL, "general"]]);
  const read = (message: { text?: unknown; blocks?: unknown }, raw: unknown): SurfaceReply => ({ ...slackMessage(message, names), raw });
  const spell = (said: Said) => said.map((part) => (typeof part === "string" ? part : "channel" in part ? `<#${CHANNEL}|general>` : esc(part.slack))).join("");

  /** The private reply to a command: its chat.postEphemeral, or its response_url post when Spur fell back to it. */
  async function replyTo(who: Person, since: { calls: number; responses: number }): Promise<SurfaceReply> {
    const args = await h.slack.waitFor(
      () =>
        h.slack.calls.slice(since.calls).find((c) => c.method === "chat.postEphemeral" && c.args.user === who.slack.id)?.args ??
        h.slack.responses.slice(since.responses).find((r) => r.path.startsWith("/response/cmd-"))?.body,
    );
    return read(args, args);
  }

  const plain = (mrkdwn: string) => slackPlain(mrkdwn, names);

  /** The modal Spur opened since `since` calls, or an error saying what it answered instead. */
  async function formSince(who: Person, since: number): Promise<SurfaceForm> {
    const call = await h.slack.waitFor(() =>
      h.slack.calls.slice(since).find((c) => c.method === "views.open" || (c.method === "chat.postEphemeral" && c.args.user === who.slack.id)),
    );
    if (call.method !== "views.open") throw new Error(`no form, but: ${read(call.args, call.args).text}`);
    return slackForm(call.args.view as Record<string, unknown>, plain);
  }

  // Spur's DMs: posted into the DM channel it opened or with the user id as the channel, and files it
  // uploaded there (shown as their comment).
  const dmsOf = (who: Person) =>
    h.slack.calls.flatMap((c) => {
      if (c.method === "chat.postMessage" && (c.args.channel === `D${who.slack.id}` || c.args.channel === who.slack.id)) return [read(c.args, c.args)];
      if (c.method === "files.completeUploadExternal" && c.args.channel_id === `D${who.slack.id}`) return [read({ text: c.args.initial_comment }, c.args)];
      return [];
    });

  async function send(who: Person, command: CommandName, said: Said, triggerId: string, where: Where = "channel"): Promise<SurfaceReply> {
    const since = { calls: h.slack.calls.length, responses: h.slack.responses.length };
    const channel = where === "personal" ? `D${who.slack.id}` : CHANNEL;
    const res = await h.command(`/${command}`, spell(said), { user: who.slack.id, channel, triggerId });
    if (res.status !== 200) throw new Error(`/${command} answered HTTP ${res.status}`);
    return replyTo(who, since);
  }

  return {
    platform: "slack",
    h,
    workspaceId,
    say: (who, command, said, where) => send(who, command, said, `scenario-${Date.now()}-${++counter}`, where),
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
    async open(who, command, said) {
      const since = h.slack.calls.length;
      const res = await h.command(`/${command}`, spell(said), { user: who.slack.id, channel: CHANNEL, triggerId: `scenario-${Date.now()}-${++counter}` });
      if (res.status !== 200) throw new Error(`/${command} answered HTTP ${res.status}`);
      return formSince(who, since);
    },
    async clickForm(who, reply, label) {
      const button = reply.buttons.find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" in: ${reply.buttons.map((b) => b.label).join(", ")}`);
      const since = h.slack.calls.length;
      const res = await h.clickButton({ user: who.slack.id }, button.ref as { actionId: string; value: string; blockId?: string }, `click-${++counter}`);
      if (res.status !== 200) throw new Error(`the click answered HTTP ${res.status}`);
      return formSince(who, since);
    },
    async submit(who, form, values) {
      const view = form.raw as { callback_id: string; private_metadata: string };
      const since = h.slack.calls.length;
      const res = await h.submitView({ user: who.slack.id }, { callbackId: view.callback_id, privateMetadata: view.private_metadata, values: slackStateValues(form, values) });
      if (res.status !== 200) throw new Error(`the submission answered HTTP ${res.status}`);
      const ack = (res.body ? JSON.parse(res.body) : {}) as { response_action?: string; errors?: Record<string, string>; view?: { blocks?: unknown } };
      if (ack.response_action === "errors") return { errors: ack.errors ?? {}, reply: null };
      if (ack.response_action === "update" && ack.view) return { errors: {}, reply: read({ blocks: ack.view.blocks }, ack.view) };
      // Told privately where the form was opened, or in the app DM.
      const told = h.slack.calls
        .slice(since)
        .find((c) => (c.method === "chat.postEphemeral" && c.args.user === who.slack.id) || (c.method === "chat.postMessage" && c.args.channel === who.slack.id));
      return { errors: {}, reply: told ? read(told.args, told.args) : null };
    },
    dms: async (who) => dmsOf(who),
    async dm(who, contains) {
      return h.slack.waitFor(() => dmsOf(who).findLast((m) => m.text.includes(contains)));
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
