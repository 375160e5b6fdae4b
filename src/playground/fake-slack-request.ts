// How calls reach the fake Slack Web API: form-encoded or JSON bodies (Block Kit fields as JSON inside forms),
// and uploaded file bytes (multipart or raw).
import type { IncomingMessage } from "node:http";

const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "view"]);

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The uploaded bytes: the first part of a multipart/form-data body, or the raw body. */
export function fileContent(req: IncomingMessage, raw: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers["content-type"] ?? "");
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return raw;
  const start = raw.indexOf("\r\n\r\n", raw.indexOf(`--${marker}`)) + 4;
  const end = raw.indexOf(`\r\n--${marker}`, start);
  return raw.subarray(start, end);
}

export function parseBody(req: IncomingMessage, buffer: Buffer): Record<string, unknown> {
  const raw = buffer.toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = JSON_FIELDS.has(k) ? safeJson(v) : v;
  }
  return args;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
