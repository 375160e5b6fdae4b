import { createHmac, timingSafeEqual } from "node:crypto";

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hmac(algorithm: "sha1" | "sha256", secret: string, data: Buffer | string, encoding: "hex" | "base64"): string {
  return createHmac(algorithm, secret).update(data).digest(encoding);
}
