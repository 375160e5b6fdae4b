// The queue dashboard (Bull Board) over a real BullMQ queue: read-only unless writes are enabled, and then
// every write is logged as an audit line.
import { createServer, type Server } from "node:http";
import { Queue } from "bullmq";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueueBoard } from "../../src/http/queue-board.ts";
import { listen } from "../../src/http/server.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";

const TOKEN = "admin-token-0123456789";
const auth = { authorization: `Basic ${Buffer.from(`ops-ana:${TOKEN}`).toString("base64")}`, "content-type": "application/json" };
const prefix = uniquePrefix();
let queue: Queue;
const servers: Server[] = [];

beforeAll(() => {
  queue = new Queue("posts", { connection: { url: TEST_REDIS_URL }, prefix: `{${prefix}}` });
});
afterAll(async () => {
  for (const s of servers) s.close();
  await queue?.close();
  await deleteKeysWithPrefix(prefix);
});

async function board(writes: boolean) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const route = createQueueBoard([queue], { token: TOKEN, writes, logger });
  const server = createServer((req, res) => void route(req, res));
  servers.push(server);
  const port = await listen(server, 0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}/admin/queues`, lines };
}

const addJob = (base: string) =>
  fetch(`${base}/api/queues/posts/add`, { method: "POST", headers: auth, body: JSON.stringify({ name: "injected", data: { channel: "C1" } }) });

describe("the queue dashboard", () => {
  it("is read-only by default: it shows the queues and refuses adding, retrying or pausing", async () => {
    const { base } = await board(false);
    expect((await fetch(`${base}/api/queues`, { headers: auth })).status).toBe(200);
    const add = await addJob(base);
    expect(add.status).toBe(405);
    expect((await fetch(`${base}/api/queues/posts/pause`, { method: "PUT", headers: auth })).status).toBe(405);
    expect((await fetch(`${base}/api/queues/posts/retry/failed`, { method: "PUT", headers: auth })).status).toBe(405);
    expect(await queue.count()).toBe(0);
    expect(await queue.isPaused()).toBe(false);
  });

  it("with writes enabled, takes a write and logs who made it", async () => {
    const { base, lines } = await board(true);
    expect((await addJob(base)).status).toBe(200);
    expect(await queue.count()).toBe(1);
    expect(lines).toContainEqual(expect.objectContaining({ audit: "queue_board.write", user: "ops-ana", method: "POST", path: "/admin/queues/api/queues/posts/add" }));
  });
});
