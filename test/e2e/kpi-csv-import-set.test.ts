// The set-based CSV import through POST /api/kpis/csv: rows checked while streamed, members resolved in the
// database (email, id, helpdesk agent), the later of two equal records winning, re-imports changing nothing,
// all or nothing by default and the good rows only with ?partial=1 — and nothing half-written either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let token = "";
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const HEADER = "member_email,metric,date,value,numerator,denominator,ref";

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  for (const user of [USERS.ana, USERS.bo]) await ephemeralReply(h, user.id, "/scorecard", "", "Your scorecard");
  const reply = await ephemeralReply(h, USERS.admin.id, "/spur", "api-token imports", "copy it now");
  token = /`(spur_[A-Za-z0-9_-]+)`/.exec(String(reply.args.text))?.[1] ?? "";
  await ephemeralReply(h, USERS.admin.id, "/spur", "helpdesk zendesk zendesk-signing-secret", "zendesk connected");
  await ephemeralReply(h, USERS.admin.id, "/spur", `helpdesk zendesk agent 3812 ${esc(USERS.bo)}`, "zendesk agent 3812 is now bo");
});
afterAll(async () => {
  await h?.stop();
});

type Report = { rows: number; inserted: number; updated: number; unchanged: number; rejected: number; rejections: { line: number; reason: string }[] };
const postCsv = async (lines: string[], query = "") => {
  const res = await h.request(`/api/kpis/csv${query}`, {
    method: "POST",
    body: lines.join("\n"),
    headers: { "content-type": "text/csv", authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: res.json() as Report & { error?: string } };
};
const records = () =>
  h.spur.db.kpiRecord.findMany({ orderBy: [{ ref: "asc" }, { metric: "asc" }], select: { ref: true, metric: true, value: true, memberId: true, teamId: true, updatedAt: true } });
const memberId = async (platformUserId: string) => (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId } })).id;
const clear = () => h.spur.db.kpiRecord.deleteMany();

// Line 1 is the header: these are lines 2–7.
const mixed = [
  HEADER,
  "ana@example.com,resolution_time,2026-11-17,5.5,,,M-1",
  "bo@example.com,resolution_time,2026-11-17,abc,,,M-2",
  "carl@nowhere.test,qa_score,2026-11-17,80,,,M-3",
  "BO@Example.com,fcr,2026-11-17,,9,10,M-4",
  "ana@example.com,happiness,2026-11-17,1,,,M-5",
  "dee@nowhere.test,qa_score,2026-11-17,70,,,M-6",
];

describe("rejected rows", () => {
  it("are reported with their line numbers, the file's own faults and unknown members together, in line order", async () => {
    const { status, body } = await postCsv(mixed, "?partial=1");
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 6, inserted: 2, updated: 0, unchanged: 0, rejected: 4 });
    expect(body.rejections).toEqual([
      { line: 3, reason: 'value "abc" is not a number' },
      { line: 4, reason: "no member carl@nowhere.test in this workspace" },
      { line: 6, reason: expect.stringContaining("metric must be one of csat") },
      { line: 7, reason: "no member dee@nowhere.test in this workspace" },
    ]);
    expect((await records()).map((r) => r.ref)).toEqual(["M-1", "M-4"]);
    await clear();
  });
});

describe("all or nothing, unless partial", () => {
  it("writes nothing of a file with a bad row, and says which", async () => {
    const { status, body } = await postCsv(mixed);
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: "invalid_rows", inserted: 0, rejected: 2 });
    expect(body.rejections.map((r) => r.line)).toEqual([3, 6]);
    expect(await records()).toEqual([]);
  });

  it("writes nothing of a file whose only fault is a member the database does not know", async () => {
    const { status, body } = await postCsv([HEADER, "ana@example.com,resolution_time,2026-11-17,5.5,,,U-1", "carl@nowhere.test,qa_score,2026-11-17,80,,,U-2"]);
    expect(status).toBe(422);
    expect(body).toMatchObject({ inserted: 0, rejected: 1, rejections: [{ line: 3, reason: "no member carl@nowhere.test in this workspace" }] });
    expect(await records()).toEqual([]);
  });

  it("with ?partial=1 writes the good rows of the same file", async () => {
    const { status, body } = await postCsv([HEADER, "ana@example.com,resolution_time,2026-11-17,5.5,,,U-1", "carl@nowhere.test,qa_score,2026-11-17,80,,,U-2"], "?partial=1");
    expect(status).toBe(200);
    expect(body).toMatchObject({ inserted: 1, rejected: 1 });
    expect((await records()).map((r) => r.ref)).toEqual(["U-1"]);
    await clear();
  });
});

describe("duplicates and re-imports", () => {
  const file = [
    HEADER,
    "ana@example.com,qa_score,2026-11-16,70,,,D-1",
    "bo@example.com,qa_score,2026-11-16,60,,,D-2",
    "ANA@example.com,qa_score,2026-11-16,90,,,D-1",
    "ana@example.com,csat,2026-11-16,,3,4,",
    "ana@example.com,csat,2026-11-16,,4,4,",
  ];

  it("keeps the later line of a record given twice in one file", async () => {
    const { status, body } = await postCsv(file);
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 5, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await records();
    expect(stored.map((r) => [r.ref, r.metric, r.value])).toEqual([["", "csat", 100], ["D-1", "qa_score", 90], ["D-2", "qa_score", 60]]);
  });

  it("changes nothing when the same file comes again; a changed value is an update of that record only", async () => {
    const before = await records();
    const again = await postCsv(file);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await records()).toEqual(before);

    const changed = await postCsv([HEADER, "ana@example.com,qa_score,2026-11-16,95,,,D-1", "bo@example.com,qa_score,2026-11-16,60,,,D-2"]);
    expect(changed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await records();
    expect(after.find((r) => r.ref === "D-1")?.value).toBe(95);
    expect(after.find((r) => r.ref === "D-2")).toEqual(before.find((r) => r.ref === "D-2"));
    await clear();
  });
});

describe("members resolved in the database", () => {
  it("maps helpdesk agent ids to members, refuses an unmapped one, and files each record under its member's team", async () => {
    const lines = ["helpdesk_agent,metric,date,value,ref", "zendesk:3812,first_response_time,2026-11-17,12,Z-1", "zendesk:9999,first_response_time,2026-11-17,14,Z-2"];
    const refused = await postCsv(lines);
    expect(refused.status).toBe(422);
    expect(refused.body.rejections).toEqual([{ line: 3, reason: "no member is mapped to zendesk agent 9999 in this workspace" }]);
    expect(await records()).toEqual([]);

    const { status, body } = await postCsv(lines.slice(0, 2));
    expect(status).toBe(200);
    expect(body).toMatchObject({ inserted: 1, rejected: 0 });
    const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });
    expect(await records()).toMatchObject([{ ref: "Z-1", memberId: bo.id, teamId: bo.teamId }]);
    expect(bo.teamId).not.toBeNull();
    await clear();
  });

  it("resolves member ids of this workspace only", async () => {
    const ana = await memberId(USERS.ana.id);
    const stranger = "7f000000-0000-4000-8000-000000000001";
    const { status, body } = await postCsv(["member_id,metric,date,value,ref", `${ana},tickets_handled,2026-11-17,7,I-1`, `${stranger},tickets_handled,2026-11-17,3,I-2`], "?partial=1");
    expect(status).toBe(200);
    expect(body).toMatchObject({ inserted: 1, rejected: 1, rejections: [{ line: 3, reason: `no member ${stranger} in this workspace` }] });
    expect(await records()).toMatchObject([{ ref: "I-1", memberId: ana, value: 7 }]);
    await clear();
  });

  it("refuses a header naming the member twice over", async () => {
    const { status, body } = await postCsv(["member_email,helpdesk_agent,metric,date,value", "ana@example.com,zendesk:3812,qa_score,2026-11-17,80"]);
    expect(status).toBe(422);
    expect((body as unknown as { message: string }).message).toContain("give exactly one of member_email, member_id or helpdesk_agent");
  });
});
