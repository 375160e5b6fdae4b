import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackModal } from "./feedback-modal.ts";

export function register(app: App, services: Services): void {
  registerFeedbackModal(app, services);
}
