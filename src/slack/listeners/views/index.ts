import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackModal } from "./feedback-modal.ts";
import { registerGiveKudosView } from "./give-kudos.ts";
import { registerSettingsFormView } from "./settings-form.ts";
import { registerTargetsFormView } from "./targets-form.ts";
import { registerTeamSettingsFormView } from "./team-settings-form.ts";

export function register(app: ListenerTable, services: Services): void {
  registerGiveKudosView(app, services);
  registerSettingsFormView(app, services);
  registerFeedbackModal(app, services);
  registerTargetsFormView(app, services);
  registerTeamSettingsFormView(app, services);
}
