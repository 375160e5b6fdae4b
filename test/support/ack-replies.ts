// Slack shows the body of a slash command's HTTP answer (its ack) to the user, privately, like an ephemeral
// message. The harness records every command it sends with that body; a command answered after its ack
// deadline replies through its response_url instead, and `commandReplies` finds that post in its place.
import type { FakeSlackApi, RecordedCall } from "./fake-slack-api.ts";

export interface SentCommand {
  command: string;
  user: string;
  channel: string;
  /** The path of the command's response_url on the fake Slack API. */
  responsePath: string;
  /** Spur's HTTP answer, parsed, when it carried a message. */
  ackBody: Record<string, unknown> | null;
  at: number;
}

/** The message in an ack's body, if there is one (an empty ack has none). */
export function ackMessage(body: string): Record<string, unknown> | null {
  if (!body) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return null;
    const message = parsed as Record<string, unknown>;
    return typeof message.text === "string" || Array.isArray(message.blocks) ? message : null;
  } catch {
    return null;
  }
}

/**
 * Each command's private reply (from the `since`-th command on): the ack body, or the first response_url post
 * when there was none; shaped like a recorded call whose args are the message plus the `user` and `channel`.
 */
export function commandReplies(h: { commands: SentCommand[]; slack: FakeSlackApi }, since = 0): RecordedCall[] {
  return h.commands.slice(since).flatMap((sent) => {
    const posted = sent.ackBody ? undefined : h.slack.responses.find((r) => r.path === sent.responsePath)?.body;
    const body = sent.ackBody ?? posted;
    if (!body) return [];
    return [{ method: sent.ackBody ? "ack" : "response_url", args: { ...body, user: sent.user, channel: sent.channel }, at: sent.at }];
  });
}

/** Waits for the private reply to one of `user`'s commands (sent from the `since`-th on) whose text contains `contains`. */
export function waitForCommandReply(h: { commands: SentCommand[]; slack: FakeSlackApi }, user: string, contains = "", since = 0): Promise<RecordedCall> {
  return h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === user && String(c.args.text).includes(contains)));
}
