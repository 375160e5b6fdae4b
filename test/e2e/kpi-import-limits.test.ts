// Imports are all or nothing and bounded: a file over a limit is refused (413, naming the limit) before it is
// held in memory, and one bad value anywhere — a number that overflows, a NUL byte, half a surrogate pair, a
// date PostgreSQL cannot store — is a 4xx naming the field and the line or record, with nothing written.
// Never a 500: the API and the helpdesk webhooks too.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { zendeskHeaders } from "../support/helpdesk-signing.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;
let token = "";
let workspaceId = "";
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const MAX_BYTES = 2_000_000;
const MAX_ROWS = 6_000;
const HEADER = "member_email,metric,date,value,numerator,denominator,ref";

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock, env: { CSV_MAX_BYTES: String(MAX_BYTES), CSV_MAX_ROWS: String(MAX_ROWS) } });
  for (const user of [USERS.ana, USERS.bo]) await ephemeralReply(h, user.id, "/scorecard", "", "Your scorecard");
  const reply = await ephemeralReply(h, USERS.admin.id, "/spur", "api-token imports", "copy it now");
  token = /`(spur_[A-Za-z0-9_-]+)`/.exec(String(reply.args.text))?.[1] ?? "";
  await ephemeralReply(h, USERS.admin.id, "/spur", "helpdesk zendesk zendesk-signing-secret", "zendesk connected");
  workspaceId = (await h.spur.db.workspace.findFirstOrThrow()).id;
});
afterAll(async () => {
  await h?.stop();
});

const auth = () => ({ authorization: `Bearer ${token}` });
const postCsv = (csv: string | Buffer) => h.request("/api/kpis/csv", { method: "POST", body: csv, headers: { "content-type": "text/csv", ...auth() } });
const postJson = (body: unknown) => h.request("/api/kpis", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...auth() } });

/** Streams `size` bytes (one header line, then `filler` repeated) without ever holding them: a client's upload. */
function streamCsv(size: number, filler: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${h.baseUrl}/api/kpis/csv`, { method: "POST", headers: { "content-type": "text/csv", ...auth() } }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and stop reading before the whole upload is sent.
    req.on("error", reject);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += filler.length;
        if (!req.write(filler)) return void req.once("drain", pump);
      }
      req.end();
    };
    req.write(`${HEADER}\n`);
    pump();
  });
}

async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - baseline) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

describe("CSV limits", () => {
  it("refuses a 64 MB single line with 413 naming the line limit, in bounded memory, and keeps serving", async () => {
    const { result, growthMb } = await peakRssGrowth(() => streamCsv(64 * 1024 * 1024, Buffer.alloc(64 * 1024, "a")));
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: "payload_too_large", limit: "line", message: expect.stringContaining("Line 2 is longer than 65536 characters") });
    expect(growthMb).toBeLessThan(100);
    expect((await h.request("/healthz", {})).status).toBe(200);
    expect(await h.spur.db.kpiRecord.count()).toBe(0);
  }, 60_000);

  it("refuses a file over the size limit with 413 naming it", async () => {
    // Long lines (each refused for its long ref), so the size limit comes before the row limit.
    const line = Buffer.from(`ana@example.com,resolution_time,2026-11-17,5.5,,,${"r".repeat(1000)}\n`);
    const res = await streamCsv(MAX_BYTES * 2, line);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ limit: "body", message: expect.stringContaining(`larger than ${MAX_BYTES} bytes`) });
    expect(await h.spur.db.kpiRecord.count()).toBe(0);
  });

  it("refuses a file over the row limit with 413 naming it", async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `ana@example.com,resolution_time,2026-11-17,5.5,,,R-${i}`);
    const res = await postCsv([HEADER, ...rows].join("\n"));
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ limit: "rows", message: expect.stringContaining(`more than ${MAX_ROWS} rows`) });
    expect(await h.spur.db.kpiRecord.count()).toBe(0);
  });
});

describe("CSV imports are all or nothing", () => {
  const goodRows = Array.from({ length: 5000 }, (_, i) => `${i % 2 ? "ana" : "bo"}@example.com,fcr,2026-11-17,,9,10,T-${i}`);
  const withBad = (bad: string | Buffer) =>
    Buffer.concat([Buffer.from(`${[HEADER, ...goodRows.slice(0, 2500)].join("\n")}\n`), Buffer.from(bad), Buffer.from(`\n${goodRows.slice(2500).join("\n")}`)]);
  const BAD_LINE = 2502;

  it.each([
    ["a ratio that overflows to Infinity", "ana@example.com,fcr,2026-11-17,,1e308,1e308,T-bad", /numerator is out of range/],
    ["a value out of range", "ana@example.com,resolution_time,2026-11-17,1e308,,,T-bad", /value is out of range/],
    ["a NUL byte", "ana@example.com,resolution_time,2026-11-17,5,,,T-\u0000bad", /ref contains a NUL character \(U\+0000\) at character 3/],
    ["a control character", "ana@example.com,resolution_time,2026-11-17,5,,,T-\u001bbad", /ref contains a control character \(U\+001B\)/],
    ["a lone surrogate (CESU-8 bytes)", Buffer.from([...Buffer.from("ana@example.com,resolution_time,2026-11-17,5,,,T-"), 0xed, 0xa0, 0xbd]), /ref is not valid UTF-8/],
    ["a year PostgreSQL cannot store", "ana@example.com,resolution_time,0000-01-01,5,,,T-bad", /date must be in the years 1970–2999/],
  ] as const)("%s: 422 naming the field and line, no row written", async (_name, bad, reason) => {
    const res = await postCsv(withBad(bad));
    expect(res.status).toBe(422);
    const body = res.json() as { rejections: { line: number; reason: string }[]; inserted: number };
    expect(body.rejections).toHaveLength(1);
    expect(body.rejections[0]?.line).toBe(BAD_LINE);
    expect(body.rejections[0]?.reason).toMatch(reason);
    expect(await h.spur.db.kpiRecord.count()).toBe(0);
  });

  it("writes all 5,000 rows of a good file", async () => {
    const res = await postCsv([HEADER, ...goodRows].join("\n"));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ rows: 5000, inserted: 5000, rejected: 0 });
    expect(await h.spur.db.kpiRecord.count()).toBe(5000);
    await h.spur.db.kpiRecord.deleteMany();
  });

  it("answers a header whose quoted field is never closed with 422, not a 500", async () => {
    for (const csv of ['"', `"member,metric\n${goodRows[0]}`]) {
      const res = await postCsv(csv);
      expect(res.status).toBe(422);
      expect(res.json()).toMatchObject({ error: "invalid_header" });
      expect(String((res.json() as { message?: string }).message)).toContain("never closed");
    }
    expect(await h.spur.db.kpiRecord.count()).toBe(0);
  });
});

describe("bad values in the JSON API and helpdesk webhooks", () => {
  it("refuses each bad record with its index and field, never a 500", async () => {
    const base = { member_email: "ana@example.com", metric: "resolution_time", date: "2026-11-17", value: 5 };
    const res = await postJson({
      records: [
        { ...base, ref: "ok" },
        { member_email: "ana@example.com", metric: "fcr", date: "2026-11-17", numerator: 1e308, denominator: 1e308, ref: "overflow" },
        { ...base, ref: "nul\u0000" },
        { ...base, ref: "half \ud83d" },
        { ...base, date: "0000-01-01", ref: "year" },
      ],
    });
    expect(res.status).toBe(200);
    const body = res.json() as { inserted: number; rejections: { index: number; reason: string }[] };
    expect(body.inserted).toBe(1);
    expect(body.rejections.map((r) => [r.index, r.reason.split(" ")[0]])).toEqual([[1, "numerator"], [2, "ref"], [3, "ref"], [4, "date"]]);
    expect(body.rejections[2]?.reason).toContain("a lone surrogate (U+D83D)");
    expect(await h.spur.db.kpiRecord.findMany({ select: { ref: true } })).toEqual([{ ref: "ok" }]);
    await h.spur.db.kpiRecord.deleteMany();
  });

  it("answers a webhook with unstorable text or dates with a 4xx or a rejection, never a 500", async () => {
    const ticket = (over: Record<string, unknown>) =>
      JSON.stringify({
        ticket: {
          id: 991,
          status: "solved",
          created_at: "2026-11-17T09:00:00Z",
          updated_at: "2026-11-17T10:00:00Z",
          first_reply_at: "",
          assignee: { id: null, email: "ana@example.com" },
          satisfaction: { score: 5, comment: "Great help" },
          ...over,
        },
      });
    const deliver = (body: string) => h.request(`/webhooks/zendesk?workspace=${workspaceId}`, { method: "POST", body, headers: zendeskHeaders("zendesk-signing-secret", body, "2026-11-18T11:59:30Z") });

    const nul = await deliver(ticket({ satisfaction: { score: 5, comment: "Great\u0000 help" } }));
    expect(nul.status).toBe(400);
    expect(nul.json()).toMatchObject({ error: "invalid_text", message: expect.stringContaining("ticket.satisfaction.comment contains a NUL character") });
    const half = await deliver(ticket({ satisfaction: { score: 5, comment: "Great \ud83d" } }));
    expect(half.status).toBe(400);

    const farFuture = await deliver(ticket({ updated_at: "9999-12-31T23:00:00Z" }));
    expect(farFuture.status).toBe(400);
    expect(farFuture.json()).toMatchObject({ error: "invalid_payload", message: expect.stringContaining("must be in the years 1970–2999") });
    expect(await h.spur.db.kudos.count({ where: { source: "customer" } })).toBe(0);
    expect(await h.spur.db.kpiRecord.count({ where: { periodDate: { gt: new Date("2999-12-31") } } })).toBe(0);
  });
});
