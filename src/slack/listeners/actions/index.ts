import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackRequestActions } from "./feedback-request.ts";
import { registerRecognitionPromptActions } from "./recognition-prompt.ts";

export function register(app: App, services: Services): void {
  registerFeedbackRequestActions(app, services);
  registerRecognitionPromptActions(app, services);
}
