import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackRequestActions } from "./feedback-request.ts";
import { registerForgetConfirmAction } from "./forget-confirm.ts";
import { registerHistoryPageAction } from "./history-page.ts";
import { registerRecognitionPromptActions } from "./recognition-prompt.ts";
import { registerScorecardButtons } from "./scorecard-buttons.ts";

export function register(app: ListenerTable, services: Services): void {
  registerHistoryPageAction(app, services);
  registerFeedbackRequestActions(app, services);
  registerRecognitionPromptActions(app, services);
  registerScorecardButtons(app, services);
  registerForgetConfirmAction(app, services);
}
