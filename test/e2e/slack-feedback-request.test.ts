import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWithAnswers } from "../../src/core/feedback/feedback-answered.ts";
import { FEEDBACK_CLOSE_JOB, feedbackJobIds } from "../../src/jobs/feedback-requests.ts";
import { TestClock } from "../support/clock.ts";
import { commandReply } from "../support/command-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { blockAction, feedbackSubmission } from "../support/slack-interactions.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Wednesday 18 November 2026, noon UTC (the default team's time zone).
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

function dmText(userId: string): string[] {
  return h.slack.dmsTo(userId).map((m) => m.text + JSON.stringify(m.blocks ?? ""));
}

async function click(user: string, actionId: string, value: string) {
  const id = `${actionId}-${user}-${h.slack.responses.length}-${Date.now()}`;
  const res = await h.interact(blockAction({ user, actionId, value, responseUrl: h.slack.responseUrl(id) }));
  expect(res.status).toBe(200);
  return id;
}

async function promote(jobId: string) {
  const job = await h.spur.queues.scheduled.getJob(jobId);
  expect(await job?.getState()).toBe("delayed");
  await job!.promote();
  await h.slack.waitFor(async () => (await job!.getState()) === "completed" || (await job!.getState()) === "failed");
  expect(await job!.getState()).toBe("completed");
  return (await h.spur.queues.scheduled.getJob(jobId))!.returnvalue;
}

describe("feedback requests", () => {
  let requestId = "";

  it("only lets the agent's lead (or an admin) request feedback", async () => {
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.bo)}`, "Only ana's lead");
    await commandReply(h, USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "carl is now a lead");
  });

  it("DMs each chosen peer with Give feedback and Skip buttons, and schedules a reminder and the close", async () => {
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.bo)} ${esc(USERS.dee)} due 2026-11-25`, "I'm asking <@UBO> and <@UDEE>");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ include: { recipients: true } });
    requestId = request.id;
    expect(request.dueAt.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(request.periodKey).toBe("2026-11");
    expect(request.recipients).toHaveLength(2);

    await h.slack.waitFor(() => dmText(USERS.bo.id).length > 0 && dmText(USERS.dee.id).length > 0);
    const dm = dmText(USERS.bo.id)[0]!;
    expect(dm).toContain("<@UCARL> would like your feedback on <@UANA> by Wed 25 Nov");
    expect(dm).toContain('"action_id":"feedback_give"');
    expect(dm).toContain('"action_id":"feedback_skip"');
    expect(dm).toContain(requestId);
    expect(dmText(USERS.ana.id)).toHaveLength(0);
    expect(h.slack.callsTo("conversations.open").map((c) => c.args.users).sort()).toEqual(["UBO", "UDEE"]);

    // The reminder goes a day before the due date, the close at the due date (delays from Spur's clock).
    const remind = await h.spur.queues.scheduled.getJob(feedbackJobIds.remind(requestId));
    const close = await h.spur.queues.scheduled.getJob(feedbackJobIds.closeAtDue(requestId));
    expect(remind?.delay).toBe(Date.parse("2026-11-25T00:00:00Z") - Date.parse("2026-11-18T12:00:00Z"));
    expect(close?.delay).toBe(Date.parse("2026-11-26T00:00:00Z") - Date.parse("2026-11-18T12:00:00Z"));
    await h.slack.waitFor(async () => (await h.spur.db.feedbackRecipient.count({ where: { dmRef: { not: null } } })) === 2);
  });

  it("opens the modal from the DM and records the answer against the request", async () => {
    const since = h.slack.calls.length;
    await click(USERS.bo.id, "feedback_give", requestId);
    const open = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
    const view = open.args.view as Record<string, unknown>;
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ requestId });
    const res = await h.interact(
      feedbackSubmission({ user: USERS.bo.id, view, answers: { ratings: { helpfulness: "4", knowledge: "5", communication: "3", collaboration: "4" }, visibility: "anonymous" } }),
    );
    expect(JSON.parse(res.body).response_action).toBe("update");
    const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });
    // Nothing is written to the request: the peer counts as answered through their mark.
    const mine = await h.spur.db.feedbackRecipient.findFirstOrThrow({ where: { requestId, peerId: bo.id } });
    expect(mine.status).toBe("asked");
    const seen = await requestWithAnswers({ ...h.spur.services, feedbackSecret: h.config.FEEDBACK_HASH_SECRET }, requestId);
    expect(seen?.recipients.find((r) => r.peer.id === bo.id)?.status).toBe("answered");
    expect(await h.spur.db.feedbackAnswer.count()).toBe(0);
    expect(await h.spur.db.feedbackPendingAnswer.findFirstOrThrow()).toMatchObject({ periodKey: "2026-11" });
    // The request DM loses its buttons.
    const update = await h.slack.waitForCall("chat.update", (a) => a.channel === "DUBO");
    expect(String(update.args.text)).toContain("your feedback on <@UANA> is in");
    expect(JSON.stringify(update.args.blocks)).not.toContain("feedback_give");
  });

  it("reminds, when the reminder job fires, only the peers who have not answered", async () => {
    clock.set("2026-11-25T00:00:00Z");
    expect(await promote(feedbackJobIds.remind(requestId))).toBe(1);
    const reminders = (id: string) => dmText(id).filter((t) => t.includes("Reminder:"));
    expect(reminders(USERS.dee.id)).toHaveLength(1);
    expect(reminders(USERS.dee.id)[0]).toContain("due Wed 25 Nov");
    expect(reminders(USERS.bo.id)).toHaveLength(0);
  });

  it("sends the lead one summary once every peer answered or skipped", async () => {
    const id = await click(USERS.dee.id, "feedback_skip", requestId);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith(id)));
    expect(String(reply.body.text)).toContain("Skipped");
    expect(reply.body.replace_original).toBe(true);

    await h.slack.waitFor(() => dmText(USERS.carl.id).length > 0);
    const summary = dmText(USERS.carl.id)[0]!;
    expect(summary).toContain("Feedback on ana is closed — everyone you asked has responded");
    expect(summary).toContain("1 answer, 1 skipped, 0 no response (asked 2)");
    // One anonymous answer: below the threshold, so no numbers and no names.
    expect(summary).toContain("No ratings to show yet");
    expect(summary).toContain("not shown until at least 3 people");
    expect(summary).not.toContain("UBO");
    const request = await h.slack.waitFor(async () => {
      const row = await h.spur.db.feedbackRequest.findUniqueOrThrow({ where: { id: requestId } });
      return row.summaryRef ? row : undefined;
    });
    expect(request.status).toBe("closed");
    expect(request.summaryRef).toBe(`DUCARL:${h.slack.dmsTo(USERS.carl.id)[0]!.ts}`);

    // The due-date close still fires later and changes nothing.
    clock.set("2026-11-26T00:00:01Z");
    expect(await promote(feedbackJobIds.closeAtDue(requestId))).toBe("already_summarised");
    expect(dmText(USERS.carl.id)).toHaveLength(1);
    // A closed request takes no more answers or skips.
    const late = await click(USERS.dee.id, "feedback_give", requestId);
    const lateReply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith(late)));
    expect(String(lateReply.body.text)).toContain("has closed");
  });

  it("closes at the due date with whatever came in, and summarises named answers", async () => {
    clock.set("2026-11-18T12:00:00Z");
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.dee)} from ${esc(USERS.ana)} ${esc(USERS.bo)} due thursday`, "I'm asking");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ where: { subject: { platformUserId: USERS.dee.id } } });
    expect(request.dueAt.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    await h.slack.waitFor(() => dmText(USERS.ana.id).length > 0);

    const since = h.slack.calls.length;
    await click(USERS.ana.id, "feedback_give", request.id);
    const open = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
    await h.interact(
      feedbackSubmission({ user: USERS.ana.id, view: open.args.view as Record<string, unknown>, answers: { ratings: { helpfulness: "5", knowledge: "4", communication: "5", collaboration: "4" }, keepDoing: "Great handovers", visibility: "named" } }),
    );
    await h.slack.waitFor(async () => (await h.spur.db.feedbackAnswer.count({ where: { subjectId: request.subjectId } })) === 1);

    // Not due yet: an early delivery of the close job does nothing.
    const early = await h.spur.queues.scheduled.add(FEEDBACK_CLOSE_JOB, { requestId: request.id }, { jobId: `early-${request.id}` });
    await h.slack.waitFor(async () => (await early.getState()) === "completed");
    expect((await h.spur.queues.scheduled.getJob(early.id!))!.returnvalue).toBe("not_due");
    expect((await h.spur.db.feedbackRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("open");
    const summariesBefore = dmText(USERS.carl.id).length;
    clock.set("2026-11-20T00:00:00Z");
    expect(await promote(feedbackJobIds.closeAtDue(request.id))).toBe("closed");
    await h.slack.waitFor(() => dmText(USERS.carl.id).length > summariesBefore);
    const summary = dmText(USERS.carl.id).at(-1)!;
    expect(summary).toContain("Feedback on dee is closed — the due date has passed");
    expect(summary).toContain("1 answer, 0 skipped, 1 no response (asked 2)");
    expect(summary).toContain("Helpfulness: *5.00* / 5");
    expect(summary).toContain("Overall: *4.50* / 5 from 1 answer");
  });

  it("counts feedback a peer already gave unasked in the period as their answer", async () => {
    clock.set("2026-11-18T12:00:00Z");
    const since = h.slack.calls.length;
    await h.command("/feedback", esc(USERS.bo), { user: USERS.admin.id });
    const open = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
    await h.interact(
      feedbackSubmission({ user: USERS.admin.id, view: open.args.view as Record<string, unknown>, answers: { ratings: { helpfulness: "3", knowledge: "3", communication: "3", collaboration: "3" }, visibility: "named" } }),
    );
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.bo)} from ${esc(USERS.admin)}`, "I'm asking <@UADMIN>");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ where: { subject: { platformUserId: USERS.bo.id } } });
    await h.slack.waitFor(() => dmText(USERS.admin.id).length > 0);
    const summaries = dmText(USERS.carl.id).length;

    const id = await click(USERS.admin.id, "feedback_give", request.id);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith(id)));
    expect(String(reply.body.text)).toContain("already given feedback on <@UBO> this period");
    await h.slack.waitFor(() => dmText(USERS.carl.id).length > summaries);
    expect(dmText(USERS.carl.id).at(-1)).toContain("1 answer, 0 skipped, 0 no response (asked 1)");
  });

  it("skips a peer Slack refuses to DM, and retries only a transient failure", async () => {
    clock.set("2026-11-18T12:00:00Z");
    const before = { admin: dmText(USERS.admin.id).length, bo: dmText(USERS.bo.id).length, dee: dmText(USERS.dee.id).length };
    // Peers are messaged in name order (alex, bo, dee): alex's DM is refused for good, bo's hits a 503 once.
    h.slack.failNext("chat.postMessage", { kind: "error", error: "is_archived" });
    h.slack.failNext("chat.postMessage", { kind: "http", status: 503 });
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.admin)} ${esc(USERS.bo)} ${esc(USERS.dee)}`, "I'm asking");
    const request = await h.spur.db.feedbackRequest.findFirstOrThrow({ where: { recipients: { some: { peer: { platformUserId: USERS.admin.id } } }, subject: { platformUserId: USERS.ana.id } } });
    await h.slack.waitFor(async () => (await h.spur.db.feedbackRecipient.count({ where: { requestId: request.id, dmRef: { not: null } } })) === 3, 10_000);
    expect(dmText(USERS.admin.id)).toHaveLength(before.admin);
    expect(dmText(USERS.bo.id)).toHaveLength(before.bo + 1);
    expect(dmText(USERS.dee.id)).toHaveLength(before.dee + 1);
    const admin = await h.spur.db.feedbackRecipient.findFirstOrThrow({ where: { requestId: request.id, peer: { platformUserId: USERS.admin.id } } });
    expect(admin.dmRef).toMatch(/^undeliverable:/);
  });

  it("explains a request nobody can answer", async () => {
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.ana)}`, "There's nobody to ask");
    await commandReply(h, USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} due someday`, "didn't understand the due date");
  });
});
