// The scenario driver on Slack: signed slash commands and button clicks to the real Bolt app (spur-harness.ts),
// replies read from the command's ack body (or its response_url post) and the fake Slack API (DMs, channel posts).
import type { CommandName } from "../../src/i18n/message.ts";
import { commandReplies } from "./ack-replies.ts";
import { slackMessage, slackPlain } from "./plain-text.ts";
import { slackForm, slackStateValues } from "./surface-forms.ts";
import { type Harness, startHarness } from "./spur-harness.ts";
import { EVERYONE, type Person, STRANGER } from "./surface-people.ts";
import type { NamedChannel, Said, StartOptions, Surface, SurfaceForm, SurfaceReply, Where } from "./surface-types.ts";
import { esc } from "./users.ts";

const CHANNEL = "CGENERAL";
let counter = 0;

/** A named channel's Slack id: "tier-2" is CTIER2. */
const slackChannelId = (channel: NamedChannel) => `C${channel.channelName.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;

export async function startSlackSurface(options: StartOptions): Promise<Surface> {
  const people = [...EVERYONE, ...(options.morePeople ?? [])];
  const users = people.map((p) => ({ ...p.slack, ...(options.memberLocales?.[p.key] ? { locale: options.memberLocales[p.key] } : {}) }));
  const h: Harness = await startHarness({ users, ...(options.clock ? { clock: options.clock } : {}) });
  const workspaceId = await h.setRecognitionSettings({});
  // Slack shows a mention by the person's (or channel's) name, also of someone Spur doesn't know.
  const names = new Map([...[...people, STRANGER].map((p): [string, string] => [p.slack.id, p.name]), [CHANNEL, "general"]]);
  const read = (message: { text?: unknown; blocks?: unknown }, raw: unknown): SurfaceReply => ({ ...slackMessage(message, names), raw });
  /** The channel a command is sent in; a named one is known by its name from then on. */
  const channelOf = (who: Person, where: Where): { id: string; name: string } => {
    if (where === "personal") return { id: `D${who.slack.id}`, name: "general" };
    if (where === "channel") return { id: CHANNEL, name: "general" };
    const id = slackChannelId(where);
    names.set(id, where.channelName);
    return { id, name: where.channelName };
  };
  // HERE names the channel the command is sent in (the team's channel when sent in a DM).
  const spell = (said: Said, here = { id: CHANNEL, name: "general" }) =>
    said.map((part) => (typeof part === "string" ? part : "channel" in part ? `<#${here.id}|${here.name}>` : esc(part.slack))).join("");

  const plain = (mrkdwn: string) => slackPlain(mrkdwn, names);

  /**
   * The modal Spur opened since `since` calls, or an error saying what it answered instead: a command's refusal
   * is the ack body of its command (from the `sinceCommands`-th), a click's a response_url post.
   */
  async function formSince(who: Person, since: number, sinceCommands = h.commands.length): Promise<SurfaceForm> {
    const found = await h.slack.waitFor(
      () =>
        h.slack.calls.slice(since).find((c) => c.method === "views.open" || (c.method === "chat.postEphemeral" && c.args.user === who.slack.id)) ??
        commandReplies(h, sinceCommands).find((c) => c.args.user === who.slack.id),
    );
    if (found.method !== "views.open") throw new Error(`no form, but: ${read(found.args, found.args).text}`);
    return slackForm(found.args.view as Record<string, unknown>, plain);
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
    const since = h.commands.length;
    const channel = channelOf(who, where);
    const res = await h.command(`/${command}`, spell(said, where === "personal" ? undefined : channel), { user: who.slack.id, channel: channel.id, triggerId });
    if (res.status !== 200) throw new Error(`/${command} answered HTTP ${res.status}`);
    // The private reply to the command: its ack body, or its response_url post when Spur answered after the ack.
    const { args } = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === who.slack.id));
    return read(args, args);
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
      const sinceCommands = h.commands.length;
      const res = await h.command(`/${command}`, spell(said), { user: who.slack.id, channel: CHANNEL, triggerId: `scenario-${Date.now()}-${++counter}` });
      if (res.status !== 200) throw new Error(`/${command} answered HTTP ${res.status}`);
      return formSince(who, since, sinceCommands);
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
    async posts(channel) {
      const id = channel ? slackChannelId(channel) : CHANNEL;
      return h.slack.messages.filter((m) => m.channel === id && !m.threadTs).map((m) => read(m, m).text);
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
