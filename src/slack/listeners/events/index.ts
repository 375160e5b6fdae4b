import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { registerUninstall } from "./app-uninstalled.ts";
import { registerMemberChanges } from "./member-changes.ts";
import { registerReactionKudos } from "./reaction-kudos.ts";
import { registerUserGroupChanges } from "./user-group-changes.ts";

export function register(app: ListenerTable, services: Services): void {
  registerReactionKudos(app, services);
  registerUninstall(app, services);
  registerMemberChanges(app, services);
  registerUserGroupChanges(app, services);
}
