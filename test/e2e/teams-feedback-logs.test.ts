// Teams counterpart of slack-feedback-logs.test.ts: Spur never reveals who answered anonymously — not in its
// logs either, even at the most verbose level.
import { afterAll, beforeAll, expect, it } from "vitest";
import { feedbackJobIds } from "../../src/jobs/feedback-requests.ts";
import { TestClock } from "../support/clock.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { executeActions, startTeams, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let t: TeamsSetup;
const lines: string[] = [];

beforeAll(async () => {
  t = await startTeams({
    clock: new TestClock(new Date("2026-11-18T12:00:00Z")),
    env: { LOG_LEVEL: "trace" },
    logSink: (line) => lines.push(line),
    known: [ana, bo, dee],
    personal: [bo, dee],
  });
});
afterAll(async () => {
  await t?.stop();
});

it("logs nothing that names the giver of an anonymous answer", async () => {
  const { h, chat, connector } = t;
  await chat.say(carl, ["admin role ", dee, " lead"], "Dee Diaz is now a lead");
  await chat.say(dee, ["feedback request ", ana, " from ", bo], "I'm asking Bo Berg");
  await connector.waitFor(() => connector.sentTo(`a:personal-${bo.id}`).some((s) => JSON.stringify(s.activity).includes("feedback.give")));
  const request = await h.spur.db.feedbackRequest.findFirstOrThrow();
  const boMember = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } });
  const form = await chat.click(bo, "feedback.give", { requestId: request.id });
  const send = executeActions(form.value).find((a) => a.verb === "feedback.submit")!;

  const from = lines.length;
  const ratings = { rating_helpfulness: "1", rating_knowledge: "1", rating_communication: "1", rating_collaboration: "1" };
  const thanks = await chat.click(bo, "feedback.submit", { ...send.data, ...ratings, improve: "secret words", visibility: "anonymous" });
  expect(thanks.text).toContain("anonymously");
  // Everything that follows: the answer, the request settling, the close job (delayed after an answer; run now)
  // and the lead's summary.
  const close = await h.spur.queues.scheduled.getJob(feedbackJobIds.closeSettled(request.id));
  await close!.promote();
  await connector.waitFor(() => connector.sentTo(`a:personal-${dee.id}`).some((s) => JSON.stringify(s.activity).includes("is closed")));
  await connector.waitFor(async () => (await h.spur.db.feedbackRequest.findFirstOrThrow()).summaryRef !== null);
  const logged = lines.slice(from).join("\n");
  expect(lines.length).toBeGreaterThan(from);
  for (const needle of [bo.id, boMember.id, bo.name, "secret words"]) expect(logged).not.toContain(needle);
});
