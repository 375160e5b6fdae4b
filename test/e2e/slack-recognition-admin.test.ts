import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandReplies } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
});
afterAll(async () => {
  await h?.stop();
});

async function say(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === user));
  const all = String(call.args.text) + JSON.stringify(call.args.blocks ?? "");
  expect(all).toContain(expectText);
  return all;
}

type Values = Record<string, Record<string, Record<string, unknown>>>;

function settingsState(overrides: Partial<Record<string, Record<string, unknown>>> = {}): Values {
  const base: Record<string, Record<string, unknown>> = {
    recognitionChannelId: { type: "conversations_select", selected_conversation: "CWINS" },
    allowancePoints: { type: "number_input", value: "8" },
    allowancePeriod: { type: "static_select", selected_option: { value: "week" } },
    maxPointsPerGift: { type: "number_input", value: "4" },
    cooldownMinutes: { type: "number_input", value: "30" },
    emojiPoints: { type: "plain_text_input", value: "star=1, tada=3" },
    companyValues: { type: "plain_text_input", value: "#Ownership, empathy" },
    valueRequired: { type: "checkboxes", selected_options: [] },
    leaderboardVisibility: { type: "static_select", selected_option: { value: "leads" } },
    notifyLead: { type: "checkboxes", selected_options: [{ value: "yes" }] },
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { value: v as Record<string, unknown> }]));
}

async function submitSettings(user: string, values: Values) {
  const res = await h.interaction({
    type: "view_submission",
    user: { id: user },
    view: { id: `VSET${Math.random().toString(36).slice(2)}`, type: "modal", callback_id: "spur_settings", private_metadata: "", state: { values } },
  });
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
}

describe("/spur settings", () => {
  it("refuses non-admins", async () => {
    await say(USERS.ana.id, "/spur", "settings", "Only Spur admins can change settings");
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
  });

  it("opens the settings form for an admin, with the current values", async () => {
    await h.command("/spur", "settings", { user: USERS.admin.id, triggerId: "trigger-settings" });
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-settings");
    const view = JSON.stringify(open.args.view);
    expect(view).toContain('"callback_id":"spur_settings"');
    expect(view).toContain("star=1");
    expect(view).toContain('"initial_value":"5"');
  });

  it("validates inline and saves nothing on errors", async () => {
    const answer = await submitSettings(USERS.admin.id, settingsState({
      allowancePoints: { type: "number_input", value: "0" },
      emojiPoints: { type: "plain_text_input", value: "star=lots" },
    }));
    expect(answer.response_action).toBe("errors");
    expect(answer.errors?.allowancePoints).toContain("from 1 to 1000");
    expect(answer.errors?.emojiPoints).toContain("Points for :star:");
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("refuses a forged submission from a non-admin", async () => {
    const answer = await submitSettings(USERS.ana.id, settingsState());
    expect(answer.response_action).toBe("errors");
    expect(JSON.stringify(answer.errors)).toContain("Only Spur admins");
    expect(await h.spur.db.recognitionSettings.count()).toBe(0);
  });

  it("saves an admin's settings and writes the change to the audit log", async () => {
    const answer = await submitSettings(USERS.admin.id, settingsState());
    expect(answer.response_action).toBeUndefined();
    const saved = await h.spur.db.recognitionSettings.findFirstOrThrow();
    expect(saved).toMatchObject({
      recognitionChannelId: "CWINS",
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
    expect(entry.actorUserId).toBe(USERS.admin.id);
    expect(entry.details).toMatchObject({ allowancePoints: { from: 5, to: 8 }, allowancePeriod: { from: "day", to: "week" } });
    await h.slack.waitForCall("chat.postMessage", (a) => a.channel === USERS.admin.id && String(a.text).includes("Saved"));
  });
});

describe("/spur revoke", () => {
  let giftId = "";

  beforeAll(async () => {
    await say(USERS.bo.id, "/kudos", `${esc(USERS.ana)} 4 gamed the system #ownership`, "Kudos sent");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 1 real help #empathy`, "Kudos sent");
    giftId = (await h.spur.db.kudos.findFirstOrThrow({ where: { reason: "gamed the system" } })).giftId;
  });

  it("shows kudos ids in history, and refuses non-admins", async () => {
    await say(USERS.ana.id, "/kudos", "history", giftId.slice(0, 8));
    await say(USERS.carl.id, "/spur", `revoke ${giftId.slice(0, 8)} not fair`, "Only Spur admins");
    expect(await h.spur.db.kudos.count({ where: { revokedAt: { not: null } } })).toBe(0);
  });

  it("revokes for an admin: recorded in the audit log and no longer counted in totals", async () => {
    await say(USERS.ana.id, "/scorecard", "", "*Kudos received:* 2 kudos, 5 points");
    await say(USERS.admin.id, "/spur", `revoke ${giftId.slice(0, 8)} points traded for lunch`, "Revoked kudos");
    const entry = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "kudos.revoke" } });
    expect(entry).toMatchObject({ actorUserId: USERS.admin.id, target: giftId, reason: "points traded for lunch" });
    expect(entry.details).toMatchObject({ points: 4, recipientUserIds: [USERS.ana.id] });
    await say(USERS.ana.id, "/scorecard", "", "*Kudos received:* 1 kudos, 1 point");
    await say(USERS.admin.id, "/leaderboard", "", "<@UANA> — 1 point (1 kudos)");
    await say(USERS.ana.id, "/kudos", "history", "(revoked)");
    // The giver gets their allowance back.
    await say(USERS.bo.id, "/kudos", "balance", "You can still give *8 points* this week");
  });

  it("explains an unknown or already revoked id", async () => {
    await say(USERS.admin.id, "/spur", `revoke ${giftId.slice(0, 8)} again`, "already revoked");
    await say(USERS.admin.id, "/spur", "revoke deadbeef nothing", "couldn't find kudos `deadbeef`");
  });

  it("answers in the workspace's language", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      await say(USERS.admin.id, "/spur", "revoke deadbeef nothing", "在此工作区中找不到点赞 `deadbeef`");
      await say(USERS.admin.id, "/spur", "settings cooldown 0", "点赞设置 —— 已保存：点赞间隔。");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});

describe("/spur locale", () => {
  it("shows the workspace's language, and lets only admins change it (audited)", async () => {
    await say(USERS.admin.id, "/spur", "locale", "Spur speaks English (en) in this workspace");
    await say(USERS.ana.id, "/spur", "locale zh-CN", "Only Spur admins can change settings");
    await say(USERS.admin.id, "/spur", "locale fr", "Usage: `/spur locale en|zh-CN`");
    await say(USERS.admin.id, "/spur", "help", "`/spur locale en|zh-CN`");
    await say(USERS.admin.id, "/spur", "locale zh-CN", "Spur now speaks Simplified Chinese (zh-CN)");
    const entry = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "workspace.locale" } });
    expect(entry).toMatchObject({ actorUserId: USERS.admin.id, details: { from: "en", to: "zh-CN" } });
    expect((await h.spur.db.workspace.findFirstOrThrow()).locale).toBe("zh-CN");
  });

  it("answers admins in Chinese afterwards", async () => {
    await say(USERS.admin.id, "/spur", "awards", "Default team 的月度奖项已开启");
    await say(USERS.admin.id, "/spur", "locale", "Spur 在本工作区使用简体中文（zh-CN）");
    await say(USERS.admin.id, "/spur", "frobnicate", "我不认识 `/spur frobnicate`");
    await say(USERS.admin.id, "/spur", "forget", "用法：`/spur forget @member`");
    // The confirmation still comes in the language being left; the next reply is English again.
    await say(USERS.admin.id, "/spur", "locale en", "Spur 现在在本工作区使用英语（en）");
    await say(USERS.admin.id, "/spur", "awards", "The monthly awards for Default team are on");
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "workspace.locale" } })).toBe(2);
  });
});
