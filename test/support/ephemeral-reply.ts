import { expect } from "vitest";
import { commandReplies } from "./ack-replies.ts";
import type { Harness } from "./spur-harness.ts";

/** Runs a slash command as `user` and returns its private reply (the ack body), which must contain `expectText`. */
export async function ephemeralReply(h: Harness, user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === user));
  expect(String(call.args.text) + JSON.stringify(call.args.blocks ?? "")).toContain(expectText);
  return call;
}
