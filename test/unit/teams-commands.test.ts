// Every chat command Spur answers in Slack has a Teams route, and the Teams routes are the ones the bot has.
import { describe, expect, it } from "vitest";
import type { Services } from "../../src/app/services.ts";
import { registerListeners } from "../../src/slack/app.ts";
import type { ListenerTable } from "../../src/slack/listener-table.ts";
import { TEAMS_COMMAND_FOR_SLACK, TEAMS_COMMANDS } from "../../src/teams/commands/index.ts";

/** The slash commands the Slack listeners register (other listener kinds are ignored here). */
function slackCommands(): string[] {
  const commands: string[] = [];
  const app = new Proxy(
    {},
    { get: (_target, method) => (method === "command" ? (name: unknown) => commands.push(String(name)) : () => undefined) },
  ) as unknown as ListenerTable;
  registerListeners(app, {} as Services);
  return commands;
}

describe("Teams command routes", () => {
  it("has a Teams command for every Slack slash command", () => {
    const commands = slackCommands();
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const teams = TEAMS_COMMAND_FOR_SLACK[command];
      expect(teams, `${command} has no Teams route`).toBeDefined();
      expect(TEAMS_COMMANDS.map((c) => c.name)).toContain(teams);
    }
  });

  it("keeps manifest limits on titles and descriptions", () => {
    for (const command of TEAMS_COMMANDS) {
      expect(command.name).toMatch(/^[a-z]+$/);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    expect(new Set(TEAMS_COMMANDS.map((c) => c.name)).size).toBe(TEAMS_COMMANDS.length);
  });
});
