// /spur export and /spur forget in Slack, end to end: real PostgreSQL, Redis and BullMQ, fake Slack Web API.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackMarks } from "../../src/core/feedback/feedback-anonymity.ts";
import { parseCsv } from "../../src/ingest/csv-parser.ts";
import { TestClock } from "../support/clock.ts";
import { commandReply } from "../support/command-replies.ts";
import { findEverywhere } from "../support/personal-data-scan.ts";
import { reaction } from "../support/recognition-payloads.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { feedbackSubmission, type FeedbackAnswers } from "../support/slack-interactions.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Display names as Slack profiles give them (what Spur stores), long enough to search for.
const ana = { ...USERS.ana, display_name: "Ana Alves" };
const PEOPLE = ALL_USERS.map((u) => (u.id === ana.id ? ana : u.id === USERS.bo.id ? { ...u, display_name: "Bo Berg" } : u));
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

// Words only Ana wrote (with her name on them), or others wrote about her: none may survive `/spur forget @ana`.
// Her anonymous comment is not among them: nothing ties it to her, and removing it would say it was hers.
const ANA_ANONYMOUS_COMMENT = "Ana secretly admires Dee's patience";
const TEXT = {
  anaGave: "Ana rebuilt the refund macro for Bo",
  boGave: "Bo thanks Ana for untangling the billing escalation",
  together: "Handled the Acme outage together overnight",
  revoked: "Dee traded points with Ana for lunch",
  reactedTo: "Bo wrote the Zephyr runbook in one afternoon",
  anaNamedComment: "Ana says Bo writes superb handovers",
  aboutAnaNamed: "Admin says Ana keeps escalations calm",
  aboutAnaAnon: "Bo anonymously wants Ana to answer pings faster",
};
const NEEDLES = [USERS.ana.id, ana.display_name, USERS.ana.email, "zd-ana-7731", "TICKET-ANA-55", ...Object.values(TEXT)];

const RATINGS = (n: number) => ({ helpfulness: String(n), knowledge: String(n), communication: String(n), collaboration: String(n) });

async function giveFeedback(giver: string, subject: { id: string; name: string }, answers: FeedbackAnswers) {
  const since = h.slack.calls.length;
  await h.command("/feedback", esc(subject), { user: giver, triggerId: `fb-${giver}-${since}` });
  const open = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
  const res = await h.interact(feedbackSubmission({ user: giver, view: open.args.view as Record<string, unknown>, answers }));
  expect(res.body).toContain('"update"');
}

async function exportFiles(text: string, expectedFiles: number, preparing = "Preparing the") {
  const before = new Set(h.slack.files.keys());
  await commandReply(h, USERS.admin.id, "/spur", text, preparing);
  return h.slack.waitFor(() => {
    const added = [...h.slack.files.entries()].filter(([id, f]) => !before.has(id) && f.channel && f.bytes).map(([, f]) => f);
    return added.length === expectedFiles && added;
  }, 15_000);
}

async function csvRecords(bytes: Buffer | undefined): Promise<Record<string, string>[]> {
  const rows: string[][] = [];
  for await (const row of parseCsv(Readable.from([bytes ?? Buffer.alloc(0)]))) rows.push(row.fields);
  const [header, ...data] = rows;
  return data.map((fields) => Object.fromEntries((header ?? []).map((h, i) => [h, fields[i] ?? ""])));
}

/** Team totals that erasure must leave as they were. */
async function aggregates() {
  const db = h.spur.db;
  return {
    kudos: await db.$queryRaw`SELECT team_id::text, sum(points)::int AS points, count(*)::int AS n, count(DISTINCT giver_id)::int AS givers
                              FROM kudos WHERE revoked_at IS NULL GROUP BY team_id ORDER BY team_id`,
    kpis: await db.$queryRaw`SELECT metric, count(*)::int AS n, sum(value) AS total FROM kpi_record GROUP BY metric ORDER BY metric`,
    ratings: await db.$queryRaw`SELECT a.subject_id::text, a.period_key, a.visibility::text, count(*)::int AS n, sum(r.score)::int AS total
                                FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id
                                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  };
}

beforeAll(async () => {
  h = await startHarness({ users: PEOPLE, clock });
  // A month of activity in which Ana takes part in every way Spur stores.
  await commandReply(h, USERS.admin.id, "/kudos", `${esc(USERS.ana)} ${esc(USERS.bo)} 2 ${TEXT.together}`, "Kudos sent");
  await commandReply(h, USERS.ana.id, "/kudos", `${esc(USERS.bo)} 2 ${TEXT.anaGave} #teamwork`, "Kudos sent");
  await commandReply(h, USERS.bo.id, "/kudos", `${esc(USERS.ana)} 2 ${TEXT.boGave}`, "Kudos sent");
  await commandReply(h, USERS.carl.id, "/kudos", `${esc(USERS.dee)} 1 covered the queue with Ana Alves`, "Kudos sent");
  await commandReply(h, USERS.dee.id, "/kudos", `${esc(USERS.ana)} 1 ${TEXT.revoked}`, "Kudos sent");
  const revoked = await h.spur.db.kudos.findFirstOrThrow({ where: { reason: TEXT.revoked } });
  await commandReply(h, USERS.admin.id, "/spur", `revoke ${revoked.giftId.slice(0, 8)} traded, not earned`, "Revoked kudos");
  h.slack.addMessage("CSUPPORT", { ts: "1763400000.000100", text: TEXT.reactedTo, user: USERS.bo.id });
  await h.event(reaction("reaction_added", USERS.ana.id, USERS.bo.id, { channel: "CSUPPORT", ts: "1763400000.000100" }));
  await h.slack.waitFor(async () => (await h.spur.db.kudos.count({ where: { source: "reaction" } })) === 1);

  await giveFeedback(USERS.admin.id, USERS.ana, { ratings: RATINGS(4), keepDoing: TEXT.aboutAnaNamed, visibility: "named" });
  await giveFeedback(USERS.bo.id, USERS.ana, { ratings: RATINGS(2), improve: TEXT.aboutAnaAnon, visibility: "anonymous" });
  await giveFeedback(USERS.carl.id, USERS.ana, { ratings: RATINGS(3), visibility: "anonymous" });
  await giveFeedback(USERS.ana.id, USERS.bo, { ratings: RATINGS(5), keepDoing: TEXT.anaNamedComment, visibility: "named" });
  await giveFeedback(USERS.ana.id, USERS.dee, { ratings: RATINGS(5), keepDoing: ANA_ANONYMOUS_COMMENT, visibility: "anonymous" });
  await giveFeedback(USERS.bo.id, USERS.dee, { ratings: RATINGS(4), visibility: "anonymous" });
  await giveFeedback(USERS.carl.id, USERS.dee, { ratings: RATINGS(3), visibility: "anonymous" });

  await commandReply(h, USERS.ana.id, "/spur", "prompts off", "won't get the weekly");
  await commandReply(h, USERS.admin.id, "/feedback", `request ${esc(USERS.bo)} from ${esc(USERS.ana)} due 2026-11-25`, "I'm asking");
  await h.slack.waitFor(() => h.slack.dmsTo(USERS.ana.id).length > 0);
  await h.slack.waitFor(async () => (await h.spur.db.feedbackRecipient.count({ where: { dmRef: { startsWith: `D${USERS.ana.id}` } } })) === 1);
  const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
  await h.spur.db.recognitionPrompt.create({ data: { memberId: ana.id, teamId: ana.teamId!, weekKey: "2026-W46", dmRef: `D${USERS.ana.id}:1763000000.000100` } });

  await commandReply(h, USERS.admin.id, "/spur", `helpdesk zendesk agent zd-ana-7731 ${esc(USERS.ana)}`, "zd-ana-7731");
  const tokenReply = await commandReply(h, USERS.admin.id, "/spur", "api-token nightly", "copy it now");
  const token = /`(spur_[A-Za-z0-9_-]+)`/.exec(String(tokenReply.args.text))?.[1] ?? "";
  const kpis = await h.request("/api/kpis", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      records: [
        { member_email: USERS.ana.email, metric: "csat", date: "2026-11-16", numerator: 18, denominator: 20 },
        { member_email: USERS.ana.email, metric: "first_response_time", date: "2026-11-16", value: 12, ref: "TICKET-ANA-55" },
        { member_email: USERS.bo.email, metric: "qa_score", date: "2026-11-17", value: 91 },
        { member_email: USERS.bo.email, metric: "qa_score", date: "2026-10-30", value: 70 },
      ],
    }),
  });
  expect(kpis.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe("/spur export and /spur forget are for admins only", () => {
  it("refuses both to an agent, and a forged confirm click changes nothing", async () => {
    await commandReply(h, USERS.ana.id, "/spur", "export 2026-11", "Only Spur admins can export");
    await commandReply(h, USERS.ana.id, "/spur", `forget ${esc(USERS.bo)}`, "Only Spur admins can erase");
    const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });
    await h.clickButton({ user: USERS.ana.id }, { actionId: "data_rights_forget_confirm", value: JSON.stringify({ member: bo.id }) }, "forged-forget");
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === "/response/forged-forget"));
    expect(String(reply.body.text)).toContain("Only Spur admins can erase");
    expect((await h.spur.db.member.findUniqueOrThrow({ where: { id: bo.id } })).displayName).toBe(USERS.bo.real_name);
    expect(await h.spur.db.auditLogEntry.count({ where: { action: { in: ["data.export", "member.forget"] } } })).toBe(0);
  });

  it("explains a period it cannot read", async () => {
    await commandReply(h, USERS.admin.id, "/spur", "export 2026-13", "I can't read `2026-13` here");
    await commandReply(h, USERS.admin.id, "/spur", "export 2026-W60", "not a week, month or quarter");
  });
});

describe("/spur export", () => {
  it("uploads the month's kudos, KPI records and feedback aggregates as CSV files into the admin's DM", async () => {
    const files = await exportFiles("export 2026-11 csv", 3);
    expect(files.map((f) => f.filename).sort()).toEqual(["spur-export-2026-11-feedback.csv", "spur-export-2026-11-kpis.csv", "spur-export-2026-11-kudos.csv"]);
    expect(new Set(files.map((f) => f.channel))).toEqual(new Set([`D${USERS.admin.id}`]));
    const upload = h.slack.callsTo("files.completeUploadExternal").at(-1);
    expect(String(upload?.args.initial_comment)).toContain("Spur export for 2026-11");
    const file = (name: string) => csvRecords(files.find((f) => f.filename.endsWith(`${name}.csv`))?.bytes);

    const kudos = await file("kudos");
    expect(kudos).toHaveLength(await h.spur.db.kudos.count());
    expect(kudos.find((k) => k.reason === `${TEXT.anaGave}`)).toMatchObject({
      giver: USERS.ana.real_name,
      giver_id: USERS.ana.id,
      recipient: USERS.bo.real_name,
      recipient_id: USERS.bo.id,
      points: "2",
      values: "teamwork",
      source: "slash_command",
      revoked: "false",
    });
    expect(kudos.find((k) => k.reason === TEXT.revoked)?.revoked).toBe("true");
    expect(kudos.filter((k) => k.reason === TEXT.together).map((k) => k.recipient_id).sort()).toEqual([USERS.ana.id, USERS.bo.id].sort());

    const kpis = await file("kpis");
    expect(kpis.map((k) => [k.member_id, k.metric, k.date, k.value])).toEqual([
      [USERS.ana.id, "csat", "2026-11-16", "90"],
      [USERS.ana.id, "first_response_time", "2026-11-16", "12"],
      [USERS.bo.id, "qa_score", "2026-11-17", "91"],
    ].sort((a, b) => `${a[2]}${a[1]}`.localeCompare(`${b[2]}${b[1]}`)));
    expect(kpis.find((k) => k.metric === "csat")).toMatchObject({ numerator: "18", denominator: "20", source: "api" });

    const feedback = await file("feedback");
    // Ana: one named answer (4s) and two anonymous ones — below the threshold of 3, so they are left out.
    const ana = feedback.filter((f) => f.member_id === USERS.ana.id);
    expect(ana.map((f) => [f.dimension, f.mean, f.answers, f.anonymous_included])).toEqual(
      ["helpfulness", "knowledge", "communication", "collaboration"].map((d) => [d, "4", "1", "false"]),
    );
    // Dee: three anonymous answers (5, 4, 3) meet the threshold.
    const dee = feedback.filter((f) => f.member_id === USERS.dee.id);
    expect(dee.map((f) => [f.mean, f.answers, f.anonymous_included])).toEqual(Array(4).fill(["4", "3", "true"]));
    expect(feedback.find((f) => f.member_id === USERS.bo.id)).toMatchObject({ mean: "5", answers: "1", period: "2026-11" });
    // Never an individual comment.
    const all = files.map((f) => f.bytes?.toString("utf8")).join("\n");
    for (const comment of [TEXT.aboutAnaAnon, TEXT.aboutAnaNamed, ANA_ANONYMOUS_COMMENT, TEXT.anaNamedComment]) expect(all).not.toContain(comment);

    // The message with the files counts what they hold, in the admin's language; each file has a title.
    const rows = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
    expect(String(upload?.args.initial_comment)).toBe(
      `Spur export for 2026-11 (1 Nov – 30 Nov 2026): ${rows(kudos.length, "kudos row")}, ${rows(kpis.length, "KPI record")}, ` +
        `${rows(feedback.length, "feedback aggregate")}. Feedback is aggregated per person and month; anonymous answers count only ` +
        "where at least 3 people answered anonymously, and no individual answer or comment is included.",
    );
    expect(files.map((f) => f.title).sort()).toEqual(["Feedback aggregates 2026-11", "KPI records 2026-11", "Kudos 2026-11"]);

    const audit = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "data.export" } });
    expect(audit).toMatchObject({ actorUserId: USERS.admin.id, target: "2026-11", details: { periodKey: "2026-11", format: "csv" } });
  });

  it("writes one JSON document for a quarter, with October's KPI record too", async () => {
    const [file] = await exportFiles("export json 2026-Q4", 1);
    expect(file?.filename).toBe("spur-export-2026-Q4.json");
    const doc = JSON.parse(file?.bytes?.toString("utf8") ?? "{}") as {
      period: { key: string };
      anonymityThreshold: number;
      kudos: Record<string, unknown>[];
      kpiRecords: Record<string, unknown>[];
      feedback: Record<string, unknown>[];
    };
    expect(doc.period.key).toBe("2026-Q4");
    expect(doc.anonymityThreshold).toBe(3);
    expect(doc.kudos).toHaveLength(await h.spur.db.kudos.count());
    expect(doc.kpiRecords.map((k) => k.date)).toContain("2026-10-30");
    expect(doc.kpiRecords).toHaveLength(4);
    expect(doc.feedback.filter((f) => f.member_id === USERS.ana.id).every((f) => f.answers === 1 && f.anonymous_included === false)).toBe(true);
  });
});

describe("/spur forget", () => {
  it("asks for confirmation first, then erases Ana's personal data from every table while team totals stay", async () => {
    const anaRow = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    // The marks of Ana's answers (named and anonymous), recomputable from her member row and the server secret.
    const subjects = await h.spur.db.member.findMany({ where: { platformUserId: { in: [USERS.bo.id, USERS.dee.id] } } });
    const marksOf = (salt: string) => subjects.map((subject) => feedbackMarks(h.config.FEEDBACK_HASH_SECRET, { id: anaRow.id, salt }, subject.id, "2026-11")[0]!);
    const storedMarks = async (marks: string[]) => h.spur.db.feedbackGiverMark.count({ where: { mark: { in: marks } } });
    expect(await storedMarks(marksOf(anaRow.feedbackSalt))).toBe(2);
    const needles = [...NEEDLES, anaRow.feedbackSalt];
    const deeComments = async () =>
      (await h.spur.db.feedbackAnswer.findMany({ where: { subjectId: subjects.find((m) => m.platformUserId === USERS.dee.id)!.id }, orderBy: { id: "asc" } })).map(
        ({ keepDoing, improve, visibility, releaseId }) => ({ keepDoing, improve, visibility, releaseId }),
      );
    const deeBefore = await deeComments();
    expect(deeBefore.map((a) => a.keepDoing)).toContain(ANA_ANONYMOUS_COMMENT);
    const before = await findEverywhere(h.db.url, needles);
    // Every needle is really stored somewhere to begin with, so the final check can fail.
    expect(needles.filter((n) => !before.some((f) => f.needle === n))).toEqual([]);
    const totals = await aggregates();

    const ask = await commandReply(h, USERS.admin.id, "/spur", `forget ${esc(USERS.ana)}`, "erases Ana Alves's personal data");
    const button = JSON.stringify(ask.args.blocks);
    expect(button).toContain("data_rights_forget_confirm");
    expect(button).toContain('"confirm":{"title":{"type":"plain_text","text":"Erase personal data?"}');
    expect(await findEverywhere(h.db.url, [USERS.ana.email])).not.toEqual([]);
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    expect(button).toContain(ana.id);

    await h.clickButton({ user: USERS.admin.id }, { actionId: "data_rights_forget_confirm", value: JSON.stringify({ member: ana.id }) }, "forget-ana");
    const done = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === "/response/forget-ana"));
    expect(String(done.body.text)).toContain("personal data was erased");
    expect(done.body.replace_original).toBe(true);

    expect(await findEverywhere(h.db.url, needles)).toEqual([]);
    expect(await aggregates()).toEqual(totals);
    const tombstone = await h.spur.db.member.findUniqueOrThrow({ where: { id: ana.id } });
    // Her salt is gone, so what remains of her no longer leads to her marks; Dee's anonymous answers, hers among
    // them, are exactly as they were.
    expect(await storedMarks(marksOf(tombstone.feedbackSalt))).toBe(0);
    expect(await deeComments()).toEqual(deeBefore);
    expect(tombstone).toMatchObject({ displayName: "Former member", email: null, handle: null, isDeactivated: true });
    expect(tombstone.platformUserId).toMatch(/^forgotten:/);
    const audit = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "member.forget" } });
    expect(audit).toMatchObject({ actorUserId: USERS.admin.id, target: tombstone.platformUserId });
    // The revoke entry that named Ana still says what happened.
    const revoke = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "kudos.revoke" } });
    expect(revoke.reason).toBe("traded, not earned");
    expect(JSON.stringify(revoke.details)).toContain(tombstone.platformUserId);
    // Other people's data is untouched.
    expect(await h.spur.db.kudos.count({ where: { reason: "covered the queue with [former member]" } })).toBe(1);
    expect(await h.spur.db.member.count({ where: { displayName: USERS.bo.real_name } })).toBe(1);
  });

  it("refuses erasing yourself or someone already erased", async () => {
    await commandReply(h, USERS.admin.id, "/spur", `forget ${esc(USERS.admin)}`, "can't erase your own data");
    const tombstone = await h.spur.db.member.findFirstOrThrow({ where: { displayName: "Former member" } });
    await h.clickButton({ user: USERS.admin.id }, { actionId: "data_rights_forget_confirm", value: JSON.stringify({ member: tombstone.id }) }, "forget-again");
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === "/response/forget-again"));
    expect(String(reply.body.text)).toContain("already erased");
  });

  it("exports the erased member's kudos under the tombstone, points intact", async () => {
    const files = await exportFiles("export 2026-11", 3);
    const kudos = await csvRecords(files.find((f) => f.filename.endsWith("kudos.csv"))?.bytes);
    const former = kudos.filter((k) => k.giver === "Former member");
    expect(former.map((k) => [k.points, k.reason, k.recipient_id])).toEqual(
      expect.arrayContaining([["2", "", USERS.bo.id]]),
    );
    expect(files.map((f) => f.bytes?.toString("utf8")).join("")).not.toContain(USERS.ana.id);
  });
});

describe("/spur export and /spur forget in Chinese", () => {
  it("answers a zh-CN workspace in Chinese", async () => {
    await commandReply(h, USERS.admin.id, "/spur", "locale zh-CN", "Simplified Chinese");
    await commandReply(h, USERS.admin.id, "/spur", "export 2026-13", "这里无法识别 `2026-13`");
    await commandReply(h, USERS.admin.id, "/spur", `forget ${esc(USERS.admin)}`, "你不能删除自己的数据");
    const [file] = await exportFiles("export json 2026-11", 1, "正在准备 2026-11");
    expect(file?.title).toBe("Spur 导出 2026-11");
    const upload = h.slack.callsTo("files.completeUploadExternal").at(-1);
    expect(String(upload?.args.initial_comment)).toMatch(/^Spur 导出 2026-11（.+）：点赞 \d+ 行，KPI 记录 \d+ 条，反馈汇总 \d+ 条。反馈按人按月汇总；匿名回答仅在至少 3 人匿名作答时才计入/);
    await commandReply(h, USERS.admin.id, "/spur", "locale en", "英语");
  });
});
