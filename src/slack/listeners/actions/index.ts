import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerScorecardButtons } from "./scorecard-buttons.ts";

export function register(app: App, services: Services): void {
  registerScorecardButtons(app, services);
}
