// The OAuth `state` of the install flow (GET /slack/install → Slack → GET /slack/oauth_redirect): signed with
// SLACK_STATE_SECRET, valid for ten minutes, and usable once. Bolt's own state store only checks the signature
// and age, so a state (with its cookie) could complete several installs within its ten minutes; here each
// state's nonce is consumed atomically (a Redis SET NX) the first time it is verified.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { InstallURLOptions, StateStore } from "@slack/bolt";
import { z } from "zod";

export const STATE_TTL_SECONDS = 600;

/** Consumes a nonce: true the first time, false ever after (until the TTL has long passed). */
export type ConsumeOnce = (nonce: string, ttlSeconds: number) => Promise<boolean>;

const StatePayload = z.object({
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  issuedAt: z.number().int(),
  installOptions: z.object({ scopes: z.union([z.string(), z.array(z.string())]) }).passthrough(),
});

/** Bolt's failure page answers this code with a 400. */
class InvalidStateError extends Error {
  readonly code = "slack_oauth_invalid_state";
}

export class SingleUseStateStore implements StateStore {
  constructor(
    private readonly secret: string,
    private readonly consumeOnce: ConsumeOnce,
  ) {}

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(body).digest("base64url");
  }

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const body = Buffer.from(JSON.stringify({ nonce: randomBytes(24).toString("base64url"), issuedAt: now.getTime(), installOptions })).toString("base64url");
    return `${body}.${this.sign(body)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const [body, signature, extra] = state.split(".");
    if (!body || !signature || extra !== undefined) throw new InvalidStateError("The state parameter is malformed.");
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidStateError("The state parameter is not signed by Spur.");
    let payload: z.infer<typeof StatePayload>;
    try {
      payload = StatePayload.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    } catch {
      throw new InvalidStateError("The state parameter is unreadable.");
    }
    const age = now.getTime() - payload.issuedAt;
    if (age < 0 || age > STATE_TTL_SECONDS * 1000) throw new InvalidStateError("The state parameter has expired.");
    // Kept a minute past its expiry, so it is still known as used while it could still verify.
    if (!(await this.consumeOnce(payload.nonce, STATE_TTL_SECONDS + 60))) throw new InvalidStateError("The state parameter was already used.");
    return payload.installOptions as InstallURLOptions;
  }
}
