// Runs a slash command through the harness and waits for Spur's private reply containing some text.
import { commandReplies } from "./ack-replies.ts";
import type { RecordedCall } from "./fake-slack-api.ts";
import type { Harness } from "./spur-harness.ts";

export async function commandReply(h: Harness, user: string, command: string, text: string, contains: string): Promise<RecordedCall> {
  const since = h.commands.length;
  const res = await h.command(command, text, { user });
  if (res.status !== 200) throw new Error(`${command} ${text} answered HTTP ${res.status}`);
  return h.slack.waitFor(() =>
    commandReplies(h, since).find((c) => c.args.user === user && (String(c.args.text) + JSON.stringify(c.args.blocks ?? "")).includes(contains)),
  );
}
