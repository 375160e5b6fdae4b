import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerKpiTargetsView } from "./kpi-targets.ts";

export function register(app: App, services: Services): void {
  registerKpiTargetsView(app, services);
}
