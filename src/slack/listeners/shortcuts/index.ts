import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { registerGiveKudosShortcut } from "./give-kudos-for-message.ts";

export function register(app: App, services: Services): void {
  registerGiveKudosShortcut(app, services);
}
