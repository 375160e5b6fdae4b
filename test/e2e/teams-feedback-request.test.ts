// Teams counterpart of slack-feedback-request.test.ts: a lead's request, Give/Skip cards sent proactively to
// each peer's personal chat (opened through the Bot Connector when needed), reminder, summary and failures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWithAnswers } from "../../src/core/feedback/feedback-answered.ts";
import { feedbackJobIds } from "../../src/jobs/feedback-requests.ts";
import { TestClock } from "../support/clock.ts";
import { type FakeBotConnector, type SentActivity, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";
import { cardOf, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;
let chat: TeamsChat;
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const personal = (user: { id: string }) => `a:personal-${user.id}`;
const created = (user: { id: string }) => `a:created-${user.id}`;

beforeAll(async () => {
  t = await startTeams({ clock, known: [ana, bo, dee], personal: [bo, dee] });
  ({ h, connector, chat } = t);
});
afterAll(async () => {
  await t?.stop();
});

const cardsIn = (conversationId: string, containing: string) => connector.sentTo(conversationId).filter((s) => textOf(s).includes(containing));

async function promote(jobId: string) {
  const job = await h.spur.queues.scheduled.getJob(jobId);
  expect(await job?.getState()).toBe("delayed");
  await job!.promote();
  await connector.waitFor(async () => ["completed", "failed"].includes(await job!.getState()));
  expect(await job!.getState()).toBe("completed");
  return (await h.spur.queues.scheduled.getJob(jobId))!.returnvalue;
}

describe("Teams: feedback requests", () => {
  let requestId = "";
  let boCard: SentActivity | undefined;

  it("only lets the agent's lead (or an admin) request feedback", async () => {
    await chat.say(bo, ["feedback request ", ana, " from ", carl], "Only Ana Alves's lead");
    await chat.say(carl, ["admin role ", dee, " lead"], "Dee Diaz is now a lead");
  });

  it("sends each chosen peer a Give/Skip card in their personal chat, opening one where needed", async () => {
    await chat.say(dee, ["feedback request ", ana, " from ", bo, " ", carl, " due 2026-11-25"], "I'm asking Bo Berg and Carl Cruz for feedback on Ana Alves (November 2026)");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ include: { recipients: true } });
    requestId = request.id;
    expect(request.dueAt.toISOString()).toBe("2026-11-26T00:00:00.000Z");

    boCard = await connector.waitFor(() => cardsIn(personal(bo), "would like your feedback")[0]);
    const carlCard = await connector.waitFor(() => cardsIn(created(carl), "would like your feedback")[0]);
    expect(connector.createdChats).toEqual([{ conversationId: created(carl), userId: carl.id, tenantId: TENANT_ID }]);
    expect(textOf(boCard)).toContain("Dee Diaz would like your feedback on Ana Alves by Wed 25 Nov.");
    expect(boCard.replyToId).toBeUndefined();
    expect(executeActions(cardOf(carlCard)).map((a) => [a.title, a.verb, a.data.requestId])).toEqual([
      ["Give feedback", "feedback.give", requestId],
      ["Skip", "feedback.skip", requestId],
    ]);
    expect(cardsIn(personal(ana), "would like your feedback")).toHaveLength(0);
    // Carl's new personal chat is remembered for later messages.
    const stored = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: created(carl) } });
    expect(stored).toMatchObject({ conversationType: "personal", active: true });
    expect(stored.reference).toMatchObject({ user: { id: carl.id }, conversation: { id: created(carl) } });

    const remind = await h.spur.queues.scheduled.getJob(feedbackJobIds.remind(requestId));
    const close = await h.spur.queues.scheduled.getJob(feedbackJobIds.closeAtDue(requestId));
    expect(remind?.delay).toBe(Date.parse("2026-11-25T00:00:00Z") - Date.parse("2026-11-18T12:00:00Z"));
    expect(close?.delay).toBe(Date.parse("2026-11-26T00:00:00Z") - Date.parse("2026-11-18T12:00:00Z"));
    await connector.waitFor(async () => (await h.spur.db.feedbackRecipient.count({ where: { dmRef: { not: null } } })) === 2);
  });

  it("turns the card into the form on Give, records the answer against the request and retires the buttons", async () => {
    const form = await chat.click(bo, "feedback.give", { requestId });
    expect(form.inputs).toContain("visibility");
    const send = executeActions(form.value).find((a) => a.verb === "feedback.submit")!;
    const anaId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } })).id;
    expect(send.data).toEqual({ formState: JSON.stringify({ v: 1, subjectId: anaId, requestId }) });
    const ratings = { rating_helpfulness: "4", rating_knowledge: "5", rating_communication: "3", rating_collaboration: "4" };
    const thanks = await chat.click(bo, "feedback.submit", { ...send.data, ...ratings, visibility: "anonymous" });
    expect(thanks.text).toContain("Thanks! Your feedback on Ana Alves");
    const boId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } })).id;
    // Nothing is written to the request: the peer counts as answered through their mark.
    expect((await h.spur.db.feedbackRecipient.findFirstOrThrow({ where: { requestId, peerId: boId } })).status).toBe("asked");
    const view = await requestWithAnswers({ ...h.spur.services, feedbackSecret: h.config.FEEDBACK_HASH_SECRET }, requestId);
    expect(view?.recipients.find((r) => r.peer.id === boId)?.status).toBe("answered");
    expect(await h.spur.db.feedbackAnswer.count()).toBe(0);
    expect(await h.spur.db.feedbackPendingAnswer.findFirstOrThrow()).toMatchObject({ periodKey: "2026-11" });
    const update = await connector.waitFor(() => connector.updated.find((u) => u.id === boCard?.id));
    expect(update.conversationId).toBe(personal(bo));
    expect(textOf(update)).toContain("your feedback on Ana Alves is in");
    expect(textOf(update)).not.toContain("feedback.give");
  });

  it("reminds, when the reminder job fires, only the peers who have not answered", async () => {
    clock.set("2026-11-25T00:00:00Z");
    expect(await promote(feedbackJobIds.remind(requestId))).toBe(1);
    expect(cardsIn(created(carl), "Reminder: Dee Diaz asked for your feedback on Ana Alves, due Wed 25 Nov.")).toHaveLength(1);
    expect(cardsIn(personal(bo), "Reminder:")).toHaveLength(0);
  });

  it("sends the lead one summary once every peer answered or skipped", async () => {
    const skipped = await chat.click(carl, "feedback.skip", { requestId });
    expect(skipped.text).toContain("Skipped — no feedback on Ana Alves from you this time.");
    const summary = await connector.waitFor(() => cardsIn(personal(dee), "is closed")[0]);
    const text = textOf(summary);
    expect(text).toContain("Feedback on Ana Alves is closed — everyone you asked has responded.");
    expect(text).toContain("1 answer, 1 skipped, 0 no response (asked 2).");
    // One anonymous answer: below the threshold, so no numbers and no names.
    expect(text).toContain("No ratings to show yet");
    expect(text).toContain("not shown until at least 3 people");
    expect(text).not.toContain("Bo Berg");
    const request = await connector.waitFor(async () => {
      const row = await h.spur.db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } });
      return row.summaryRef ? row : undefined;
    });
    expect(request.status).toBe("closed");
    const deeChat = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: personal(dee), workspace: { externalId: { not: { startsWith: `${TENANT_ID}:a:` } } } } });
    expect(request.summaryRef).toBe(`${deeChat.id}:${summary.id}`);

    // The due-date close still fires later and changes nothing; a closed request takes no more answers.
    clock.set("2026-11-26T00:00:01Z");
    expect(await promote(feedbackJobIds.closeAtDue(requestId))).toBe("already_summarised");
    expect(cardsIn(personal(dee), "is closed")).toHaveLength(1);
    expect((await chat.click(carl, "feedback.give", { requestId })).text).toContain("has closed");
  });

  it("refuses a click on a request that wasn't sent to the person", async () => {
    const refused = await chat.click(ana, "feedback.give", { requestId });
    expect(refused.type).toBe("application/vnd.microsoft.activity.message");
    expect(refused.text).toContain("This feedback request wasn't sent to you.");
  });

  it("skips a peer Teams refuses to message (bot blocked: the chat is marked inactive), and retries a transient failure", async () => {
    clock.set("2026-11-18T12:00:00Z");
    // Bo's chat answers 403 for good (he blocked the bot), Carl's a 503 once.
    connector.failNextSend({ status: 403, conversationId: personal(bo) });
    connector.failNextSend({ status: 503, conversationId: created(carl) });
    await chat.say(dee, ["feedback request ", ana, " from ", bo, " ", carl], "I'm asking");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ where: { status: "open" } });
    await connector.waitFor(async () => (await h.spur.db.feedbackRecipient.count({ where: { requestId: request.id, dmRef: { not: null } } })) === 2, 10_000);
    const boRecipient = await h.spur.db.feedbackRecipient.findFirstOrThrow({ where: { requestId: request.id, peer: { platformUserId: bo.id } } });
    expect(boRecipient.dmRef).toMatch(/^undeliverable:/);
    expect(cardsIn(created(carl), "would like your feedback")).toHaveLength(2);
    const boChats = await h.spur.db.teamsConversation.findMany({ where: { conversationId: personal(bo) } });
    expect(boChats.every((c) => !c.active)).toBe(true);
  });

  it("explains a request nobody can answer", async () => {
    await chat.say(dee, ["feedback request ", ana, " from ", ana], "There's nobody to ask");
    await chat.say(dee, ["feedback request ", ana, " due someday"], "didn't understand the due date");
  });
});
