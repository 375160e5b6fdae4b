import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { registerGiveKudosShortcut } from "./give-kudos-for-message.ts";

export function register(app: ListenerTable, services: Services): void {
  registerGiveKudosShortcut(app, services);
}
