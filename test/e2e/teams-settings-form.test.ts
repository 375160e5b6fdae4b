// Teams counterpart of slack-settings-form: the recognition settings card opened by `admin settings` alone,
// its Save (valid, invalid with a message under each field, from a non-admin), in English and Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { GENERAL, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, errorUnder, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

// Carl owns the team (the roster says so), so he is a Spur admin.
const { ana, carl } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let chat: TeamsChat;
let formState = "";

interface CardInput {
  id?: string;
  type: string;
  label?: string;
  title?: string;
  text?: string;
  value?: unknown;
  choices?: { title: string; value: string }[];
}

beforeAll(async () => {
  t = await startTeams();
  ({ h, chat } = t);
});
afterAll(async () => {
  await t?.stop();
});

const valid = {
  recognitionChannelId: GENERAL,
  allowancePoints: 8,
  allowancePeriod: "week",
  maxPointsPerGift: "4",
  cooldownMinutes: "30",
  emojiPoints: "star=1, tada=3",
  companyValues: "#Ownership, empathy",
  valueRequired: "false",
  leaderboardVisibility: "leads",
  notifyLead: "true",
};

const save = (data: Record<string, unknown>, from = carl) => chat.click(from, "recognition.settings", { formState, ...data }, "channel");

describe("Teams: the settings card", () => {
  it("is refused to non-admins", async () => {
    const reply = await chat.say(ana, ["admin settings"], "Only Spur admins can change settings");
    expect(cardOf(reply) && executeActions(cardOf(reply))).toEqual([]);
  });

  it("opens for an admin with every setting, the channels Spur is in to pick from, and yes/no toggles", async () => {
    const reply = await chat.say(carl, ["admin settings"], "Recognition settings");
    const card = cardOf(reply) as { body: CardInput[] };
    const inputs = card.body.filter((e) => e.id);
    expect(inputs.map((e) => e.id)).toEqual([
      "recognitionChannelId",
      "allowancePoints",
      "allowancePeriod",
      "maxPointsPerGift",
      "cooldownMinutes",
      "emojiPoints",
      "companyValues",
      "valueRequired",
      "leaderboardVisibility",
      "notifyLead",
    ]);
    expect(inputs[0]).toMatchObject({
      type: "Input.ChoiceSet",
      choices: [{ title: "None: each team's own channel", value: "none" }, { title: "General", value: GENERAL }],
      value: "none",
    });
    expect(inputs[7]).toMatchObject({ type: "Input.Toggle", title: "Every kudos must name a company value", value: "false", valueOn: "true", valueOff: "false" });
    const [send] = executeActions(card);
    expect(send?.verb).toBe("recognition.settings");
    formState = String(send?.data.formState);
  });

  it("shows each problem under its field and saves nothing", async () => {
    const answer = await save({ ...valid, allowancePoints: "0", emojiPoints: "star=lots", recognitionChannelId: "19:elsewhere@thread.tacv2", allowancePeriod: "month" });
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(errorUnder(answer.value, "allowancePoints")).toContain("The allowance must be a whole number from 1 to 1000.");
    expect(errorUnder(answer.value, "emojiPoints")).toContain("Points for :star: must be a whole number from 1 to 100.");
    expect(errorUnder(answer.value, "recognitionChannelId")).toContain("Pick a channel from the list.");
    expect(errorUnder(answer.value, "allowancePeriod")).toContain("Pick one of the choices.");
    expect(errorUnder(answer.value, "cooldownMinutes")).toBeNull();
    // What was typed stays in the card.
    expect(answer.text).toContain('"value":"star=lots"');
    expect(await h.spur.db.recognitionSettings.count()).toBe(0);
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("answers in the workspace's language when the admin's Teams sends none", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const answer = await save({ ...valid, maxPointsPerGift: "9", companyValues: "no spaces!" });
      expect(errorUnder(answer.value, "maxPointsPerGift")).toContain("单次点赞积分不能超过积分额度。");
      expect(errorUnder(answer.value, "companyValues")).toContain("“spaces!”不是有效的价值观名称");
      expect(answer.text).toContain("保存");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });

  it("refuses a Save from a non-admin", async () => {
    const answer = await save(valid, ana);
    expect(answer.text).toContain("Only Spur admins can change settings");
    expect(await h.spur.db.recognitionSettings.count()).toBe(0);
  });

  it("refuses a card it can't read", async () => {
    const answer = await chat.click(carl, "recognition.settings", { ...valid, formState: "not json" }, "channel");
    expect(answer.text).toContain("Spur couldn't read this form. Open it again with admin settings.");
  });

  it("saves an admin's settings, writes the change to the audit log and says what changed", async () => {
    const answer = await save(valid);
    expect(answer.text).toContain("Recognition settings — Saved: recognition channel, allowance, allowance period, points per gift,");
    const saved = await h.spur.db.recognitionSettings.findFirstOrThrow();
    expect(saved).toMatchObject({
      recognitionChannelId: GENERAL,
      allowancePoints: 8,
      allowancePeriod: "week",
      maxPointsPerGift: 4,
      cooldownMinutes: 30,
      emojiPoints: { star: 1, tada: 3 },
      companyValues: ["ownership", "empathy"],
      valueRequired: false,
      leaderboardVisibility: "leads",
      notifyLead: true,
    });
    const entry = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(entry.actorUserId).toBe(carl.id);
    expect(entry.details).toMatchObject({ allowancePoints: { from: 5, to: 8 }, recognitionChannelId: { from: null, to: GENERAL } });
    // The card opens with the saved values next time, and "none" clears the channel.
    const reopened = cardOf(await chat.say(carl, ["admin settings"], "Recognition settings")) as { body: CardInput[] };
    expect(reopened.body.find((e) => e.id === "recognitionChannelId")?.value).toBe(GENERAL);
    expect(reopened.body.find((e) => e.id === "notifyLead")?.value).toBe("true");
    expect((await save({ ...valid, recognitionChannelId: "none" })).text).toContain("Saved: recognition channel.");
    expect((await h.spur.db.recognitionSettings.findFirstOrThrow()).recognitionChannelId).toBeNull();
    expect(textOf(await chat.say(carl, ["kudos balance"]))).toContain("8 points this week");
  });
});
