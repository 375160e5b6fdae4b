// Who a kudos form offers to pick from. Slack's form has its own people picker (a users select) and lists
// nobody; Teams' cards have none, so its adapter lists the team's roster.
import type { Workspace } from "../../core/shared/model.ts";

export interface Person {
  platformUserId: string;
  displayName: string;
}

export interface PeoplePicker {
  /** The people the platform lists for the workspace, or null when the form's own picker finds them. */
  listed(workspace: Workspace): Promise<Person[] | null>;
}
