// Seeds the demo's sample workspace through Spur's own stores and, for its teams, the admin's team commands
// (seed-teams.ts): two teams with channels, time zones, digests, leads and members, eight weeks of daily KPIs,
// team targets (set by each team's lead through the targets use case) and kudos. Every write is keyed, so
// running it again changes nothing (a later day only adds that day's KPIs).
import { changeTargets } from "../core/kpi/kpi-admin.ts";
import type { Services } from "../app/services.ts";
import type { KpiTarget, NewKpiRecord } from "../core/kpi/kpi-ports.ts";
import type { Member, Team } from "../core/shared/model.ts";
import { SAMPLE_MEMBERS, SAMPLE_TEAM_ID, SAMPLE_TEAMS, type SampleMember, type SampleTeam } from "./sample-workspace.ts";
import { seedTeamsAsAdmin, type TeamSeedServices } from "./seed-teams.ts";

/** The stores the seed writes through. */
export type SeedServices = Pick<Services, "defaultTimeZone" | "workspaces" | "kudos" | "kpiWriter" | "kpiTargets" | "teamLeads"> & TeamSeedServices;

const DAY_MS = 86_400_000;
const WEEKS = 8;
const SOURCE = "sample";

// The sample data has one aggregate per agent and day (not one record per ticket), so the volume guards
// of the per-ticket metrics count days and reviews.
const TARGETS: Omit<KpiTarget, "period">[] = [
  { metric: "csat", target: 90, weight: 3, minVolume: null },
  { metric: "first_response_time", target: 30, weight: 2, minVolume: 3 },
  { metric: "tickets_handled", target: 100, weight: 1, minVolume: null },
  { metric: "qa_score", target: 85, weight: 2, minVolume: 1 },
];

const KUDOS_REASONS = [
  ["took over my escalations while I was out", "teamwork"],
  ["calmed a furious customer and saved the renewal", "ownership"],
  ["wrote the refund macro everyone now uses", "craft"],
  ["stayed late to clear the weekend backlog", "ownership"],
  ["explained the new billing flow to the whole team", "teamwork"],
  ["spotted the outage before monitoring did", "craft"],
] as const;

/** A repeatable number in [0, 1) for the n-th draw, so seeded data is the same on every run. */
function draw(n: number): number {
  const x = Math.sin(n * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export interface SeededWorkspace {
  workspaceId: string;
  teams: { sample: SampleTeam; team: Team }[];
  members: Map<string, Member>;
}

/** Everyone of the sample workspace as Spur meets them: in the default team, admins as admins (their profile says so). */
async function seedPeople(services: SeedServices, workspaceId: string, teamId: string): Promise<Member[]> {
  return services.memberRepo.upsertProfiles(
    workspaceId,
    teamId,
    SAMPLE_MEMBERS.map((m) => ({
      platformUserId: m.id,
      displayName: m.name,
      handle: m.handle,
      email: `${m.handle}@example.com`,
      timeZone: SAMPLE_TEAMS.find((t) => t.key === m.team)?.timeZone ?? services.defaultTimeZone,
      isBot: false,
      isDeactivated: false,
      isWorkspaceAdmin: m.role === "admin",
    })),
  );
}

/** One record per agent, metric and weekday for the last eight weeks up to today (QA reviews on Fridays). */
function sampleKpis(agents: { member: Member; index: number }[], today: Date): NewKpiRecord[] {
  const records: NewKpiRecord[] = [];
  for (let day = WEEKS * 7 - 1; day >= 0; day--) {
    const at = new Date(today.getTime() - day * DAY_MS);
    const weekday = at.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = isoDate(at);
    for (const { member, index } of agents) {
      const n = index * 1000 + day;
      const skill = 0.85 + index * 0.02;
      const responses = 3 + Math.floor(draw(n) * 5);
      const satisfied = Math.min(responses, Math.round(responses * (skill + draw(n + 1) * 0.12)));
      const base = { memberId: member.id, date, source: SOURCE, ref: "" };
      records.push(
        { ...base, metric: "tickets_handled", value: 14 + Math.floor(draw(n + 2) * 16), numerator: null, denominator: null },
        { ...base, metric: "csat", value: (satisfied * 100) / responses, numerator: satisfied, denominator: responses },
        { ...base, metric: "first_response_time", value: Math.round(12 + draw(n + 3) * 30 - index * 2), numerator: null, denominator: null },
      );
      if (weekday === 5) records.push({ ...base, metric: "qa_score", value: Math.round(72 + draw(n + 4) * 24), numerator: null, denominator: null });
    }
  }
  return records;
}

async function seedKudos(services: SeedServices, workspaceId: string, members: Map<string, Member>, today: Date): Promise<void> {
  const people = SAMPLE_MEMBERS.map((m) => ({ sample: m, member: members.get(m.id) })).filter(
    (p): p is { sample: SampleMember; member: Member } => p.member !== undefined,
  );
  for (let i = 0; i < WEEKS * 5; i++) {
    const giver = people[Math.floor(draw(i + 7) * people.length)]!;
    // Mostly to a teammate, sometimes across teams.
    const pool = draw(i + 11) < 0.8 ? people.filter((p) => p.sample.team === giver.sample.team) : people;
    const recipients = pool.filter((p) => p !== giver);
    const recipient = recipients[Math.floor(draw(i + 13) * recipients.length)]!;
    const [reason, value] = KUDOS_REASONS[i % KUDOS_REASONS.length]!;
    await services.kudos.recordGift({
      workspaceId,
      giverId: giver.member.id,
      recipients: [{ memberId: recipient.member.id, teamId: recipient.member.teamId! }],
      points: 1 + Math.floor(draw(i + 17) * 3),
      reason,
      values: [value],
      source: "slash_command",
      sourceRef: null,
      idempotencyKey: `${SOURCE}:${i}`,
      givenAt: new Date(today.getTime() - (WEEKS * 7 - Math.floor(i * 1.4)) * DAY_MS + 10 * 3_600_000),
    });
  }
}

/** Seeds (or tops up) the sample workspace; returns what the playground needs to know about it. */
export async function seedSampleWorkspace(services: SeedServices): Promise<SeededWorkspace> {
  const { workspace, defaultTeam } = await services.workspaces.ensure("slack", SAMPLE_TEAM_ID, { teamTimeZone: services.defaultTimeZone });
  const workspaceId = workspace.id;
  const people = await seedPeople(services, workspaceId, defaultTeam.id);
  const admin = people.find((m) => m.role === "admin");
  if (!admin) throw new Error("demo seed: the sample workspace has no admin");
  const teams = await seedTeamsAsAdmin(services, { workspace, defaultTeam, admin });
  // As the team commands left them: in their teams, leads as leads.
  const members = new Map((await services.memberRepo.findByPlatformIds(workspaceId, SAMPLE_MEMBERS.map((m) => m.id))).map((m) => [m.platformUserId, m]));
  const today = new Date(`${isoDate(services.clock.now())}T00:00:00Z`);
  const agents = SAMPLE_MEMBERS.filter((m) => m.role === "agent").map((m, index) => ({ member: members.get(m.id)!, index }));
  await services.kpiWriter.upsert(sampleKpis(agents, today));
  // Each team's lead sets its targets, as `spur team <name> targets set …` would (audited; nothing when unchanged).
  for (const { sample, team } of teams) {
    const lead = SAMPLE_MEMBERS.find((m) => m.team === sample.key && m.role === "lead");
    const actor = lead && members.get(lead.id);
    if (!actor) throw new Error(`demo seed: ${sample.name} has no lead`);
    await changeTargets(services, { actor, team, set: TARGETS.map((target) => ({ ...target, period: "month" })), remove: [] });
  }
  await seedKudos(services, workspaceId, members, today);
  return { workspaceId, teams, members };
}
