// Every subcommand Slack's help documents has a working Teams route: `/spur <verb>` is `admin <verb>` and
// `/kudos <verb>` is `kudos <verb>`. (test/unit/teams-commands.test.ts does the same for the slash commands.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kudosUsage } from "../../src/core/recognition/kudos-command.ts";
import { mrkdwn } from "../../src/slack/render/mrkdwn.ts";
import { promptsUsage } from "../../src/core/recognition/prompt-command.ts";
import { renderBody } from "../../src/slack/render/blocks.ts";
import { spurHelp } from "../../src/use-cases/admin/spur-help.ts";
import { textOf } from "../support/fake-bot-connector.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { type Say, startTeams, type TeamsSetup } from "../support/teams-chat.ts";

function documented(usage: string, command: "/spur" | "/kudos"): string[] {
  const verbs = [...usage.matchAll(new RegExp(`\`${command} ([a-z][a-z-]*)`, "g"))].map((m) => m[1]!);
  return [...new Set(verbs)];
}

// `/spur help` as Slack shows it (its mrkdwn blocks).
const SLACK_SPUR_HELP = JSON.stringify(renderBody(spurHelp("slack"), "en").blocks);
const SPUR_VERBS = documented([SLACK_SPUR_HELP, ...promptsUsage().map((line) => mrkdwn(line, "en"))].join("\n"), "/spur");
const KUDOS_VERBS = documented(mrkdwn(kudosUsage(), "en"), "/kudos");

let say: Say;
let teams: TeamsSetup;

beforeAll(async () => {
  teams = await startTeams();
  say = teams.chat.say;
});
afterAll(async () => {
  await teams?.stop();
});

describe("Teams routes for Slack's subcommands", () => {
  it("finds the subcommands in Slack's help", () => {
    expect(SPUR_VERBS).toEqual(expect.arrayContaining(["role", "channel", "timezone", "digest", "status", "settings", "revoke", "targets", "api-token", "helpdesk", "prompts", "leaderboard-post", "awards", "locale", "export", "forget"]));
    expect(KUDOS_VERBS).toEqual(expect.arrayContaining(["balance", "history"]));
  });

  it.each(SPUR_VERBS)("admin %s is handled in Teams", async (verb) => {
    // Carl owns the team, so he is a Spur admin; a personal chat, where secrets may be shown.
    const reply = textOf(await say(TEAMS_USERS.carl, [`admin ${verb}`], undefined, "personal"));
    expect(reply).not.toContain("I don't know");
    expect(reply).not.toContain("Something went wrong");
  });

  it.each(KUDOS_VERBS)("kudos %s is handled in Teams", async (verb) => {
    const reply = textOf(await say(TEAMS_USERS.ana, [`kudos ${verb}`]));
    expect(reply).not.toContain("Something went wrong");
    expect(reply).not.toMatch(/I couldn't find|in Slack/);
  });
});
