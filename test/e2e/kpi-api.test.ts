import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;
let token = "";
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

const say = (user: string, command: string, text: string, expectText: string) => ephemeralReply(h, user, command, text, expectText);

const post = (body: unknown, auth = token) =>
  h.request("/api/kpis", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
  });

const postCsv = (csv: string, auth = token) =>
  h.request("/api/kpis/csv", { method: "POST", body: csv, headers: { "content-type": "text/csv", authorization: `Bearer ${auth}` } });

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  for (const user of [USERS.ana, USERS.bo]) await say(user.id, "/scorecard", "", "Your scorecard");
  await say(USERS.ana.id, "/spur", "api-token nightly export", "Only Spur admins");
  const reply = await say(USERS.admin.id, "/spur", "api-token nightly export", "copy it now");
  token = /`(spur_[A-Za-z0-9_-]+)`/.exec(String(reply.args.text))?.[1] ?? "";
  expect(token).not.toBe("");
});
afterAll(async () => {
  await h?.stop();
});

describe("POST /api/kpis", () => {
  const batch = {
    records: [
      { member_email: "ana@example.com", metric: "csat", date: "2026-11-16", numerator: 18, denominator: 20 },
      { member_email: "ANA@example.com", metric: "qa_score", date: "2026-11-16", value: 88 },
      { member_email: "bo@example.com", metric: "first_response_time", date: "2026-11-16", value: 14, ref: "T-1" },
      { member_email: "nobody@example.com", metric: "csat", date: "2026-11-16", numerator: 1, denominator: 1 },
      { member_email: "bo@example.com", metric: "csat", date: "2026-11-16", value: 90 },
      { member_email: "bo@example.com", metric: "happiness", date: "2026-11-31", value: 1 },
    ],
  };

  it("stores a batch, rejecting each bad record with its reason", async () => {
    const res = await post(batch);
    expect(res.status).toBe(200);
    const body = res.json() as { inserted: number; updated: number; unchanged: number; rejected: number; rejections: { index: number; reason: string }[] };
    expect(body).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 3 });
    expect(body.rejections.map((r) => r.index)).toEqual([3, 4, 5]);
    expect(body.rejections[0]?.reason).toBe("no member nobody@example.com in this workspace");
    expect(body.rejections[1]?.reason).toContain("is a ratio: give numerator and denominator");
    expect(body.rejections[2]?.reason).toContain("metric must be one of csat");
    expect(body.rejections[2]?.reason).toContain("date is not a calendar date");
    const csat = await h.spur.db.kpiRecord.findFirstOrThrow({ where: { metric: "csat" } });
    expect([csat.value, csat.numerator, csat.denominator, csat.source]).toEqual([90, 18, 20, "api"]);
  });

  it("is idempotent: the same batch again changes nothing, a changed value is an update", async () => {
    const before = await h.spur.db.kpiRecord.findMany({ orderBy: { id: "asc" } });
    const again = await post(batch);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 3 });
    expect(await h.spur.db.kpiRecord.findMany({ orderBy: { id: "asc" } })).toEqual(before);

    const changed = await post({ records: [{ member_email: "ana@example.com", metric: "qa_score", date: "2026-11-16", value: 91 }] });
    expect(changed.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
  });

  it("answers 401 without a valid token and 400 with zod's reasons for a malformed body", async () => {
    expect((await post(batch, "")).status).toBe(401);
    expect((await post(batch, "spur_not-a-real-token")).status).toBe(401);
    const notJson = await post("{records:");
    expect([notJson.status, (notJson.json() as { error: string }).error]).toEqual([400, "invalid_json"]);
    const empty = await post({ records: [] });
    expect(empty.status).toBe(400);
    expect((empty.json() as { message: string }).message).toBe("records must hold at least one record");
    const wrongShape = await post({ rows: [] });
    expect(wrongShape.status).toBe(400);
    expect((wrongShape.json() as { message: string }).message).toContain("records");
  });
});

describe("API tokens", () => {
  it("are listed by prefix and can be revoked by admins", async () => {
    const prefix = token.slice(0, 10);
    const list = await say(USERS.admin.id, "/spur", "api-tokens", `\`${prefix}…\` nightly export — created 2026-`);
    expect(String(list.args.text)).not.toContain(token);
    const spare = /`(spur_[A-Za-z0-9_-]+)`/.exec(String((await say(USERS.admin.id, "/spur", "api-token spare", "copy it now")).args.text))?.[1] ?? "";
    await say(USERS.bo.id, "/spur", `api-token revoke ${spare.slice(0, 10)}`, "Only Spur admins");
    await say(USERS.admin.id, "/spur", `api-token revoke ${spare.slice(0, 10)}`, "Revoked");
    expect((await post({ records: [{ member_email: "bo@example.com", metric: "churn_saves", date: "2026-11-16", value: 1 }] }, spare)).status).toBe(401);
    expect((await post({ records: [{ member_email: "bo@example.com", metric: "churn_saves", date: "2026-11-16", value: 1 }] })).status).toBe(200);
  });
});

describe("POST /api/kpis/csv", () => {
  const good = [
    "member_email,metric,date,value,numerator,denominator,ref",
    "ana@example.com,resolution_time,2026-11-17,5.5,,,T-100",
    'bo@example.com,resolution_time,2026-11-17,"3.25",,,"T-101"',
    "ana@example.com,fcr,2026-11-17,,9,10,",
  ];

  it("imports nothing from a file with bad rows, and reports each with its line number", async () => {
    const csv = [...good.slice(0, 3), "bo@example.com,resolution_time,2026-11-17,abc,,,T-102", good[3], "ana@example.com,fcr,2026-11-17", "", "carl@nowhere.test,qa_score,2026-11-17,80,,,"].join("\r\n");
    const res = await postCsv(csv);
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({
      error: "invalid_rows",
      rows: 6,
      inserted: 0,
      rejected: 2,
      rejections: [
        { line: 4, reason: 'value "abc" is not a number' },
        { line: 6, reason: "expected 7 fields, found 3" },
      ],
    });
    expect((res.json() as { message: string }).message).toContain("Nothing was imported");
    expect(await h.spur.db.kpiRecord.count({ where: { source: "csv" } })).toBe(0);

    // Members are looked up once every row reads well; an unknown one also keeps the whole file out.
    const unknown = await postCsv([...good, "carl@nowhere.test,qa_score,2026-11-17,80,,,"].join("\n"));
    expect(unknown.status).toBe(422);
    expect(unknown.json()).toMatchObject({ rejections: [{ line: 5, reason: "no member carl@nowhere.test in this workspace" }] });
    expect(await h.spur.db.kpiRecord.count({ where: { source: "csv" } })).toBe(0);
  });

  it("imports a file whose every row is good", async () => {
    const res = await postCsv(good.join("\r\n"));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, inserted: 3, rejected: 0, rejections: [] });
    const rows = await h.spur.db.kpiRecord.findMany({ where: { source: "csv" }, orderBy: { ref: "asc" } });
    expect(rows.map((r) => [r.metric, r.value, r.ref])).toEqual([["fcr", 90, ""], ["resolution_time", 5.5, "T-100"], ["resolution_time", 3.25, "T-101"]]);
  });

  it("imports nothing from a file with a wrong header", async () => {
    const before = await h.spur.db.kpiRecord.count();
    const res = await postCsv(["email,kpi,day,value", "ana@example.com,csat,2026-11-17,1"].join("\n"));
    expect(res.status).toBe(422);
    expect((res.json() as { message: string }).message).toMatch(/^Wrong header \(unknown column\(s\) email, kpi, day;.*Nothing was imported\.$/);
    expect(await h.spur.db.kpiRecord.count()).toBe(before);
  });
});
