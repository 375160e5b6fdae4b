// manifests/slack/manifest.yaml and the code must agree, both ways: every slash command, shortcut and event
// the code listens to is declared in the manifest, and the manifest declares nothing the code ignores.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Services } from "../../src/app/services.ts";
import { registerListeners } from "../../src/slack/app.ts";
import type { ListenerTable } from "../../src/slack/listener-table.ts";
import { BOT_SCOPES } from "../../src/slack/oauth-scopes.ts";
import { COMMAND_SCOPES, EVENT_SCOPES, IMPLICIT_METHODS, METHOD_SCOPES, methodsCalledIn, webClientMethods } from "../support/slack-method-scopes.ts";

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

/** Source Spur runs against Slack: all of src/ but Teams (botbuilder's clients), the playground and generated code. */
const SKIPPED = new Set(["src/teams", "src/playground", "src/generated"]);
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIPPED.has(path) ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Each Web API method the code calls (and Bolt calls for it), with the files that call it. */
function webApiCalls(): Map<string, string[]> {
  const known = webClientMethods();
  const calls = new Map<string, string[]>(IMPLICIT_METHODS.map((m) => [m, ["(Bolt)"]]));
  for (const file of sourceFiles("src")) {
    for (const method of methodsCalledIn(readFileSync(file, "utf8"), known)) calls.set(method, [...(calls.get(method) ?? []).filter((f) => f !== "(Bolt)"), file]);
  }
  return calls;
}
const calls = webApiCalls();

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

  it("asks for the scopes of every Web API method the code calls, and no other", () => {
    const asked = new Set(manifest.oauth_config?.scopes?.bot ?? []);
    const unknown = [...calls.keys()].filter((m) => !(m in METHOD_SCOPES));
    expect(unknown, `Web API methods without an entry in test/support/slack-method-scopes.ts (add each with the scopes Slack's reference lists): ${unknown.join(", ")}`).toEqual([]);
    for (const [method, files] of calls) {
      for (const scope of METHOD_SCOPES[method]?.scopes ?? []) {
        expect(asked.has(scope), `${method} (${files.join(", ")}) needs ${scope}: missing from the manifest's bot scopes`).toBe(true);
        expect((BOT_SCOPES as readonly string[]).includes(scope), `${method} (${files.join(", ")}) needs ${scope}: missing from BOT_SCOPES (OAuth)`).toBe(true);
      }
    }
    // Every scope asked for is needed by a method, an event or the commands.
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    const needed = new Set([
      ...[...calls.keys()].flatMap((m) => METHOD_SCOPES[m]?.scopes ?? []),
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? [`<unknown event ${e}>`]),
      ...((manifest.features?.slash_commands ?? []).length + (manifest.features?.shortcuts ?? []).length > 0 ? COMMAND_SCOPES : []),
    ]);
    expect(new Set(asked)).toEqual(needed);
    expect(manifest.oauth_config?.scopes?.bot).toHaveLength(asked.size); // each scope once
  });

  it("reads what it calls from the code: the methods found are the table's", () => {
    // A table entry no code calls any more is a scope Spur may no longer need.
    expect(new Set(calls.keys())).toEqual(new Set(Object.keys(METHOD_SCOPES)));
    expect(calls.get("conversations.history")).toEqual(["src/slack/listeners/events/reaction-kudos.ts", "src/slack/slack-notifier.ts"]);
  });

  it("asks for the scope each subscribed event needs", () => {
    const asked = new Set(manifest.oauth_config?.scopes?.bot ?? []);
    for (const e of manifest.settings?.event_subscriptions?.bot_events ?? []) {
      expect(EVENT_SCOPES[e], `no scopes known for event ${e}`).toBeDefined();
      for (const scope of EVENT_SCOPES[e] ?? []) expect(asked.has(scope), `${e} needs ${scope}`).toBe(true);
    }
  });
});
