// Signs requests the way Slack does (v0 HMAC-SHA256 over "v0:timestamp:body").
import { createHmac } from "node:crypto";

export function slackSignatureHeaders(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return {
    "x-slack-request-timestamp": String(timestampSeconds),
    "x-slack-signature": `v0=${signature}`,
  };
}
