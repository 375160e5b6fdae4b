// The bot never reveals who answered anonymously — not in its logs either, even at the most verbose level.
import { afterAll, beforeAll, expect, it } from "vitest";
import { feedbackJobIds } from "../../src/jobs/feedback-requests.ts";
import { TestClock } from "../support/clock.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { blockAction, feedbackSubmission } from "../support/slack-interactions.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const lines: string[] = [];

beforeAll(async () => {
  h = await startHarness({
    users: ALL_USERS,
    clock: new TestClock(new Date("2026-11-18T12:00:00Z")),
    env: { LOG_LEVEL: "trace" },
    logSink: (line) => lines.push(line),
  });
});
afterAll(async () => {
  await h?.stop();
});

it("logs nothing that names the giver of an anonymous answer", async () => {
  await h.command("/spur", `role ${esc(USERS.carl)} lead`, { user: USERS.admin.id });
  await waitForCommandReply(h, USERS.admin.id, "now a lead");
  await h.command("/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.bo)}`, { user: USERS.carl.id });
  await h.slack.waitFor(() => h.slack.dmsTo(USERS.bo.id).length > 0);
  const request = await h.spur.db.feedbackRequest.findFirstOrThrow();
  const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });

  const since = h.slack.calls.length;
  await h.interact(blockAction({ user: USERS.bo.id, actionId: "feedback_give", value: request.id, responseUrl: h.slack.responseUrl("give") }));
  const open = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));

  const from = lines.length;
  const res = await h.interact(
    feedbackSubmission({
      user: USERS.bo.id,
      view: open.args.view as Record<string, unknown>,
      answers: { ratings: { helpfulness: "1", knowledge: "1", communication: "1", collaboration: "1" }, improve: "secret words", visibility: "anonymous" },
    }),
  );
  expect(JSON.parse(res.body).response_action).toBe("update");
  // Everything that follows: the answer, the request settling, the close job (delayed after an answer; run now)
  // and the lead's summary.
  const close = await h.spur.queues.scheduled.getJob(feedbackJobIds.closeSettled(request.id));
  await close!.promote();
  await h.slack.waitFor(() => h.slack.dmsTo(USERS.carl.id).length > 0);
  await h.slack.waitFor(async () => (await h.spur.db.feedbackRequest.findFirstOrThrow()).summaryRef !== null);
  const logged = lines.slice(from).join("\n");
  expect(lines.length).toBeGreaterThan(from);
  for (const needle of [USERS.bo.id, bo.id, "secret words"]) expect(logged).not.toContain(needle);
});
