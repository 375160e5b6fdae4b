// The listener table mounts one Bolt listener per kind and routes each request to the handler registered for it.
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ListenerTable } from "../../src/slack/listener-table.ts";

type Mounted = { kind: string; key: unknown; listener: (args: Record<string, unknown>) => Promise<void> };

/** A stand-in for Bolt's App that keeps what is mounted on it. */
function mountedOn(table: ListenerTable): Mounted[] {
  const mounted: Mounted[] = [];
  const record = (kind: string) => (key: unknown, listener: Mounted["listener"]) => void mounted.push({ kind, key, listener });
  table.mountOn({ command: record("command"), action: record("action"), view: record("view"), event: record("event"), shortcut: record("shortcut") } as unknown as App);
  return mounted;
}

describe("ListenerTable", () => {
  it("mounts one listener per kind that has handlers, whatever their number, and events by their names", () => {
    const table = new ListenerTable();
    const noop = async () => undefined;
    table.command("/kudos", noop);
    table.command("/spur", noop);
    table.action("a", noop);
    table.action(/^page_/, noop);
    table.event("team_join", noop);
    table.event("user_change", noop);
    expect(mountedOn(table).map((m) => [m.kind, String(m.key)])).toEqual([
      ["command", "/^/"],
      ["action", "/^/"],
      ["event", "team_join"],
      ["event", "user_change"],
    ]);
  });

  it("routes by command name, action id, callback id and event type, in registration order for patterns", async () => {
    const table = new ListenerTable();
    const calls: string[] = [];
    const handler = (name: string) => async () => void calls.push(name);
    table.command("/kudos", handler("kudos"));
    table.command("/spur", handler("spur"));
    table.action("history_next", handler("exact"));
    table.action(/^history_/, handler("pattern"));
    table.action(/^history_n/, handler("later pattern"));
    table.view("give_kudos", handler("view"));
    table.event("reaction_added", handler("reaction"));
    table.shortcut("give_kudos_for_message", handler("shortcut"));
    const by = Object.fromEntries(mountedOn(table).map((m) => [m.kind, m.listener]));
    await by.command!({ command: { command: "/spur" } });
    await by.action!({ action: { action_id: "history_next" } });
    await by.action!({ action: { action_id: "history_nope" } });
    await by.action!({ action: { action_id: "other" } });
    await by.view!({ view: { callback_id: "give_kudos" } });
    await by.event!({ event: { type: "reaction_added" } });
    await by.shortcut!({ shortcut: { callback_id: "give_kudos_for_message" } });
    await by.command!({ command: { command: "/unknown" } });
    expect(calls).toEqual(["spur", "exact", "pattern", "view", "reaction", "shortcut"]);
  });

  it("passes Bolt's arguments through unchanged", async () => {
    const table = new ListenerTable();
    let seen: unknown;
    table.command("/kudos", async (args) => void (seen = args));
    const args = { command: { command: "/kudos", text: "hi" }, ack: async () => undefined };
    await mountedOn(table)[0]!.listener(args);
    expect(seen).toBe(args);
  });

  it("refuses a second handler for the same name", () => {
    const table = new ListenerTable();
    table.view("settings", async () => undefined);
    expect(() => table.view("settings", async () => undefined)).toThrow("registered twice");
  });
});
