import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackModal } from "./feedback-modal.ts";
import { registerGiveKudosView } from "./give-kudos.ts";
import { registerKpiTargetsView } from "./kpi-targets.ts";
import { registerSpurSettingsView } from "./spur-settings.ts";

export function register(app: App, services: Services): void {
  registerGiveKudosView(app, services);
  registerSpurSettingsView(app, services);
  registerFeedbackModal(app, services);
  registerKpiTargetsView(app, services);
}
