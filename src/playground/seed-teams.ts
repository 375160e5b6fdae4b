// The demo's teams, set up the way an admin sets them up: the sample admin runs the team commands (`spur team
// create|rename`, each team's channel, time zone, digest and leads, `spur team <name> add @member`) through
// runTeamCommand, so every change is audited and the schedules follow it. Only what differs from the sample is
// changed, so seeding again writes nothing.
import type { JobDispatch, Services } from "../app/services.ts";
import { runTeamCommand, type TeamAdminInput } from "../core/admin/team-admin.ts";
import type { TeamRecord } from "../core/admin/team-ports.ts";
import type { MentionRef } from "../core/shared/command-text.ts";
import type { Member, Team, Workspace } from "../core/shared/model.ts";
import { SAMPLE_MEMBERS, SAMPLE_TEAMS, type SampleTeam } from "./sample-workspace.ts";

/** What the team commands need: the stores, the member directory and the schedules. */
export type TeamSeedServices = Pick<Services, "clock" | "teamAdmin" | "members" | "memberRepo" | "userGroups" | "followedGroups"> & { jobs: Pick<JobDispatch, "syncTeamSchedules"> };

const mention = (platformUserId: string): MentionRef => ({ kind: "id", id: platformUserId });

/**
 * Makes the sample teams what SAMPLE_TEAMS says, as `admin` would with commands: the workspace's default team
 * becomes the first, the others are created. Returns each sample team's stored team.
 */
export async function seedTeamsAsAdmin(
  services: TeamSeedServices,
  input: { workspace: Workspace; defaultTeam: Team; admin: Member },
): Promise<{ sample: SampleTeam; team: Team }[]> {
  const { workspace, defaultTeam, admin } = input;
  const run = (command: TeamAdminInput["command"]) =>
    runTeamCommand(
      { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
      { workspace, defaultTeam, actor: admin, command, channel: null },
    );
  const teams = [];
  for (const [index, sample] of SAMPLE_TEAMS.entries()) {
    const name = sample.name;
    if (!(await services.teamAdmin.byName(workspace.id, name))) {
      const isDefault = index === 0;
      await run(isDefault ? { kind: "rename", name: (await defaultOf(services, workspace)).name, newName: name } : { kind: "create", name });
    }
    const team = await named(services, workspace, name);
    if (team.channelId !== sample.channelId) await run({ kind: "channel", name, channelId: sample.channelId });
    if (team.timeZone !== sample.timeZone) await run({ kind: "timezone", name, timeZone: sample.timeZone });
    if (team.digestDay !== sample.digestDay || team.digestMinuteOfDay !== sample.digestMinuteOfDay) {
      await run({ kind: "digest", name, day: sample.digestDay, minuteOfDay: sample.digestMinuteOfDay });
    }
    const people = SAMPLE_MEMBERS.filter((m) => m.team === sample.key);
    const stored = await services.memberRepo.findByPlatformIds(workspace.id, people.map((m) => m.id));
    const leading = await leadsOf(services, workspace, team.id);
    const leads = people.filter((m) => m.role === "lead" && !leading.includes(m.id));
    if (leads.length > 0) await run({ kind: "lead", name, action: "add", members: leads.map((m) => mention(m.id)) });
    const moving = stored.filter((m) => m.teamId !== team.id);
    if (moving.length > 0) await run({ kind: "assign", name, members: moving.map((m) => mention(m.platformUserId)) });
    teams.push({ sample, team: await named(services, workspace, name) });
  }
  return teams;
}

async function named(services: TeamSeedServices, workspace: Workspace, name: string): Promise<TeamRecord> {
  const team = await services.teamAdmin.byName(workspace.id, name);
  if (!team) throw new Error(`demo seed: the team ${name} was not made`);
  return team;
}

async function defaultOf(services: TeamSeedServices, workspace: Workspace): Promise<TeamRecord> {
  const summary = (await services.teamAdmin.summaries(workspace.id)).find((s) => s.team.isDefault);
  if (!summary) throw new Error("demo seed: the workspace has no default team");
  return summary.team;
}

async function leadsOf(services: TeamSeedServices, workspace: Workspace, teamId: string): Promise<string[]> {
  const summary = (await services.teamAdmin.summaries(workspace.id)).find((s) => s.team.id === teamId);
  return summary?.leads.map((l) => l.platformUserId) ?? [];
}
