// Peer feedback on both platforms, held to the same words: the form (its fields, its field errors, a named or
// anonymous answer), refusals (twice, oneself, someone unknown, results that aren't yours), a lead's report
// with the anonymity threshold (hidden below it, in totals at it, hidden again when an admin raises it), a
// lead requesting a peer's feedback (the peer's message, its form, the lead's summary) and the team overview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackJobIds, SETTLED_BY_ANSWER_DELAY_MS } from "../../src/jobs/feedback-requests.ts";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, STRANGER, type Surface, type SurfaceForm } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

const SCORES = ["1 — needs a lot of work", "2 — below expectations", "3 — solid", "4 — strong", "5 — outstanding"];
const WITHHELD = (n: number) =>
  `Anonymous answers are not shown until at least ${n} people have answered anonymously; after that, the figures change only after every ${n} new anonymous answers.`;
const HIDDEN = (n: number) => `${WITHHELD(n)} Only you can see this.`;
const NOTHING_YET = (n: number) => ["Feedback for Bo Berg — November 2026", "No ratings to show yet.", HIDDEN(n)].join("\n");

describe.each(PLATFORMS)("feedback on %s", (platform) => {
  let s: Surface;
  // Wednesday 18 Nov 2026: feedback is counted per month (November 2026).
  const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
  const ratings = (form: SurfaceForm, score: string) => Object.fromEntries(form.fields.filter((f) => f.id.startsWith("rating_")).map((f) => [f.id, score]));

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    expect((await s.say(carl, "spur", ["role ", dee, " lead"])).text).toBe("✅ Dee Diaz is now a lead.");
  });
  afterAll(() => s?.stop());

  it("opens the form on a teammate: a rating per dimension, two comments, named or anonymous", async () => {
    const form = await s.open(ana, "feedback", [bo]);
    expect(form.notice).toBe("How has Bo Berg been doing lately? Be specific and kind.");
    expect(form.submit).toBe("Send");
    expect(form.fields.map((f) => [f.id, f.label])).toEqual([
      ["rating_helpfulness", "Helpfulness"],
      ["rating_knowledge", "Knowledge"],
      ["rating_communication", "Communication"],
      ["rating_collaboration", "Collaboration"],
      ["keep_doing", "Keep doing (optional)"],
      ["improve", "Improve (optional)"],
      ["visibility", "Who sees your name?"],
    ]);
    expect(form.fields[0]?.choices.map((c) => c.label)).toEqual(SCORES);
    // Anonymous unless the giver picks named.
    expect(form.fields.at(-1)?.value).toBe("anonymous");
    expect(form.fields.at(-1)?.choices).toEqual([
      { value: "named", label: "Named — Bo Berg and their lead see it's from you" },
      { value: "anonymous", label: "Anonymous — only in totals, once 3+ people answered anonymously" },
    ]);
  });

  it("names each missing answer under its field and saves nothing", async () => {
    const form = await s.open(ana, "feedback", [bo]);
    const refused = await s.submit(ana, form, { keep_doing: "clear handover notes" });
    expect(refused).toEqual({
      errors: {
        rating_helpfulness: "Pick a rating from 1 to 5 for helpfulness.",
        rating_knowledge: "Pick a rating from 1 to 5 for knowledge.",
        rating_communication: "Pick a rating from 1 to 5 for communication.",
        rating_collaboration: "Pick a rating from 1 to 5 for collaboration.",
      },
      reply: null,
    });
    expect(await s.h.spur.db.feedbackAnswer.count()).toBe(0);
  });

  it("saves an anonymous answer, and refuses a second one, oneself and someone unknown", async () => {
    const form = await s.open(ana, "feedback", [bo]);
    const saved = await s.submit(ana, form, { ...ratings(form, "4"), keep_doing: "clear handover notes", visibility: "anonymous" });
    expect(saved.reply?.text).toBe("🎉 Thanks! Your feedback on Bo Berg for November 2026 was saved anonymously — it only ever appears in totals.");
    expect((await s.say(ana, "feedback", [bo])).text).toBe("⚠️ You've already given Bo Berg feedback for this period — one answer per person keeps it fair.");
    expect((await s.say(ana, "feedback", [ana])).text).toBe("⚠️ Feedback is for your teammates — you can't give feedback on yourself.");
    expect((await s.say(ana, "feedback", [STRANGER])).text).toBe("⚠️ I couldn't find Eve Evans in this workspace.");
  });

  it("shows a lead the report, without anonymous answers below the threshold; an agent can't see it", async () => {
    expect((await s.say(dee, "feedback", ["report ", bo])).text).toBe(NOTHING_YET(3));
    expect((await s.say(ana, "feedback", ["report ", bo])).text).toBe("⚠️ Feedback results are private: you can see your own, and leads can see their team's.");
  });

  it("lets a lead request a peer's feedback: the peer's message, its form, the lead's summary", async () => {
    const asked = await s.say(dee, "feedback", ["request ", bo, " from ", carl, " due friday"]);
    expect(asked.text).toBe(
      "✅ I'm asking Carl Cruz for feedback on Bo Berg (November 2026). I'll remind them before it's due and send you a summary when it closes.",
    );
    const request = await s.dm(carl, "would like your feedback");
    expect(request.text).toBe(
      "Dee Diaz would like your feedback on Bo Berg by Fri 20 Nov.\nIt takes a minute. You choose whether your name is shown; anonymous answers only ever appear in totals.",
    );
    expect(request.buttons.map((b) => b.label)).toEqual(["Give feedback", "Skip"]);
    const form = await s.clickForm(carl, request, "Give feedback");
    expect(form.fields.map((f) => f.id)).toEqual(["rating_helpfulness", "rating_knowledge", "rating_communication", "rating_collaboration", "keep_doing", "improve", "visibility"]);
    const saved = await s.submit(carl, form, { ...ratings(form, "5"), improve: "pick up more chats", visibility: "anonymous" });
    expect(saved.reply?.text).toBe("🎉 Thanks! Your feedback on Bo Berg for November 2026 was saved anonymously — it only ever appears in totals.");
    // The answer settled the request: it closes a random while later, not right after the answer.
    const { id } = await s.h.spur.db.feedbackRequest.findFirstOrThrow({ where: { status: "open" } });
    const close = await s.h.spur.queues.scheduled.getJob(feedbackJobIds.closeSettled(id));
    expect(await close?.getState()).toBe("delayed");
    expect(close?.delay).toBeGreaterThanOrEqual(SETTLED_BY_ANSWER_DELAY_MS.min);
    expect(close?.delay).toBeLessThanOrEqual(SETTLED_BY_ANSWER_DELAY_MS.max);
    await close!.promote();
    const summary = await s.dm(dee, "is closed");
    expect(summary.text).toBe(
      [
        "Feedback on Bo Berg is closed — everyone you asked has responded.",
        "1 answer, 0 skipped, 0 no response (asked 1).",
        "Feedback for Bo Berg — November 2026",
        "No ratings to show yet.",
        `${WITHHELD(3)} feedback report shows named comments.`,
      ].join("\n"),
    );
  });

  it("refuses an agent requesting feedback", async () => {
    expect((await s.say(bo, "feedback", ["request ", ana, " from ", dee])).text).toBe("⚠️ Only Ana Alves's lead (or an admin) can request feedback on them.");
  });

  it("counts anonymous answers in the totals once three people gave them, for the lead and the agent", async () => {
    const form = await s.open(dee, "feedback", [bo]);
    await s.submit(dee, form, { ...ratings(form, "3"), visibility: "anonymous" });
    const totals = [
      "Helpfulness: 4.00 / 5 (3 ratings)",
      "Knowledge: 4.00 / 5 (3 ratings)",
      "Communication: 4.00 / 5 (3 ratings)",
      "Collaboration: 4.00 / 5 (3 ratings)",
      "Overall: 4.00 / 5 from 3 answers",
      "Anonymous comments (in no particular order)",
      "Keep doing: clear handover notes",
      "Improve: pick up more chats",
      "Anonymous answers are included in these totals only, in batches: the figures change only after every 3 new anonymous answers, so no single answer can be worked out. Only you can see this.",
    ];
    expect((await s.say(dee, "feedback", ["report ", bo])).text).toBe(["Feedback for Bo Berg — November 2026", ...totals].join("\n"));
    expect((await s.say(bo, "feedback", ["mine"])).text).toBe(["Your feedback — November 2026", ...totals].join("\n"));
    expect((await s.say(dee, "feedback", ["team"])).text).toBe(
      [
        "Team feedback — November 2026 · Default team",
        "Ana Alves: no feedback to show yet",
        "Bo Berg: 4.00 / 5 from 3 answers",
        "Carl Cruz: no feedback to show yet",
        "feedback report @agent for details. Anonymous answers count only once enough people gave them.",
      ].join("\n"),
    );
  });

  it("shows a named answer with its giver and comments in the lead's report", async () => {
    const form = await s.open(bo, "feedback", [ana]);
    const saved = await s.submit(bo, form, { ...ratings(form, "5"), keep_doing: "calm on escalations", visibility: "named" });
    expect(saved.reply?.text).toBe("🎉 Thanks! Your feedback on Ana Alves for November 2026 was saved with your name.");
    expect((await s.say(dee, "feedback", ["report ", ana])).text).toBe(
      [
        "Feedback for Ana Alves — November 2026",
        "Helpfulness: 5.00 / 5 (1 rating)",
        "Knowledge: 5.00 / 5 (1 rating)",
        "Communication: 5.00 / 5 (1 rating)",
        "Collaboration: 5.00 / 5 (1 rating)",
        "Overall: 5.00 / 5 from 1 answer",
        "From Bo Berg: Helpfulness 5 · Knowledge 5 · Communication 5 · Collaboration 5",
        "Keep doing: calm on escalations",
        HIDDEN(3),
      ].join("\n"),
    );
  });

  it("lets only an admin raise the threshold (never below 3), which hides them again", async () => {
    expect((await s.say(dee, "feedback", ["threshold 4"])).text).toBe("⚠️ Only Spur admins can change settings. Ask a workspace admin.");
    expect((await s.say(carl, "feedback", ["threshold 2"])).text).toBe("⚠️ The anonymity threshold is a whole number from 3 to 50: feedback threshold 3.");
    expect((await s.say(carl, "feedback", ["threshold 4"])).text).toBe("✅ Anonymous feedback now appears once 4 people have answered anonymously.");
    expect((await s.say(dee, "feedback", ["report ", bo])).text).toBe(NOTHING_YET(4));
  });
});
