import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackModal } from "./feedback-modal.ts";
import { registerGiveKudosView } from "./give-kudos.ts";
import { registerKpiTargetsView } from "./kpi-targets.ts";
import { registerSettingsFormView } from "./settings-form.ts";

export function register(app: App, services: Services): void {
  registerGiveKudosView(app, services);
  registerSettingsFormView(app, services);
  registerFeedbackModal(app, services);
  registerKpiTargetsView(app, services);
}
