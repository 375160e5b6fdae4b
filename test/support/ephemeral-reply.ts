import { expect } from "vitest";
import type { Harness } from "./spur-harness.ts";

/** Runs a slash command as `user` and returns the ephemeral reply, which must contain `expectText`. */
export async function ephemeralReply(h: Harness, user: string, command: string, text: string, expectText: string) {
  const since = h.slack.calls.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() =>
    h.slack.calls.slice(since).find((c) => c.method === "chat.postEphemeral" && c.args.user === user),
  );
  expect(String(call.args.text) + JSON.stringify(call.args.blocks ?? "")).toContain(expectText);
  return call;
}
