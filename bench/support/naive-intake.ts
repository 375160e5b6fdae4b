// The intake benchmark's baseline, run as its own process: the simplest handler that stores a `/kudos` before it
// acknowledges it. It checks the signature, finds giver and recipients among the stored members (one query),
// inserts one row per recipient (one statement, autocommit) and only then answers 200 with the confirmation.
// No allowance rules, no members on first sight, no posts: a floor for what "durable before ack" costs.
//   DATABASE_URL=… PORT=… SLACK_SIGNING_SECRET=… WORKSPACE_ID=… node --import tsx bench/support/naive-intake.ts
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const { DATABASE_URL, PORT, SLACK_SIGNING_SECRET, WORKSPACE_ID } = process.env;
if (!DATABASE_URL || !PORT || !SLACK_SIGNING_SECRET || !WORKSPACE_ID) throw new Error("naive-intake: DATABASE_URL, PORT, SLACK_SIGNING_SECRET and WORKSPACE_ID are required");
const secret = SLACK_SIGNING_SECRET;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

function signedBy(req: IncomingMessage, body: string): boolean {
  const ts = Number(req.headers["x-slack-request-timestamp"]);
  const given = String(req.headers["x-slack-signature"] ?? "");
  if (!Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return false;
  const expected = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ response_type: "ephemeral", text }));
}

async function kudos(form: URLSearchParams): Promise<string> {
  const giverId = form.get("user_id") ?? "";
  const text = form.get("text") ?? "";
  const recipients = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] as string);
  const rest = text.replace(/<@[^>]+>/g, " ").trim().split(/\s+/);
  const points = /^\d+$/.test(rest[0] ?? "") ? Number(rest.shift()) : 1;
  const values = rest.filter((w) => w.startsWith("#")).map((w) => w.slice(1));
  const reason = rest.filter((w) => !w.startsWith("#")).join(" ");
  const { rows } = await pool.query<{ id: string; team_id: string; platform_user_id: string }>(
    "SELECT id, team_id, platform_user_id FROM member WHERE workspace_id = $1 AND platform_user_id = ANY($2)",
    [WORKSPACE_ID, [giverId, ...recipients]],
  );
  const byId = new Map(rows.map((r) => [r.platform_user_id, r]));
  const giver = byId.get(giverId);
  const found = recipients.map((r) => byId.get(r));
  if (!giver || found.length === 0 || found.some((r) => !r)) return "I don't know everyone named.";
  const key = `naive:${form.get("team_id")}:${form.get("trigger_id")}`;
  const params: unknown[] = [WORKSPACE_ID, giver.id, points, reason, values];
  const tuples = found.map((r, i) => {
    params.push(r!.team_id, r!.id, i, `${key}:${r!.id}`);
    const n = params.length;
    return `(gen_random_uuid(), $1, $${n - 3}, $2, $${n - 2}, $${n - 1}, $3, $4, $5::text[], 'slash_command', $${n})`;
  });
  await pool.query(
    `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, position, points, reason, "values", source, idempotency_key)
     VALUES ${tuples.join(", ")} ON CONFLICT (idempotency_key) DO NOTHING`,
    params,
  );
  return `You gave ${points} points to ${recipients.map((r) => `<@${r}>`).join(", ")}.`;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.url === "/healthz") return answer(res, 200, "ok");
    if (!signedBy(req, body)) return answer(res, 401, "bad signature");
    kudos(new URLSearchParams(body)).then(
      (text) => answer(res, 200, text),
      (err: unknown) => answer(res, 500, String(err)),
    );
  });
});
server.listen(Number(PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
