// Teams counterpart of slack-kudos-modal.test.ts: the kudos form card and its inline validation errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { cardAction, GENERAL, message, parseCardActionResponse, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
const helper = { id: "28:helper-bot", name: "Helpdesk Bot" };
// In the team's roster, but she has never used Spur nor been mentioned: Spur doesn't know her yet.
const eve = { id: "29:eve", name: "Eve Evans", aadObjectId: "aad-eve", email: "eve@contoso.com", userPrincipalName: "eve@contoso.com" };
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;
let chat: TeamsChat;
let formId = "";

beforeAll(async () => {
  t = await startTeams({ roster: [...TEAMS_ROSTER, eve, helper] });
  ({ h, connector, chat } = t);
  const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
  await h.spur.db.recognitionSettings.create({
    data: { workspaceId: workspace.id, allowancePoints: 20, maxPointsPerGift: 5, companyValues: ["ownership", "empathy"] },
  });
  // Spur knows people once they have used it or been mentioned.
  await chat.say(dee, ["kudos ", ana, " ", bo, " welcome aboard"], "Kudos sent");
});
afterAll(async () => {
  await t?.stop();
});

/** Through the settings store, as an admin's change would go (it keeps its cache in step). */
async function setValueRequired(valueRequired: boolean) {
  const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
  const current = await h.spur.services.recognitionSettings.get(workspace.id);
  const audit = { workspaceId: workspace.id, actorUserId: "test-setup", action: "settings.update" as const, target: null, details: {}, reason: "test setup" };
  await h.spur.services.recognitionSettings.save(workspace.id, { ...current, valueRequired }, audit);
}

const kudosRows = () => h.spur.db.kudos.findMany({ include: { recipient: true }, orderBy: { createdAt: "asc" } });

function submit(form: Record<string, unknown>, from = carl, id = formId) {
  // The card's number input always submits a value (1 unless changed).
  return chat.click(from, "kudos.submit", { formId: id, points: "1", ...form }, "channel");
}

describe("Teams: the kudos form card", () => {
  it("opens from `kudos` with no text, with the teammates from the Teams roster and the workspace's values to pick from", async () => {
    const pagesBefore = connector.rosterPages.length;
    const reply = await chat.say(carl, ["kudos"], "Give kudos");
    const card = cardOf(reply) as { body: { id?: string; choices?: { title: string; value: string }[] }[] };
    const inputs = card.body.filter((e) => e.id).map((e) => e.id);
    expect(inputs).toEqual(["recipients", "points", "reason", "value"]);
    // Everyone in the roster but the giver and the bot, Eve included, sorted by name.
    expect(card.body[1]?.choices).toEqual([
      { title: "Ana Alves", value: ana.id },
      { title: "Bo Berg", value: bo.id },
      { title: "Dee Diaz", value: dee.id },
      { title: "Eve Evans", value: eve.id },
    ]);
    // The roster was read page by page (the fake connector serves two members a page).
    const pages = connector.rosterPages.slice(pagesBefore);
    expect(pages.map((p) => p.continuationToken)).toEqual([null, "2", "4"]);
    expect(pages.every((p) => p.conversationId === GENERAL)).toBe(true);
    expect(textOf(reply)).toContain("#ownership");
    const [send] = executeActions(card);
    expect(send?.verb).toBe("kudos.submit");
    formId = String(send?.data.formId);
    expect(formId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives kudos on a valid submission: replaces the form with the confirmation and shouts out", async () => {
    const since = connector.sent.length;
    const answer = await submit({ recipients: `${ana.id},${bo.id}`, points: "2", reason: "ran the Black Friday queue", value: "ownership" });
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(answer.text).toContain("Kudos sent! Ana Alves and Bo Berg each got 2 points.");
    const rows = (await kudosRows()).filter((r) => r.reason === "ran the Black Friday queue");
    expect(rows.map((r) => r.recipient.platformUserId).sort()).toEqual([ana.id, bo.id]);
    for (const row of rows) expect(row).toMatchObject({ source: "modal", points: 2, values: ["ownership"] });
    const shoutout = await connector.waitFor(() => connector.sent.slice(since).find((s) => textOf(s).includes("Black Friday") && !s.replyToId && !s.conversationId.startsWith("a:")));
    expect(shoutout.conversationId).toBe(GENERAL);
  });

  it("gives kudos to a roster member Spur did not know yet", async () => {
    expect(await h.spur.db.member.count({ where: { platformUserId: eve.id } })).toBe(0);
    const answer = await submit({ recipients: eve.id, reason: "answered the pager at 3 am" }, carl, crypto.randomUUID());
    expect(answer.text).toContain("Kudos sent! Eve Evans got 1 point.");
    const [row] = (await kudosRows()).filter((r) => r.reason === "answered the pager at 3 am");
    expect(row?.recipient).toMatchObject({ platformUserId: eve.id, displayName: "Eve Evans" });
  });

  it("stores a form submitted twice once, per giver", async () => {
    const before = (await kudosRows()).length;
    const again = await submit({ recipients: `${ana.id},${bo.id}`, points: "2", reason: "ran the Black Friday queue", value: "ownership" });
    expect(again.text).toContain("already recorded");
    expect((await kudosRows()).length).toBe(before);
    // The same form card in a channel, filled in by someone else, is their own gift.
    const other = await submit({ recipients: ana.id, reason: "ran the Black Friday queue" }, bo);
    expect(other.text).toContain("Kudos sent! Ana Alves got 1 point.");
    expect((await kudosRows()).length).toBe(before + 1);
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ["no recipients", { recipients: "", reason: "x" }, "recipients", "Pick at least one teammate"],
    ["an empty reason", { recipients: ana.id, reason: "   " }, "reason", "Say what they did"],
    ["a reason that is too long", { recipients: ana.id, reason: "x".repeat(501) }, "reason", "under 500 characters"],
    ["zero points", { recipients: ana.id, points: "0", reason: "x" }, "points", "at least 1 point"],
    ["fractional points", { recipients: ana.id, points: "1.5", reason: "x" }, "points", "whole number"],
    ["points above the cap", { recipients: ana.id, points: 9, reason: "x" }, "points", "from 1 to 5 per gift"],
    ["self-kudos", { recipients: carl.id, reason: "x" }, "recipients", "You can't give kudos to yourself"],
    ["a bot", { recipients: helper.id, reason: "x" }, "recipients", "is a bot"],
    ["someone outside the team", { recipients: "29:stranger", reason: "x" }, "recipients", "couldn't find"],
    ["an unknown value", { recipients: ana.id, reason: "x", value: "ownrship" }, "value", "Did you mean #ownership?"],
  ];
  for (const [name, form, field, message] of invalid) {
    it(`shows an inline error for ${name}, keeps what was entered and stores nothing`, async () => {
      const before = (await kudosRows()).length;
      const answer = await submit(form, carl, crypto.randomUUID());
      expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
      const body = (answer.value as { body: { id?: string; text?: string; color?: string }[] }).body;
      const errors = body.filter((e) => e.color === "Attention");
      expect(errors).toHaveLength(1);
      expect(errors[0]?.text).toContain(message);
      // The error sits right under its field.
      expect(body[body.indexOf(errors[0]!) - 1]?.id).toBe(field);
      if (typeof form.reason === "string" && form.reason.trim() && form.reason.length <= 500) expect(answer.text).toContain(`"value":"${form.reason}"`);
      expect((await kudosRows()).length).toBe(before);
    });
  }

  it("shows an inline error when a value is required and none is picked", async () => {
    await setValueRequired(true);
    const answer = await submit({ recipients: ana.id, reason: "x" }, carl, crypto.randomUUID());
    expect(answer.text).toContain("Please tag a company value");
    await setValueRequired(false);
  });

  it("answers a forged or stale form with a message and stores nothing", async () => {
    const before = (await kudosRows()).length;
    const answer = await chat.click(carl, "kudos.submit", { recipients: ana.id, reason: "x" }, "channel");
    expect(answer.type).toBe("application/vnd.microsoft.activity.message");
    expect(answer.text).toContain("Spur couldn't read that card");
    const unknown = await chat.click(carl, "kudos.delete-everything", {}, "channel");
    expect(unknown.text).toContain("Spur couldn't read that card");
    expect((await kudosRows()).length).toBe(before);
  });

  it("speaks Chinese to a member whose Teams is in zh-CN: the card, its labels and its errors", async () => {
    // Dee's activities say zh-CN; Spur remembers it for her.
    const activity = { ...message(dee, ["kudos"], { serviceUrl: connector.url, scope: "channel" }), locale: "zh-CN" };
    const since = connector.sent.length;
    expect((await h.teams(activity)).status).toBe(200);
    const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
    const card = cardOf(reply) as { body: { id?: string; text?: string; label?: string; choices?: { title: string }[] }[] };
    expect(card.body[0]?.text).toBe("点赞");
    expect(card.body.filter((e) => e.id).map((e) => e.label)).toEqual(["给谁点赞？", "每人积分（1–5）", "他们做了什么？", "公司价值观（选填）"]);
    const [send] = executeActions(card);
    expect(send?.title).toBe("发送");

    const res = await h.teams({ ...cardAction(dee, "kudos.submit", { ...send?.data, recipients: "", points: "1", reason: "x" }, { serviceUrl: connector.url, scope: "channel" }), locale: "zh-CN" });
    const answer = parseCardActionResponse(res.body);
    const body = (answer.value as { body: { text?: string; color?: string }[] }).body;
    expect(body.filter((e) => e.color === "Attention").map((e) => e.text)).toEqual(["⚠️ 请至少选择一位同事。"]);
  });
});
