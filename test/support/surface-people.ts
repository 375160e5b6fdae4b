// The people of the scenario suite, the same on both platforms: the same names (Slack display names, Teams
// roster names) and handles, so both platforms' replies read alike. Carl is a Spur admin on both (Slack
// is_admin; on Teams he installs Spur, so he is its first admin).
import type { RosterMember } from "./fake-bot-connector.ts";
import type { FakeUser } from "./fake-slack-api.ts";
import { TEAMS_USERS } from "./teams-activities.ts";

export interface Person {
  key: "ana" | "bo" | "carl" | "dee";
  name: string;
  slack: FakeUser;
  teams: RosterMember;
}

function person(key: Person["key"], name: string, slackId: string, isAdmin = false): Person {
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
} satisfies Record<Person["key"], Person>;

export const EVERYONE: Person[] = Object.values(PEOPLE);
