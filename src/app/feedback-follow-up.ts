// After a peer's answer to a feedback request was saved, on either platform: settle the request if this was
// the last answer (its close waits a random while, so it does not follow the answer in time or transaction
// order), and retire the request message's buttons.
import { markRequestDmAnswered } from "../core/feedback/feedback-request.ts";
import type { Services } from "./services.ts";

export async function afterRequestAnswer(
  services: Pick<Services, "jobs" | "logger" | "feedbackRequests" | "messengerFor">,
  input: { requestId: string; peerId: string; settled: boolean }): Promise<void> {
  try {
    if (input.settled) await services.jobs.feedbackRequestSettled(input.requestId, { byAnswer: true });
    await markRequestDmAnswered(services, input);
  } catch (err) {
    // The answer is saved; the due-date job still closes the request. Logged without names.
    services.logger.warn({ err }, "follow-up of a request answer failed");
  }
}
