import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kudosSubmission, messageShortcut } from "../support/recognition-payloads.ts";
import { syncRoster } from "../support/roster.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  // Known from the workspace's roster, as after an install: the bot and the deactivated account are refused.
  await syncRoster(h);
  await h.setRecognitionSettings({ allowancePoints: 20, maxPointsPerGift: 5, companyValues: ["ownership", "empathy"] });
});
afterAll(async () => {
  await h?.stop();
});

const kudosRows = () => h.spur.db.kudos.findMany({ include: { recipient: true }, orderBy: { createdAt: "asc" } });

async function submit(user: string, form: Parameters<typeof kudosSubmission>[1], options?: Parameters<typeof kudosSubmission>[2]) {
  const res = await h.interaction(kudosSubmission(user, form, options));
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
}

describe("the kudos modal", () => {
  it("opens from /kudos with no text, with the workspace's values to pick from", async () => {
    await h.command("/kudos", "", { user: USERS.carl.id, triggerId: "trigger-open-modal" });
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-open-modal");
    const view = open.args.view as { callback_id: string; blocks: { block_id?: string; element?: { type: string } }[] };
    expect(view.callback_id).toBe("give_kudos");
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(["recipients", "points", "reason", "value"]);
    expect(view.blocks[0]?.element?.type).toBe("multi_users_select");
    expect(JSON.stringify(view)).toContain("#ownership");
  });

  it("gives kudos on a valid submission: closes the modal, confirms privately and shouts out", async () => {
    const answer = await submit(USERS.carl.id, { recipients: [USERS.ana.id, USERS.bo.id], points: "2", reason: "ran the Black Friday queue", value: "ownership" });
    expect(answer.response_action).toBeUndefined();
    const rows = await kudosRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.recipient.platformUserId).sort()).toEqual(["UANA", "UBO"]);
    for (const row of rows) {
      expect(row.source).toBe("modal");
      expect(row.points).toBe(2);
      expect(row.values).toEqual(["ownership"]);
      expect(row.reason).toBe("ran the Black Friday queue");
    }
    await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.carl.id && String(a.text).includes("Kudos sent"));
    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("Black Friday"));
    expect(shoutout.args.channel).toBe("CGENERAL");
  });

  it("stores a resubmitted view (Slack retry) once", async () => {
    const before = (await kudosRows()).length;
    await submit(USERS.dee.id, { recipients: [USERS.ana.id], reason: "retry me" }, { viewId: "VRETRY" });
    await submit(USERS.dee.id, { recipients: [USERS.ana.id], reason: "retry me" }, { viewId: "VRETRY" });
    expect((await kudosRows()).length).toBe(before + 1);
  });

  const invalid: [string, Parameters<typeof kudosSubmission>[1], string, string][] = [
    ["no recipients", { recipients: [], reason: "x" }, "recipients", "Pick at least one teammate"],
    ["an empty reason", { recipients: [USERS.ana.id], reason: "   " }, "reason", "Say what they did"],
    ["a reason that is too long", { recipients: [USERS.ana.id], reason: "x".repeat(501) }, "reason", "under 500 characters"],
    ["zero points", { recipients: [USERS.ana.id], points: "0", reason: "x" }, "points", "at least 1 point"],
    ["fractional points", { recipients: [USERS.ana.id], points: "1.5", reason: "x" }, "points", "whole number"],
    ["points above the cap", { recipients: [USERS.ana.id], points: "9", reason: "x" }, "points", "from 1 to 5 per gift"],
    ["self-kudos", { recipients: [USERS.carl.id], reason: "x" }, "recipients", "You can't give kudos to yourself"],
    ["a bot", { recipients: [USERS.bot.id], reason: "x" }, "recipients", "is a bot"],
    ["a deactivated user", { recipients: [USERS.gone.id], reason: "x" }, "recipients", "deactivated"],
    ["an unknown value", { recipients: [USERS.ana.id], reason: "x", value: "ownrship" }, "value", "Did you mean #ownership?"],
  ];
  for (const [name, form, block, message] of invalid) {
    it(`shows an inline error for ${name} and stores nothing`, async () => {
      const before = (await kudosRows()).length;
      const answer = await submit(USERS.carl.id, form);
      expect(answer.response_action).toBe("errors");
      expect(Object.keys(answer.errors ?? {})).toEqual([block]);
      expect(answer.errors?.[block]).toContain(message);
      expect((await kudosRows()).length).toBe(before);
    });
  }

  it("shows an inline error when a value is required and none is picked", async () => {
    await h.setRecognitionSettings({ valueRequired: true });
    const answer = await submit(USERS.carl.id, { recipients: [USERS.ana.id], reason: "x" });
    expect(answer.errors?.value).toContain("Please tag a company value");
    await h.setRecognitionSettings({ valueRequired: false });
  });
});

describe("the message shortcut", () => {
  it("opens the modal pre-filled with the author and a link, and the gift points at the message", async () => {
    const message = { channel: "CSUPPORT", ts: "1763900000.000200", text: "Fixed the billing export for Acme", author: USERS.bo.id };
    h.slack.addMessage(message.channel, { ts: message.ts, text: message.text, user: message.author });
    const res = await h.interaction(messageShortcut(USERS.dee.id, message));
    expect(res.status).toBe(200);
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === `trigger-shortcut-${message.ts}`);
    const view = open.args.view as { private_metadata: string; blocks: { element?: { initial_users?: string[] } }[] };
    const permalink = "https://spur-test.slack.com/archives/CSUPPORT/p1763900000000200";
    expect(JSON.stringify(view.blocks)).toContain(permalink);
    expect(view.blocks.find((b) => b.element?.initial_users)?.element?.initial_users).toEqual([USERS.bo.id]);

    const metadata = JSON.parse(view.private_metadata) as Record<string, unknown>;
    const answer = await submit(USERS.dee.id, { recipients: [USERS.bo.id], points: "3", reason: "saved the Acme export" }, { metadata });
    expect(answer.response_action).toBeUndefined();
    const row = (await kudosRows()).at(-1);
    expect(row?.source).toBe("shortcut");
    expect(row?.sourceRef).toBe(permalink);
    expect(row?.recipient.platformUserId).toBe(USERS.bo.id);
    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("saved the Acme export"));
    expect(shoutout.args.channel).toBe("CSUPPORT");
    expect(JSON.stringify(shoutout.args.blocks)).toContain(permalink);
  });

  it("keeps the link of a message in a private channel out of the gift and its public shoutout", async () => {
    await h.setRecognitionSettings({ recognitionChannelId: "CWINS" });
    h.slack.privateChannels.add("CLEADS");
    const message = { channel: "CLEADS", ts: "1763900000.000300", text: "Covered the escalation quietly", author: USERS.ana.id };
    h.slack.addMessage(message.channel, { ts: message.ts, text: message.text, user: message.author });
    expect((await h.interaction(messageShortcut(USERS.carl.id, message))).status).toBe(200);
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === `trigger-shortcut-${message.ts}`);
    const view = open.args.view as { private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).not.toContain("CLEADS");
    const metadata = JSON.parse(view.private_metadata) as Record<string, unknown>;
    expect(metadata.messageLink).toBeNull();
    await submit(USERS.carl.id, { recipients: [USERS.ana.id], points: "1", reason: "handled the quiet escalation" }, { metadata });
    const row = (await kudosRows()).at(-1);
    expect(row?.reason).toBe("handled the quiet escalation");
    expect(row?.sourceRef).toBeNull();
    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("handled the quiet escalation"));
    expect(shoutout.args.channel).toBe("CWINS");
    expect(JSON.stringify(shoutout.args)).not.toContain("CLEADS");
    await h.setRecognitionSettings({ recognitionChannelId: null });
  });
});

describe("what people see after a gift", () => {
  it("posts the shoutout in the recognition channel, DMs each recipient and, if enabled, their lead", async () => {
    await h.command("/spur", `role <@${USERS.carl.id}|carl> lead`, { user: USERS.admin.id });
    await waitForCommandReply(h, USERS.admin.id, "now a lead");
    await h.setRecognitionSettings({ recognitionChannelId: "CWINS", notifyLead: true });

    await submit(USERS.dee.id, { recipients: [USERS.ana.id], points: "2", reason: "wrote the outage FAQ", value: "empathy" });
    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("wrote the outage FAQ") && a.channel === "CWINS");
    expect(String(shoutout.args.text)).toContain("<@UDEE> gave <@UANA> 2 points");
    const dm = await h.slack.waitForCall("chat.postMessage", (a) => a.channel === USERS.ana.id && JSON.stringify(a.blocks).includes("outage FAQ"));
    expect(String(dm.args.text)).toContain("<@UDEE> gave you 2 points");
    expect(JSON.stringify(dm.args.blocks)).toContain("wrote the outage FAQ #empathy");
    const lead = await h.slack.waitForCall("chat.postMessage", (a) => a.channel === USERS.carl.id && JSON.stringify(a.blocks).includes("outage FAQ"));
    expect(String(lead.args.text)).toContain("Your team member <@UANA> got 2 points");
    expect(String(lead.args.text)).toContain("from <@UDEE>");
    // Nobody else was told.
    await new Promise((r) => setTimeout(r, 200));
    const dms = h.slack.callsTo("chat.postMessage").filter((c) => /^U/.test(String(c.args.channel)) && String(c.args.text).includes("2 points") && JSON.stringify(c.args.blocks).includes("outage FAQ"));
    expect(dms.map((c) => c.args.channel).sort()).toEqual([USERS.ana.id, USERS.carl.id]);
  });
});

describe("in Chinese", () => {
  it("shows a zh-CN member the modal and its errors in Chinese", async () => {
    await h.command("/kudos", "balance", { user: USERS.dee.id });
    await waitForCommandReply(h, USERS.dee.id, "You can still give");
    const dee = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.dee.id } });
    const setLocale = async (locale: string | null) => {
      await h.spur.services.memberRepo.setLocale(dee.id, locale);
      h.spur.services.members.invalidate(dee.workspaceId, USERS.dee.id);
    };
    await setLocale("zh-CN");
    try {
      await h.command("/kudos", "", { user: USERS.dee.id, triggerId: "trigger-open-zh" });
      const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-open-zh");
      const view = open.args.view as { title: { text: string }; submit: { text: string }; close: { text: string }; blocks: { label?: { text: string } }[] };
      expect([view.title.text, view.submit.text, view.close.text]).toEqual(["点赞", "发送", "取消"]);
      expect(view.blocks.flatMap((b) => (b.label ? [b.label.text] : []))).toEqual(["给谁点赞？", "每人积分（1–5）", "他们做了什么？", "公司价值观"]);

      const answer = await submit(USERS.dee.id, { recipients: [], reason: "x" });
      expect(answer.errors).toEqual({ recipients: "请至少选择一位同事。" });
    } finally {
      await setLocale(null);
    }
  });
});
