// One answer per person, subject and period without storing who answered: the store keeps a mark, a keyed hash
// (HMAC-SHA256 under a server secret) of the giver's salt, the subject and the period, in a table of its own that
// nothing joins to the answers. Without the secret a mark cannot be recomputed from member ids; it differs per
// subject and period, so two marks by the same person cannot be linked; and erasing a member replaces their
// salt, after which nobody, the secret's holder included, can tell which marks were theirs.
import { createHmac } from "node:crypto";

export function feedbackGiverMark(secret: string, salt: string, subjectId: string, periodKey: string): string {
  return createHmac("sha256", secret).update(`feedback:v2:${salt}:${subjectId}:${periodKey}`).digest("hex");
}

/**
 * The key answers were stored under before marks were salted (recomputable from the member id): still checked
 * so an answer given before the change counts, and deleted when its giver is erased.
 */
export function legacyFeedbackGiverKey(secret: string, giverId: string, subjectId: string, periodKey: string): string {
  return createHmac("sha256", secret).update(`feedback:v1:${giverId}:${subjectId}:${periodKey}`).digest("hex");
}

/** A giver's marks for a subject and period: the current one first, then the legacy key. */
export function feedbackMarks(secret: string, giver: { id: string; salt: string }, subjectId: string, periodKey: string): string[] {
  return [feedbackGiverMark(secret, giver.salt, subjectId, periodKey), legacyFeedbackGiverKey(secret, giver.id, subjectId, periodKey)];
}

/**
 * The order anonymous comments are shown in within their batch: by a keyed hash of the text, so it is stable from
 * one report to the next and says nothing about the order they were given in.
 */
export function shuffledComments(secret: string, batch: string, comments: readonly string[]): string[] {
  const keyed = comments.map((text) => ({ text, key: createHmac("sha256", secret).update(`feedback-order:v1:${batch}:${text}`).digest("hex") }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((c) => c.text);
}
