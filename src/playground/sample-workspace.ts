// The people and channels of the demo's sample Slack workspace: two support teams (each with its own channel,
// time zone and weekly digest), their leads and an admin.
import type { Role } from "../core/shared/model.ts";
import type { FakeUser } from "./fake-slack-api.ts";

export const SAMPLE_TEAM_ID = "T0001";

export interface SampleTeam {
  key: "frontline" | "escalations";
  name: string;
  channelId: string;
  channelName: string;
  timeZone: string;
  /** The weekly digest: ISO weekday (1 = Monday) and local time in minutes after midnight. */
  digestDay: number;
  digestMinuteOfDay: number;
}

export interface SampleMember {
  id: string;
  handle: string;
  name: string;
  team: SampleTeam["key"];
  role: Role;
  title: string;
}

export const SAMPLE_TEAMS: SampleTeam[] = [
  { key: "frontline", name: "Frontline", channelId: "CFRONTLINE", channelName: "frontline", timeZone: "Europe/London", digestDay: 1, digestMinuteOfDay: 9 * 60 + 30 },
  { key: "escalations", name: "Escalations", channelId: "CESCALATIONS", channelName: "escalations", timeZone: "America/New_York", digestDay: 1, digestMinuteOfDay: 8 * 60 + 30 },
];

/** A channel with no team, for commands typed outside the team channels. */
export const GENERAL_CHANNEL = { channelId: "CGENERAL", channelName: "general" };

export const SAMPLE_MEMBERS: SampleMember[] = [
  { id: "UADMIN01", handle: "alex", name: "Alex Morgan", team: "frontline", role: "admin", title: "Support operations (admin)" },
  { id: "ULEAD001", handle: "maria", name: "Maria Lopez", team: "frontline", role: "lead", title: "Frontline lead" },
  { id: "UAGENT01", handle: "ana", name: "Ana Silva", team: "frontline", role: "agent", title: "Frontline agent" },
  { id: "UAGENT02", handle: "ben", name: "Ben Okafor", team: "frontline", role: "agent", title: "Frontline agent" },
  { id: "UAGENT03", handle: "chloe", name: "Chloe Martin", team: "frontline", role: "agent", title: "Frontline agent" },
  { id: "ULEAD002", handle: "dev", name: "Dev Patel", team: "escalations", role: "lead", title: "Escalations lead" },
  { id: "UAGENT04", handle: "eva", name: "Eva Novak", team: "escalations", role: "agent", title: "Escalations agent" },
  { id: "UAGENT05", handle: "farid", name: "Farid Haddad", team: "escalations", role: "agent", title: "Escalations agent" },
  { id: "UAGENT06", handle: "grace", name: "Grace Kim", team: "escalations", role: "agent", title: "Escalations agent" },
];

/** The sample members as the fake Slack API's users.info reports them. */
export function sampleSlackUsers(): FakeUser[] {
  return SAMPLE_MEMBERS.map((m) => ({
    id: m.id,
    name: m.handle,
    real_name: m.name,
    display_name: m.name,
    email: `${m.handle}@example.com`,
    is_admin: m.role === "admin",
  }));
}
