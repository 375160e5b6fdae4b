// Signs helpdesk webhook deliveries the way each product does.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/helpdesk/${name}`, import.meta.url), "utf8");
}

/** Zendesk: base64 HMAC-SHA256 of timestamp + body. */
export function zendeskHeaders(secret: string, body: string, timestamp: string): Record<string, string> {
  const signature = createHmac("sha256", secret).update(timestamp + body).digest("base64");
  return {
    "content-type": "application/json",
    "x-zendesk-webhook-signature": signature,
    "x-zendesk-webhook-signature-timestamp": timestamp,
  };
}

/** Intercom: X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body with the client secret>. */
export function intercomHeaders(secret: string, body: string): Record<string, string> {
  return { "content-type": "application/json", "x-hub-signature": `sha1=${createHmac("sha1", secret).update(body).digest("hex")}` };
}

/** Freshdesk: HTTP Basic auth configured on the webhook action; the password is the shared secret. */
export function freshdeskHeaders(secret: string): Record<string, string> {
  return { "content-type": "application/json", authorization: `Basic ${Buffer.from(`freshdesk:${secret}`).toString("base64")}` };
}
