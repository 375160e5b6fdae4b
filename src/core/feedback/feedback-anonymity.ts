// One answer per person, subject and period without storing who answered: the store keeps a keyed hash
// (HMAC-SHA256 under a server secret). Without the secret the key cannot be recomputed from member ids,
// and it differs per subject and period, so two answers by the same person cannot be linked either.
import { createHmac } from "node:crypto";

export function feedbackGiverKey(secret: string, giverId: string, subjectId: string, periodKey: string): string {
  return createHmac("sha256", secret).update(`feedback:v1:${giverId}:${subjectId}:${periodKey}`).digest("hex");
}
