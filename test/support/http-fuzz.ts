// The harness of the HTTP route fuzz (test/fuzz/http-routes-*.test.ts, split by route family so the files run
// in parallel): a running Spur with Slack, Teams, an API token and helpdesk secrets; requests sent in batches;
// after each property the process must still serve and no answer may have been 500 or more.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { CARD_VERBS } from "../../src/teams/cards/card-actions.ts";
import { slackActionId } from "../../src/slack/render/blocks.ts";
import { slackCallbackId } from "../../src/slack/render/modal.ts";
import { FakeBotConnector } from "./fake-bot-connector.ts";
import { FUZZ_RUNS, fuzzParameters, heapAfterGc } from "./fuzz.ts";
import { SIGNING_SECRET, startHarness, TEAM_ID, type Harness } from "./spur-harness.ts";
import { botAddedToTeam, TEAMS_ROSTER } from "./teams-activities.ts";
import { ALL_USERS } from "./users.ts";

export const SECRETS = { zendesk: "zendesk-fuzz-secret", intercom: "intercom-fuzz-secret", freshdesk: "freshdesk-fuzz-secret" };
export const VERBS = Object.values(CARD_VERBS);
export const SLACK_ACTIONS = [...VERBS.map((v) => slackActionId(v)), ...VERBS.map((v) => slackActionId(v, "x")), "value", "give_kudos_for_message"];
export const SLACK_CALLBACKS = [...VERBS.map((v) => slackCallbackId(v)), "feedback_modal", "give_kudos", "kudos_modal"];
export const SLACK_USER_IDS = [...ALL_USERS.map((u) => u.id), "UNOBODY", "", "W123"];

/** The running Spur and what the properties need of it (set before the first property runs). */
export const fuzzed = { h: undefined as unknown as Harness, connector: undefined as unknown as FakeBotConnector, workspaceId: "", apiToken: "" };
/** Every answer ≥ 500, with what was sent: the test fails listing them. */
const failures: { route: string; status: number; sent: string }[] = [];
let heapAtStart = 0;

export interface Sent {
  route: string;
  path: string;
  method?: string;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

async function send(req: Sent): Promise<number> {
  let res: Response;
  try {
    res = await fetch(`${fuzzed.h.baseUrl}${req.path}`, {
      method: req.method ?? "POST",
      headers: req.headers ?? {},
      ...(req.body !== undefined && req.method !== "GET" && req.method !== "HEAD" ? { body: req.body } : {}),
      redirect: "manual",
    });
    await res.arrayBuffer();
  } catch (err) {
    // A server may answer an oversized body early (413) and close the connection while the client still sends.
    if (req.route.startsWith("oversized")) return 0;
    failures.push({ route: req.route, status: -1, sent: `${req.path}: ${String(err)}` });
    return -1;
  }
  if (res.status >= 500) {
    const body = req.body === undefined ? "" : Buffer.from(req.body).toString("utf8").slice(0, 400);
    failures.push({ route: req.route, status: res.status, sent: `${req.method ?? "POST"} ${req.path.slice(0, 200)} ${JSON.stringify(body)}` });
  }
  return res.status;
}

/** How a case prints in fast-check's report: short, even for a 24 MB body. */
function described(req: Sent): Sent {
  const body = Buffer.from(req.body ?? "");
  const shown = `${req.method ?? "POST"} ${req.path} ${body.length} bytes: ${JSON.stringify(body.subarray(0, 600).toString("utf8"))}`;
  return Object.assign(req, { [fc.toStringMethod]: () => shown });
}

/**
 * Requests of one fast-check case, sent at once: Bolt answers a payload no listener takes only after 3 s (404),
 * so a case's time is that wait, however many requests share it.
 */
export const BATCH = 40;

/** Sends `runs` requests drawn from `arbitrary`, BATCH at a time; every answer must be below 500. */
export async function fuzz(arbitrary: fc.Arbitrary<Sent>, runs = FUZZ_RUNS, batch = BATCH): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary.map(described), { minLength: 1, maxLength: batch }), async (reqs) => {
      const statuses = await Promise.all(reqs.map(send));
      for (const status of statuses) expect(status).toBeGreaterThanOrEqual(0);
      for (const status of statuses) expect(status).toBeLessThan(500);
    }),
    fuzzParameters(Math.ceil(runs / ((batch + 1) / 2))),
  );
}

export function slackSigned(body: Buffer | string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:`).update(body).digest("hex");
  return { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": `v0=${signature}` };
}

/** Percent-encodes the text's UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
export const pct = (t: string) => [...Buffer.from(t, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

export const contentTypes = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "");

/** Registers the file's hooks: start Spur before the properties, check it after each, stop it after all. */
export function useFuzzedSpur(): void {
  beforeAll(async () => {
    fuzzed.connector = await new FakeBotConnector(TEAMS_ROSTER).start();
    const h = (fuzzed.h = await startHarness({ users: ALL_USERS, teams: true }));
    const { workspace } = await h.spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
    fuzzed.workspaceId = workspace.id;
    fuzzed.apiToken = (await h.spur.services.apiTokens.create(fuzzed.workspaceId, "fuzz", null)).token;
    for (const [provider, secret] of Object.entries(SECRETS)) await h.spur.services.helpdesks.setSecret(fuzzed.workspaceId, provider, secret);
    expect((await h.teams(botAddedToTeam(fuzzed.connector.url))).status).toBe(200);
    heapAtStart = heapAfterGc();
  }, 60_000);

  afterEach(async () => {
    // The process is alive and serving after each route's cases; each failing case is listed (first ten).
    expect(await statusOf("/healthz")).toBe(200);
    const found = failures.splice(0);
    expect(found.slice(0, 10)).toEqual([]);
  });

  afterAll(async () => {
    await fuzzed.h?.stop();
    await fuzzed.connector?.stop();
  });
}

/** The file's last property: memory stayed bounded and the process still serves after all of its cases. */
export function itKeepsMemoryBounded(): void {
  it("keeps memory bounded and the process serving after all of it", async () => {
    const grown = heapAfterGc() - heapAtStart;
    expect(grown).toBeLessThan(256 * 1024 * 1024);
    expect(process.memoryUsage().rss).toBeLessThan(2 * 1024 * 1024 * 1024);
    expect(await statusOf("/readyz")).toBe(200);
  });
}

/**
 * A GET's status (/healthz, /readyz). The client's connection pool may hand out connections the server closed
 * after answering an oversized body early (413 before the upload ended; a batch sends several): such an attempt
 * fails with ECONNRESET, so a connection error is tried again on a new connection, a few times; a process that is
 * down fails every time.
 */
async function statusOf(path: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await fetch(`${fuzzed.h.baseUrl}${path}`)).status;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}


