// Teams counterpart of slack-feedback.test.ts: the feedback form card (dimensions, comments, named or
// anonymous), inline validation, and the same anonymity guarantees as Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { type FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
const eve: RosterMember = { id: "29:eve", name: "Eve Eng", aadObjectId: "aad-eve", email: "eve@contoso.com", userPrincipalName: "eve@contoso.com" };
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;
let chat: TeamsChat;
let anaId = "";
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  t = await startTeams({ roster: [...TEAMS_ROSTER, eve], clock, known: [ana, bo, dee, eve], personal: [ana, bo, carl, dee, eve] });
  ({ h, connector, chat } = t);
});
afterAll(async () => {
  await t?.stop();
});

type Ratings = Partial<Record<"helpfulness" | "knowledge" | "communication" | "collaboration" | "empathy", string>>;

/** The same score for every dimension the form may ask (ratings for dimensions it doesn't ask are ignored). */
const all = (score: string): Ratings => ({ helpfulness: score, knowledge: score, communication: score, collaboration: score, empathy: score });

/** `feedback @subject` in the giver's personal chat; returns the form card's Send data. */
async function openForm(from: RosterMember, subject: RosterMember) {
  const reply = await chat.say(from, ["feedback ", subject], "Peer feedback for", "personal");
  const send = executeActions(cardOf(reply)).find((a) => a.verb === "feedback.submit");
  expect(send).toBeDefined();
  return send!.data;
}

function submit(from: RosterMember, data: Record<string, unknown>, answer: { ratings: Ratings; keepDoing?: string; improve?: string; visibility?: string }) {
  const inputs: Record<string, unknown> = { ...data };
  for (const [key, score] of Object.entries(answer.ratings)) inputs[`rating_${key}`] = score;
  if (answer.keepDoing !== undefined) inputs.keep_doing = answer.keepDoing;
  if (answer.improve !== undefined) inputs.improve = answer.improve;
  if (answer.visibility !== undefined) inputs.visibility = answer.visibility;
  return chat.click(from, "feedback.submit", inputs);
}

const answers = () => h.spur.db.feedbackAnswer.findMany({ include: { ratings: true } });
/** Anonymous answers waiting for their batch: a table with no giver column at all. */
const waiting = () => h.spur.db.feedbackPendingAnswer.findMany();
const stored = async () => (await answers()).length + (await waiting()).length;

describe("Teams: feedback @agent", () => {
  it("opens a form card with a 1–5 rating per default dimension, two comments and a visibility choice", async () => {
    const reply = await chat.say(bo, ["feedback ", ana], "Peer feedback for Ana Alves", "personal");
    const card = cardOf(reply) as { body: { id?: string; type: string; choices?: unknown[]; value?: string }[] };
    const inputs = card.body.filter((e) => e.id);
    expect(inputs.map((e) => e.id)).toEqual(["rating_helpfulness", "rating_knowledge", "rating_communication", "rating_collaboration", "keep_doing", "improve", "visibility"]);
    expect(inputs.find((e) => e.id === "rating_knowledge")?.choices).toHaveLength(5);
    // Anonymous unless the giver picks named.
    expect(inputs.find((e) => e.id === "visibility")?.value).toBe("anonymous");
    anaId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } })).id;
    expect(executeActions(card)).toEqual([{ title: "Send", verb: "feedback.submit", data: { formState: JSON.stringify({ v: 1, subjectId: anaId, requestId: null }) } }]);
  });

  it("asked for in a channel, sends the form to the person's personal chat instead", async () => {
    const since = connector.sent.length;
    await chat.say(bo, ["feedback ", ana], "Feedback is private, so I sent it to our personal chat.");
    const form = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.conversationId === `a:personal-${bo.id}` && textOf(s).includes("Peer feedback for")));
    expect(form.replyToId).toBeUndefined();
  });

  it("shows validation errors in the card, keeps what was entered and stores nothing", async () => {
    const data = await openForm(bo, ana);
    const answer = await submit(bo, data, { ratings: { helpfulness: "4", communication: "4", collaboration: "4" }, improve: "x".repeat(1001), keepDoing: "Clear notes", visibility: "maybe" });
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(answer.text).toContain("Pick a rating from 1 to 5 for knowledge");
    expect(answer.text).toContain("under 1000 characters");
    expect(answer.text).toContain("Choose whether your name is shown");
    expect(answer.text).toContain('"value":"Clear notes"');
    expect(await answers()).toHaveLength(0);
  });

  it("refuses feedback on yourself before showing a form", async () => {
    await chat.say(ana, ["feedback ", ana], "you can't give feedback on yourself", "personal");
  });

  it("stores a named answer with its giver and ratings, and thanks the giver", async () => {
    const answer = await submit(dee, await openForm(dee, ana), { ratings: all("4"), keepDoing: "Clear escalation notes", visibility: "named" });
    expect(answer.text).toContain("Thanks! Your feedback on Ana Alves for November 2026 was saved with your name.");
    const [row] = await answers();
    const deeId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: dee.id } })).id;
    expect(row).toMatchObject({ subjectId: anaId, giverId: deeId, visibility: "named", periodKey: "2026-11", keepDoing: "Clear escalation notes" });
    expect(row?.ratings.map((r) => r.score)).toEqual([4, 4, 4, 4]);
  });

  it("stores an anonymous answer without its giver, once per person and period", async () => {
    const data = await openForm(bo, ana);
    const answer = await submit(bo, data, { ratings: all("2"), improve: "Answer pings faster", visibility: "anonymous" });
    expect(answer.text).toContain("anonymously — it only ever appears in totals");
    expect((await answers()).filter((a) => a.visibility === "anonymous")).toHaveLength(0);
    const anon = await waiting();
    expect(anon).toHaveLength(1);
    expect(Object.keys(anon[0]!).sort()).toEqual(["id", "improve", "keepDoing", "periodKey", "ratings", "subjectId", "teamId", "workspaceId"]);

    // A second form is refused before it shows; submitting the first one again is refused in the card.
    await chat.say(bo, ["feedback ", ana], "already given Ana Alves feedback for this period", "personal");
    const again = await submit(bo, data, { ratings: all("5"), visibility: "named" });
    expect(again.text).toContain("already given Ana Alves feedback");
    expect(await stored()).toBe(2);
  });

  it("hides anonymous answers while fewer than 3 people answered anonymously", async () => {
    await submit(carl, await openForm(carl, ana), { ratings: all("3"), improve: "Share the macro", visibility: "anonymous" });
    const mine = textOf(await chat.say(ana, ["feedback mine"], "Your feedback", "personal"));
    // Only the named 4s count: the two anonymous answers (2s and 3s) are withheld entirely.
    expect(mine).toContain("Helpfulness: **4.00** / 5 (1 rating)");
    expect(mine).toContain("not shown until at least 3 people have answered anonymously");
  });

  it("shows anonymous answers as aggregates once 3 people answered anonymously", async () => {
    await submit(eve, await openForm(eve, ana), { ratings: all("5"), keepDoing: "Patience with VIPs", visibility: "anonymous" });
    const mine = textOf(await chat.say(ana, ["feedback mine"], "Your feedback", "personal"));
    // (4 + 2 + 3 + 5) / 4 = 3.5 per dimension.
    expect(mine).toContain("Helpfulness: **3.50** / 5 (4 ratings)");
    expect(mine).toContain("Overall: **3.50** / 5 from 4 answers");
    for (const who of [bo, carl, eve]) expect(mine).not.toContain(who.name);
  });

  it("gives leads an overview of their team, and lets admins raise the threshold", async () => {
    await chat.say(bo, ["feedback team"], "`feedback team` is for leads", "personal");
    await chat.say(carl, ["admin role ", dee, " lead"], "Dee Diaz is now a lead");
    const team = textOf(await chat.say(dee, ["feedback team"], "Team feedback — November 2026", "personal"));
    expect(team).toContain("Ana Alves: **3.50** / 5 from 4 answers");
    expect(team).toContain("Bo Berg: no feedback to show yet");
    expect(team).not.toContain("Dee Diaz:");

    await chat.say(carl, ["feedback threshold 4"], "once 4 people have answered anonymously", "personal");
    expect(textOf(await chat.say(ana, ["feedback mine"], "Your feedback", "personal"))).toContain("Overall: **4.00** / 5 from 1 answer");
    await chat.say(carl, ["feedback threshold 3"], "once 3 people", "personal");
  });

  it("lets admins edit the dimensions the form asks for", async () => {
    await chat.say(bo, ["feedback dimensions add empathy Empathy"], "Only Spur admins", "personal");
    await chat.say(carl, ["feedback dimensions add empathy Empathy"], "Added the dimension Empathy", "personal");
    await chat.say(carl, ["feedback dimensions remove knowledge"], "Removed `knowledge`", "personal");
    await chat.say(carl, ["feedback dimensions remove knowledge"], "There's no dimension `knowledge`", "personal");
    const form = cardOf(await chat.say(carl, ["feedback ", bo], "Peer feedback for Bo Berg", "personal")) as { body: { id?: string }[] };
    const ids = form.body.map((e) => e.id).filter((id) => id?.startsWith("rating_"));
    expect(ids).toEqual(["rating_helpfulness", "rating_communication", "rating_collaboration", "rating_empathy"]);
    await chat.say(carl, ["feedback threshold 2"], "whole number from 3 to 50", "personal");
  });

  it("keeps results private: an agent can't see a colleague's", async () => {
    await chat.say(bo, ["feedback report ", ana], "private", "personal");
  });
});

describe("Teams: feedback in Chinese", () => {
  it("shows the form and the results in Simplified Chinese in a zh-CN workspace", async () => {
    const workspaces = await h.spur.db.workspace.findMany({ where: { platform: "teams" } });
    for (const w of workspaces) await h.spur.services.workspaces.setLocale(w.id, "zh-CN");
    try {
      const form = textOf(await chat.say(dee, ["feedback ", bo], "对 Bo Berg 的同事反馈", "personal"));
      expect(form).toContain("继续保持");
      expect(form).toContain("提交");
      const mine = textOf(await chat.say(ana, ["feedback mine"], "你的反馈", "personal"));
      expect(mine).toContain("总体：**3.50** / 5，来自 4 份回答");
    } finally {
      for (const w of workspaces) await h.spur.services.workspaces.setLocale(w.id, "en");
    }
  });
});

describe("Teams: forged and stale feedback cards", () => {
  it("answers a form naming nobody Spur knows, or a request not sent to the giver, and stores nothing", async () => {
    const before = await stored();
    const state = (subjectId: string, requestId: string | null) => ({ formState: JSON.stringify({ v: 1, subjectId, requestId }) });
    const nobody = await submit(dee, state("00000000-0000-4000-8000-000000000000", null), { ratings: all("1"), visibility: "named" });
    expect(nobody.text).toContain("Spur couldn't read this form");
    const bogus = await submit(dee, state(anaId, "00000000-0000-4000-8000-000000000000"), { ratings: all("1"), visibility: "named" });
    expect(bogus.text).toContain("This feedback request wasn't sent to you.");
    const malformed = await chat.click(dee, "feedback.submit", { subjectId: "not-a-uuid" });
    expect(malformed.type).toBe("application/vnd.microsoft.activity.message");
    expect(await stored()).toBe(before);
  });
});
