// Teams counterpart of slack-team-settings-form: `admin team <name> settings` opens the same form as an input
// card (the channels Spur is in and the team's roster to pick from; no user group field: groups are Slack's),
// its Save runs the same use case, and `admin team <name> follow` answers that user groups are a Slack feature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, errorUnder, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { bo, carl, dee } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let chat: TeamsChat;
let formState = "";

interface CardInput {
  id?: string;
  type: string;
  value?: unknown;
  choices?: { title: string; value: string }[];
}

beforeAll(async () => {
  t = await startTeams();
  ({ h, chat } = t);
  await chat.say(carl, ["admin team create Tier 1"], "Team Tier 1 created");
  await chat.say(carl, ["admin team Tier 1 lead add ", bo], "Now leading Tier 1");
});
afterAll(async () => {
  await t?.stop();
});

const save = (data: Record<string, unknown>) => chat.click(carl, "team.settings", { formState, ...data }, "channel");

describe("Teams: the team settings card", () => {
  it("answers that user groups are a Slack feature", async () => {
    await chat.say(carl, ["admin team Tier 1 follow @tier1"], "User groups are a Slack feature");
  });

  it("opens with the team's values, people from the roster and no user group field", async () => {
    const reply = await chat.say(carl, ["admin team Tier 1 settings"], "Settings of Tier 1");
    const card = cardOf(reply) as { body: CardInput[] };
    const inputs = card.body.filter((e) => e.id);
    expect(inputs.map((e) => [e.id, e.type])).toEqual([
      ["name", "Input.Text"],
      ["channelId", "Input.ChoiceSet"],
      ["timeZone", "Input.Text"],
      ["digestDay", "Input.ChoiceSet"],
      ["digestTime", "Input.Text"],
      ["leads", "Input.ChoiceSet"],
    ]);
    const leads = inputs.find((e) => e.id === "leads");
    expect(leads?.value).toBe(bo.id);
    expect(leads?.choices?.map((c) => c.value)).toContain(dee.id);
    const [send] = executeActions(card);
    expect(send?.verb).toBe("team.settings");
    formState = String(send?.data.formState);
  });

  it("shows a bad time under its field and saves the rest only when all is valid", async () => {
    const bad = await save({ name: "Tier 1", channelId: "none", timeZone: "Asia/Shanghai", digestDay: "2", digestTime: "9am", leads: dee.id });
    expect(errorUnder(bad.value, "digestTime")).toBe("⚠️ Use a 24-hour time such as 09:00.");
    expect(await h.spur.db.team.findFirstOrThrow({ where: { name: "Tier 1" } })).toMatchObject({ timeZone: "UTC" });

    const good = await save({ name: "Tier 1", channelId: "none", timeZone: "Asia/Shanghai", digestDay: "2", digestTime: "09:30", leads: dee.id });
    expect(good.text).toContain("Tier 1 now runs on Asia/Shanghai time");
    expect(await h.spur.db.team.findFirstOrThrow({ where: { name: "Tier 1" } })).toMatchObject({ timeZone: "Asia/Shanghai", digestDay: 2, digestMinuteOfDay: 570, userGroupId: null });
    const leads = await h.spur.db.teamLead.findMany({ where: { team: { name: "Tier 1" } }, include: { member: true } });
    expect(leads.map((l) => l.member.platformUserId)).toEqual([dee.id]);
  });
});
