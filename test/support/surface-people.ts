// The people of the scenario suite, the same on both platforms: the same names (Slack display names, Teams
// roster names) and handles, so both platforms' replies read alike. Carl is a Spur admin on both (Slack
// is_admin; on Teams he owns the team, and the roster says so). Fay and Gus are there only for scenarios that
// ask for more people (StartOptions.morePeople), such as two teams each with agents of their own.
import type { RosterMember } from "./fake-bot-connector.ts";
import type { FakeUser } from "./fake-slack-api.ts";
import { TEAMS_USERS } from "./teams-activities.ts";

export interface Person {
  key: "ana" | "bo" | "carl" | "dee" | "eve" | "fay" | "gus";
  name: string;
  slack: FakeUser;
  teams: RosterMember;
}

function person(key: keyof typeof TEAMS_USERS, name: string, slackId: string, isAdmin = false): Person {
  const teams = TEAMS_USERS[key];
  return {
    key,
    name,
    slack: { id: slackId, name: key, real_name: name, display_name: name, email: `${key}@example.com`, ...(isAdmin ? { is_admin: true } : {}) },
    teams,
  };
}

export const PEOPLE = {
  ana: person("ana", TEAMS_USERS.ana.name, "UANA"),
  bo: person("bo", TEAMS_USERS.bo.name, "UBO"),
  carl: person("carl", TEAMS_USERS.carl.name, "UCARL", true),
  dee: person("dee", TEAMS_USERS.dee.name, "UDEE"),
} satisfies Record<Exclude<Person["key"], "eve" | "fay" | "gus">, Person>;

export const EVERYONE: Person[] = Object.values(PEOPLE);

function another(key: "fay" | "gus", name: string, slackId: string): Person {
  return {
    key,
    name,
    slack: { id: slackId, name: key, real_name: name, display_name: name, email: `${key}@example.com` },
    teams: { id: `29:${key}`, name, aadObjectId: `aad-${key}`, email: `${key}@contoso.com`, userPrincipalName: `${key}@contoso.com`, userRole: "user" },
  };
}

/** People in the workspace only when a scenario asks for them (StartOptions.morePeople). */
export const MORE_PEOPLE = {
  fay: another("fay", "Fay Fox", "UFAY"),
  gus: another("gus", "Gus Gray", "UGUS"),
} satisfies Record<"fay" | "gus", Person>;

/** Someone outside the workspace: unknown to Slack's users.info and not on the Teams roster. */
export const STRANGER: Person = {
  key: "eve",
  name: "Eve Evans",
  slack: { id: "UEVE", name: "eve", real_name: "Eve Evans", display_name: "Eve Evans", email: "eve@example.com" },
  teams: { id: "29:eve", name: "Eve Evans", aadObjectId: "aad-eve", email: "eve@contoso.com", userPrincipalName: "eve@contoso.com" },
};
