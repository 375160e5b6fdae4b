// Teams' cards have no people picker: the kudos form lists the team's roster (people Spur hasn't met yet too).
// Without the roster (Teams unreachable) the form still offers the members Spur knows.
import type { Logger } from "../logger.ts";
import type { PeoplePicker, Person } from "../use-cases/recognition/people-picker.ts";
import type { Workspace } from "../core/shared/model.ts";
import type { TeamsDeps } from "./command-context.ts";
import { TeamsUsers } from "./teams-users.ts";

export class TeamsPeoplePicker implements PeoplePicker {
  private readonly users: TeamsUsers;
  private readonly logger: Logger;

  constructor(deps: TeamsDeps) {
    this.users = new TeamsUsers(deps.adapter, deps.store, deps.bootstrapAdmins);
    this.logger = deps.services.logger;
  }

  async listed(workspace: Workspace): Promise<Person[]> {
    try {
      return ((await this.users.roster(workspace)) ?? []).map((p) => ({ platformUserId: p.platformUserId, displayName: p.displayName }));
    } catch (err) {
      this.logger.warn({ err, workspaceId: workspace.id }, "Teams roster listing failed: the kudos form offers known members only");
      return [];
    }
  }
}

/** The kudos form's dependencies on Teams. */
export function teamsKudosFormDeps(deps: TeamsDeps) {
  return { ...deps.services, people: new TeamsPeoplePicker(deps) };
}
