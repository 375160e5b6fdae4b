import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peerFeedbackKpi } from "../../src/core/feedback/feedback.ts";
import { TestClock } from "../support/clock.ts";
import { commandReply } from "../support/command-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { blockAction, feedbackSubmission, type FeedbackAnswers } from "../support/slack-interactions.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

/** Runs `/feedback @subject` as `user` and returns the modal Spur opened. */
async function openModal(user: string, subject: { id: string; name: string }) {
  const since = h.slack.calls.length;
  const res = await h.command("/feedback", esc(subject), { user, triggerId: `trigger-${user}-${since}` });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
  expect(call.args.trigger_id).toBe(`trigger-${user}-${since}`);
  return call.args.view as Record<string, unknown>;
}

async function submit(user: string, view: Record<string, unknown>, answers: FeedbackAnswers) {
  const res = await h.interact(feedbackSubmission({ user, view, answers }));
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string>; view?: unknown }) : {};
}

const answers = () => h.spur.db.feedbackAnswer.findMany({ include: { ratings: true } });
/** Anonymous answers waiting for their batch: a table with no giver column at all. */
const waiting = () => h.spur.db.feedbackPendingAnswer.findMany();
const stored = async () => (await answers()).length + (await waiting()).length;

describe("/feedback modal", () => {
  it("opens a modal with a 1–5 rating per default dimension, two comments and a visibility choice", async () => {
    const view = await openModal(USERS.bo.id, USERS.ana);
    expect(view.callback_id).toBe("feedback.submit");
    const blocks = view.blocks as { block_id?: string; element?: { options?: unknown[] } }[];
    const ids = blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(["rating_helpfulness", "rating_knowledge", "rating_communication", "rating_collaboration", "keep_doing", "improve", "visibility"]);
    expect(blocks.find((b) => b.block_id === "rating_knowledge")?.element?.options).toHaveLength(5);
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    expect(JSON.parse(String(view.private_metadata))).toEqual({ v: 1, subjectId: ana.id, requestId: null });
  });

  it("shows validation errors inline and stores nothing", async () => {
    const view = await openModal(USERS.bo.id, USERS.ana);
    const body = await submit(USERS.bo.id, view, {
      ratings: { helpfulness: "4", knowledge: null, communication: "4", collaboration: "4" },
      improve: "x".repeat(1001),
      visibility: null,
    });
    expect(body.response_action).toBe("errors");
    expect(body.errors?.rating_knowledge).toContain("Pick a rating from 1 to 5 for knowledge");
    expect(body.errors?.improve).toContain("under 1000 characters");
    expect(body.errors?.visibility).toContain("Choose whether your name is shown");
    expect(await answers()).toHaveLength(0);
  });

  it("refuses feedback on yourself before opening the modal", async () => {
    await commandReply(h, USERS.ana.id, "/feedback", esc(USERS.ana), "you can't give feedback on yourself");
  });

  it("stores a named answer with its giver and ratings, and thanks the giver", async () => {
    const view = await openModal(USERS.admin.id, USERS.ana);
    const body = await submit(USERS.admin.id, view, {
      ratings: { helpfulness: "4", knowledge: "4", communication: "4", collaboration: "4" },
      keepDoing: "Clear escalation notes",
      visibility: "named",
    });
    expect(body.response_action).toBe("update");
    expect(JSON.stringify(body.view)).toContain("with your name");
    const rows = await answers();
    expect(rows).toHaveLength(1);
    const adminMember = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.admin.id } });
    expect(rows[0]).toMatchObject({ visibility: "named", giverId: adminMember.id, periodKey: "2026-11", keepDoing: "Clear escalation notes" });
    expect(rows[0]!.ratings.map((r) => r.score)).toEqual([4, 4, 4, 4]);
  });

  it("stores an anonymous answer without its giver, once per person and period", async () => {
    const view = await openModal(USERS.bo.id, USERS.ana);
    const body = await submit(USERS.bo.id, view, { ratings: { helpfulness: "2", knowledge: "2", communication: "2", collaboration: "2" }, improve: "Answer pings faster", visibility: "anonymous" });
    expect(body.response_action).toBe("update");
    expect(JSON.stringify(body.view)).toContain("anonymously");
    expect((await answers()).filter((a) => a.visibility === "anonymous")).toHaveLength(0);
    const anon = await waiting();
    expect(anon).toHaveLength(1);
    expect(Object.keys(anon[0]!).sort()).toEqual(["id", "improve", "keepDoing", "periodKey", "ratings", "subjectId", "teamId", "workspaceId"]);

    // A second form is refused before it opens; submitting the first one again is refused inline.
    await commandReply(h, USERS.bo.id, "/feedback", esc(USERS.ana), "already given ana feedback for this period");
    const again = await submit(USERS.bo.id, view, { ratings: { helpfulness: "5", knowledge: "5", communication: "5", collaboration: "5" }, visibility: "named" });
    expect(again.response_action).toBe("errors");
    expect(again.errors?.visibility).toContain("already given ana feedback");
    expect(await stored()).toBe(2);
  });

  it("hides anonymous answers while fewer than 3 people answered anonymously", async () => {
    await submit(USERS.carl.id, await openModal(USERS.carl.id, USERS.ana), { ratings: { helpfulness: "3", knowledge: "3", communication: "3", collaboration: "3" }, improve: "Share the macro", visibility: "anonymous" });
    const call = await commandReply(h, USERS.ana.id, "/feedback", "mine", "Your feedback");
    const body = JSON.stringify(call.args.blocks);
    // Only the named 4s count: the two anonymous answers (2s and 3s) are withheld entirely.
    expect(body).toContain("Helpfulness: *4.00* / 5 (1 rating)");
    expect(body).toContain("Overall: *4.00* / 5 from 1 answer");
    expect(body).toContain("not shown until at least 3 people have answered anonymously");
    expect(body).toContain("From <@UADMIN>");
    expect(body).toContain("Clear escalation notes");
    expect(body).not.toContain("Answer pings faster");
    expect(body).not.toContain("Share the macro");
  });

  it("shows anonymous answers as aggregates once 3 people answered anonymously", async () => {
    await submit(USERS.dee.id, await openModal(USERS.dee.id, USERS.ana), { ratings: { helpfulness: "5", knowledge: "5", communication: "5", collaboration: "5" }, keepDoing: "Patience with VIPs", visibility: "anonymous" });
    const call = await commandReply(h, USERS.ana.id, "/feedback", "mine", "Your feedback");
    const body = JSON.stringify(call.args.blocks);
    // (4 + 2 + 3 + 5) / 4 = 3.5 per dimension.
    expect(body).toContain("Helpfulness: *3.50* / 5 (4 ratings)");
    expect(body).toContain("Overall: *3.50* / 5 from 4 answers");
    expect(body).toContain("Anonymous answers are included in these totals only");
    expect(body).toContain("Answer pings faster");
    expect(body).toContain("Patience with VIPs");
    // Nothing says who answered anonymously.
    for (const who of ["UBO", "UCARL", "UDEE"]) expect(body).not.toContain(who);

    // The same numbers feed the peer_feedback KPI that scorecards read.
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    const kpi = await peerFeedbackKpi(h.spur.services, { workspaceId: ana.workspaceId, subjectId: ana.id, periodKey: "2026-11" });
    expect(kpi).toMatchObject({ metric: "peer_feedback", periodKey: "2026-11", value: 3.5, answers: 4 });
    expect(kpi.dimensions.map((d) => [d.key, d.mean])).toEqual([["helpfulness", 3.5], ["knowledge", 3.5], ["communication", 3.5], ["collaboration", 3.5]]);
  });

  it("gives leads an overview of their team, and lets admins raise the threshold", async () => {
    await commandReply(h, USERS.bo.id, "/feedback", "team", "is for leads");
    await commandReply(h, USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "carl is now a lead");
    const team = await commandReply(h, USERS.carl.id, "/feedback", "team", "Team feedback");
    const body = JSON.stringify(team.args.blocks);
    expect(body).toContain("<@UANA>: *3.50* / 5 from 4 answers");
    expect(body).toContain("<@UBO>: no feedback to show yet");

    await commandReply(h, USERS.admin.id, "/feedback", "threshold 4", "once 4 people have answered anonymously");
    const mine = await commandReply(h, USERS.ana.id, "/feedback", "mine", "Your feedback");
    expect(JSON.stringify(mine.args.blocks)).toContain("Overall: *4.00* / 5 from 1 answer");
    await commandReply(h, USERS.admin.id, "/feedback", "threshold 3", "once 3 people");
  });

  it("keeps results private: an agent can't see a colleague's, an admin can", async () => {
    await commandReply(h, USERS.bo.id, "/feedback", `report ${esc(USERS.ana)}`, "Feedback results are private");
    await commandReply(h, USERS.admin.id, "/feedback", `report ${esc(USERS.ana)}`, "Feedback for ana");
  });

  it("lets admins edit the dimensions the modal asks for", async () => {
    await commandReply(h, USERS.bo.id, "/feedback", "dimensions add empathy Empathy", "Only Spur admins");
    await commandReply(h, USERS.admin.id, "/feedback", "dimensions add empathy Empathy", "Added the dimension Empathy");
    await commandReply(h, USERS.admin.id, "/feedback", "dimensions remove knowledge", "Removed `knowledge`");
    const view = await openModal(USERS.carl.id, USERS.bo);
    const ids = (view.blocks as { block_id?: string }[]).map((b) => b.block_id).filter((id) => id?.startsWith("rating_"));
    expect(ids).toEqual(["rating_helpfulness", "rating_communication", "rating_collaboration", "rating_empathy"]);
    await commandReply(h, USERS.admin.id, "/feedback", "threshold 2", "whole number from 3 to 50");
  });
});

describe("/feedback in Chinese", () => {
  it("shows the form and the results in Simplified Chinese in a zh-CN workspace", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const view = await openModal(USERS.dee.id, USERS.bo);
      expect(view.title).toMatchObject({ text: "同事反馈" });
      const text = JSON.stringify(view.blocks);
      expect(text).toContain("继续保持");
      expect(text).toContain("匿名 —— 只计入汇总");
      const mine = await commandReply(h, USERS.ana.id, "/feedback", "mine", "你的反馈");
      expect(JSON.stringify(mine.args.blocks)).toContain("总体：*3.50* / 5，来自 4 份回答");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});

describe("forged and malformed interactive payloads", () => {
  it("rejects a bad signature with 401 and stores nothing", async () => {
    const before = await stored();
    const view = await openModal(USERS.carl.id, USERS.dee);
    const payload = feedbackSubmission({ user: USERS.carl.id, view, answers: { ratings: { helpfulness: "5", communication: "5", collaboration: "5", empathy: "5" } } });
    const res = await h.interact(payload, { secret: "wrong-secret" });
    expect(res.status).toBe(401);
    const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await h.post(form, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(401);
    expect((await h.post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders("test-signing-secret", form, Math.floor(Date.now() / 1000) - 600) })).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it("answers a validly signed but malformed view_submission with an error and stores nothing", async () => {
    const before = await stored();
    const view = await openModal(USERS.carl.id, USERS.dee);
    const ratings = { helpfulness: "5", communication: "5", collaboration: "5", empathy: "5" };
    // A forged subject in private_metadata.
    const forged = await submit(USERS.carl.id, { ...view, private_metadata: JSON.stringify({ v: 1, subjectId: "not-a-uuid", requestId: null }) }, { ratings });
    expect(forged.response_action).toBe("errors");
    expect(forged.errors?.visibility).toContain("couldn't read this form");
    // A subject id that is not a member of this workspace.
    const stranger = await submit(USERS.carl.id, { ...view, private_metadata: JSON.stringify({ v: 1, subjectId: "00000000-0000-4000-8000-000000000000", requestId: null }) }, { ratings });
    expect(stranger.errors?.visibility).toContain("couldn't read this form");
    // A score outside 1–5 and a visibility that is not offered.
    const outOfRange = await submit(USERS.carl.id, view, { ratings: { ...ratings, empathy: "9" }, visibility: "public" });
    expect(outOfRange.errors?.rating_empathy).toContain("Pick a rating");
    expect(outOfRange.errors?.visibility).toBeDefined();
    // A payload missing its state entirely.
    const broken = feedbackSubmission({ user: USERS.carl.id, view, answers: { ratings } });
    delete (broken.view as Record<string, unknown>).state;
    const res = await h.interact(broken);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_action: "errors" });
    // A forged request id: carl was never asked.
    const notAsked = await submit(USERS.carl.id, { ...view, private_metadata: JSON.stringify({ v: 1, subjectId: JSON.parse(String(view.private_metadata)).subjectId, requestId: "00000000-0000-4000-8000-000000000000" }) }, { ratings });
    expect(notAsked.errors?.visibility).toContain("wasn't sent to you");
    expect(await stored()).toBe(before);
  });

  it("answers a malformed block_actions payload with a private error and changes nothing", async () => {
    const responseUrl = h.slack.responseUrl("forged-skip");
    const res = await h.interact(blockAction({ user: USERS.bo.id, actionId: "feedback_skip", value: "'; drop table feedback_request; --", responseUrl }));
    expect(res.status).toBe(200);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/forged-skip")));
    expect(String(reply.body.text)).toContain("couldn't read that click");

    const unknownRequest = h.slack.responseUrl("forged-give");
    await h.interact(blockAction({ user: USERS.bo.id, actionId: "feedback_give", value: "00000000-0000-4000-8000-000000000000", responseUrl: unknownRequest }));
    const reply2 = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/forged-give")));
    expect(String(reply2.body.text)).toContain("wasn't sent to you");

    const noUser = blockAction({ user: USERS.bo.id, actionId: "feedback_skip", value: "x", responseUrl: h.slack.responseUrl("forged-user") });
    (noUser.user as Record<string, unknown>).id = "not a user";
    await h.interact(noUser);
    await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/forged-user")));
    expect(await h.spur.db.feedbackRecipient.count()).toBe(0);
    expect(await h.spur.db.feedbackRequest.count()).toBe(0);
  });
});
