import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerHistoryPageAction } from "./history-page.ts";

export function register(app: App, services: Services): void {
  registerHistoryPageAction(app, services);
}
