// Teams counterpart of slack-recognition-admin: recognition settings (the settings card, and one setting as
// text) and revoking kudos, admin-only and written to the audit log. The card's submissions: teams-settings-form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentActivity } from "../support/fake-bot-connector.ts";
import { type Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, type Say, startTeams, type TeamsSetup } from "../support/teams-chat.ts";

// Carl owns the team (the roster says so), so he is a Spur admin.
const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let say: Say;
let teams: TeamsSetup;

beforeAll(async () => {
  teams = await startTeams();
  ({ h } = teams);
  say = teams.chat.say;
});
afterAll(async () => {
  await teams?.stop();
});

const savedSettings = () => h.spur.db.recognitionSettings.findFirst();

/** The settings card's inputs by id. */
function settingsCard(sent: SentActivity): Record<string, { label?: string; value?: unknown }> {
  const card = cardOf(sent) as { body: { id?: string; label?: string; value?: unknown }[] };
  return Object.fromEntries(card.body.filter((e) => e.id).map((e) => [e.id, e]));
}

describe("Teams: admin settings", () => {
  it("refuses non-admins", async () => {
    await say(ana, ["admin settings"], "Only Spur admins");
    await say(ana, ["admin settings allowance 50"], "Only Spur admins");
    expect(await savedSettings()).toBeNull();
  });

  it("shows an admin the current settings (in the settings card), and how to change them in help", async () => {
    const shown = settingsCard(await say(carl, ["admin settings"], "Recognition settings"));
    expect(shown.allowancePoints?.value).toBe(5);
    expect(shown.allowancePeriod?.value).toBe("day");
    expect(shown.cooldownMinutes?.value).toBe(0);
    expect(shown.emojiPoints?.value).toBe("star=1");
    await say(carl, ["admin help"], "admin settings allowance 8 day|week");
  });

  it("validates each change with a specific message and saves nothing on errors", async () => {
    await say(carl, ["admin settings allowance 0"], "The allowance must be a whole number from 1 to 1000.");
    await say(carl, ["admin settings max-points 9"], "Points per gift can't be more than the allowance.");
    await say(carl, ["admin settings emoji star=0"], "Points for :star: must be a whole number from 1 to 100.");
    await say(carl, ["admin settings value-required on"], "List the company values to require one.");
    await say(carl, ["admin settings allowance many"], "Usage: `admin settings allowance <points> [day|week]`");
    await say(carl, ["admin settings colour blue"], "I don't know the setting `colour`");
    expect(await savedSettings()).toBeNull();
    expect(await h.spur.db.auditLogEntry.count()).toBe(0);
  });

  it("saves an admin's changes one by one and writes each to the audit log", async () => {
    await say(carl, ["admin settings allowance 8 week"], "Saved: allowance and allowance period.");
    await say(carl, ["admin settings max-points 4"], "Saved: points per gift.");
    await say(carl, ["admin settings cooldown 30"], "Saved: cool-down.");
    await say(carl, ["admin settings emoji star=1, tada=3"], "Saved: kudos emoji.");
    await say(carl, ["admin settings values #Ownership, empathy"], "Saved: company values.");
    await say(carl, ["admin settings leaderboard leads"], "Saved: leaderboard visibility.");
    await say(carl, ["admin settings notify-lead on"], "Saved: lead notifications.");
    await say(carl, ["admin settings notify-lead on"], "Nothing changed.");
    expect(await savedSettings()).toMatchObject({
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
    const entries = await h.spur.db.auditLogEntry.findMany({ where: { action: "settings.update" }, orderBy: { createdAt: "asc" } });
    expect(entries).toHaveLength(7);
    expect(entries[0]!.actorUserId).toBe(carl.id);
    expect(entries[0]!.details).toMatchObject({ allowancePoints: { from: 5, to: 8 }, allowancePeriod: { from: "day", to: "week" } });
    // The new rules apply at once.
    await say(bo, ["kudos ", ana, " 5 too much #ownership"], "from 1 to 4");
  });
});

describe("Teams: admin revoke", () => {
  let giftId = "";

  beforeAll(async () => {
    await say(bo, ["kudos ", ana, " 4 gamed the system #ownership"], "Kudos sent");
    await say(dee, ["kudos ", ana, " 1 real help #empathy"], "Kudos sent");
    giftId = (await h.spur.db.kudos.findFirstOrThrow({ where: { reason: "gamed the system" } })).giftId;
  });

  it("shows kudos ids in history, and refuses non-admins", async () => {
    await say(ana, ["kudos history"], giftId.slice(0, 8));
    await say(dee, ["admin revoke ", `${giftId.slice(0, 8)} not fair`], "Only Spur admins");
    expect(await h.spur.db.kudos.count({ where: { revokedAt: { not: null } } })).toBe(0);
  });

  it("revokes for an admin: recorded in the audit log and no longer counted in totals", async () => {
    await say(ana, ["scorecard"], "2 kudos, 5 points", "personal");
    await say(carl, [`admin revoke ${giftId.slice(0, 8)} points traded for lunch`], "Revoked kudos");
    const entry = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "kudos.revoke" } });
    expect(entry).toMatchObject({ actorUserId: carl.id, target: giftId, reason: "points traded for lunch" });
    expect(entry.details).toMatchObject({ points: 4, recipientUserIds: [ana.id] });
    await say(ana, ["scorecard"], "1 kudos, 1 point", "personal");
    await say(carl, ["leaderboard"], '🥇 Ana Alves — 1 point (1 kudos)');
    await say(ana, ["kudos history"], "(revoked)");
    // The giver gets their allowance back.
    await say(bo, ["kudos balance"], "You can still give 8 points this week (0 of 8 used)");
  });

  it("explains an unknown or already revoked id", async () => {
    await say(carl, [`admin revoke ${giftId.slice(0, 8)} again`], "already revoked");
    await say(carl, ["admin revoke deadbeef nothing"], "couldn't find kudos `deadbeef`");
  });

  it("answers in the workspace's language", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      await say(carl, ["admin revoke deadbeef nothing"], "在此工作区中找不到点赞 `deadbeef`");
      const shown = settingsCard(await say(carl, ["admin settings"], "点赞设置"));
      expect(shown.cooldownMinutes).toMatchObject({ label: "给同一位同事两次点赞的间隔（分钟，0 = 不限制）", value: 30 });
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});

describe("Teams: admin locale", () => {
  it("lets an admin switch the workspace to Chinese; admin replies come in Chinese afterwards", async () => {
    await say(carl, ["admin locale"], "Spur speaks English (en) in this workspace");
    await say(ana, ["admin locale zh-CN"], "Only Spur admins can change settings");
    await say(carl, ["admin help"], "admin locale en|zh-CN");
    await say(carl, ["admin locale zh-CN"], "Spur now speaks Simplified Chinese (zh-CN)");
    expect(await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "workspace.locale" } })).toMatchObject({ actorUserId: carl.id, details: { from: "en", to: "zh-CN" } });
    await say(carl, ["admin awards"], "的月度奖项已开启");
    await say(carl, ["admin frobnicate"], "我不认识 `admin frobnicate`");
    await say(carl, ["admin forget"], "用法：`admin forget @member`");
    await say(ana, ["admin timezone Europe/Berlin"], "只有 Spur 管理员可以修改设置");
    // The confirmation still comes in the language being left; the next reply is English again.
    await say(carl, ["admin locale en"], "Spur 现在在本工作区使用英语（en）");
    await say(carl, ["admin locale"], "Spur speaks English (en) in this workspace");
  });
});
