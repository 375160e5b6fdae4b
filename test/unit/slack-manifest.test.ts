// manifests/slack/manifest.yaml and the code must agree, both ways: every slash command, shortcut and event
// the code listens to is declared in the manifest, and the manifest declares nothing the code ignores.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Services } from "../../src/app/services.ts";
import { registerListeners } from "../../src/slack/app.ts";
import type { ListenerTable } from "../../src/slack/listener-table.ts";

interface Manifest {
  features?: {
    slash_commands?: { command: string; url?: string; should_escape?: boolean }[];
    shortcuts?: { callback_id: string; type: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: { event_subscriptions?: { bot_events?: string[] }; interactivity?: { is_enabled?: boolean } };
}

/** Records what the listeners register, the way Bolt's App would receive it. */
function recordRegistrations() {
  const seen = { commands: new Set<string>(), shortcuts: new Set<string>(), events: new Set<string>(), eventPatterns: [] as RegExp[], interactive: 0 };
  const name = (c: unknown) => (typeof c === "string" ? c : ((c as { callback_id?: string })?.callback_id ?? String(c)));
  const app = {
    command: (c: unknown) => seen.commands.add(name(c)),
    shortcut: (c: unknown) => seen.shortcuts.add(name(c)),
    event: (e: unknown) => (e instanceof RegExp ? seen.eventPatterns.push(e) : seen.events.add(String(e))),
    action: () => (seen.interactive += 1),
    view: () => (seen.interactive += 1),
    options: () => (seen.interactive += 1),
    message: () => seen.events.add("message"),
    use: () => undefined,
    error: () => undefined,
  };
  registerListeners(app as unknown as ListenerTable, {} as Services);
  return seen;
}

const manifest = parse(readFileSync("manifests/slack/manifest.yaml", "utf8")) as Manifest;

describe("Slack app manifest", () => {
  const code = recordRegistrations();

  it("declares exactly the slash commands the code handles, escaped and pointed at /slack/events", () => {
    const declared = manifest.features?.slash_commands ?? [];
    expect(new Set(declared.map((c) => c.command))).toEqual(code.commands);
    for (const c of declared) {
      expect(c.should_escape).toBe(true);
      expect(c.url).toMatch(/\/slack\/events$/);
    }
  });

  it("declares exactly the shortcuts the code handles", () => {
    expect(new Set((manifest.features?.shortcuts ?? []).map((s) => s.callback_id))).toEqual(code.shortcuts);
  });

  it("subscribes to exactly the events the code handles (names or patterns)", () => {
    const declared = manifest.settings?.event_subscriptions?.bot_events ?? [];
    const handled = (e: string) => code.events.has(e) || code.eventPatterns.some((p) => p.test(e));
    for (const e of declared) expect(handled(e), `manifest event ${e} has no listener`).toBe(true);
    for (const e of code.events) expect(declared, `listener for ${e} missing from the manifest`).toContain(e);
    for (const p of code.eventPatterns) expect(declared.some((e) => p.test(e)), `no manifest event matches ${p}`).toBe(true);
  });

  it("enables interactivity when the code has actions, views or options", () => {
    if (code.interactive > 0 || code.shortcuts.size > 0) expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it("asks for the scope each subscribed member event needs", () => {
    const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
    const declared = manifest.settings?.event_subscriptions?.bot_events ?? [];
    // The roster is kept current between syncs by these two (both need users:read).
    for (const e of ["team_join", "user_change"]) expect(declared).toContain(e);
    expect(scopes.has("users:read")).toBe(true);
  });

  it("asks for the scopes the code's Web API calls need", () => {
    const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
    for (const needed of ["commands", "chat:write", "users:read", "users:read.email", "channels:history", "files:write"]) {
      expect(scopes.has(needed), `missing scope ${needed}`).toBe(true);
    }
  });
});
