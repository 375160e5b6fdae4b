// KPI administration's rules: targets (leads for the teams they lead, admins for any), API tokens and helpdesks (admins).
// Each operation checks who may do it, then changes the store; the words are the use cases'.
import { assertAdmin } from "../admin/admin-command.ts";
import { type MentionRef, mentionKey, mentionParam } from "../shared/command-text.ts";
import { type AuditEntry, auditBy } from "../shared/audit.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { TeamLeadership } from "../shared/ports.ts";
import { msg } from "../../i18n/message.ts";
import type { MetricCode } from "./kpi-catalogue.ts";
import type { HelpdeskProviderName } from "./kpi-admin-command.ts";
import type { ApiTokenRepository, HelpdeskRepository, KpiTarget, KpiTargetRepository } from "./kpi-ports.ts";

export interface TargetsDeps {
  kpiTargets: KpiTargetRepository;
  teamLeads: TeamLeadership;
}

export interface ApiTokenDeps {
  apiTokens: ApiTokenRepository;
}

export interface HelpdeskDeps {
  helpdesks: HelpdeskRepository;
  members: MemberDirectory;
}

/** Admins change any team's targets; a lead those of the teams they lead (the team_lead table), no other. */
export async function assertCanEditTargets(deps: Pick<TargetsDeps, "teamLeads">, actor: Member, team: Team): Promise<void> {
  if (actor.role === "admin") return;
  if (actor.role !== "lead") throw new SpurError(ErrorCode.NotAllowed, msg("kpiAdmin.targets.notAllowed"));
  if (!(await deps.teamLeads.teamsLedBy(actor.id)).includes(team.id)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("kpiAdmin.targets.notYourTeam", { team: team.name }));
  }
}

/** Sets and removes the team's targets (one command, or the whole form) and returns them as they now are. */
export async function changeTargets(
  deps: TargetsDeps,
  input: { actor: Member; team: Team; set: KpiTarget[]; remove: MetricCode[] },
): Promise<{ targets: KpiTarget[]; removed: MetricCode[] }> {
  const { actor, team } = input;
  await assertCanEditTargets(deps, actor, team);
  const before = new Map((await deps.kpiTargets.forTeam(team.id)).map((t) => [t.metric, t]));
  const audit: AuditEntry[] = [];
  for (const target of input.set) {
    const from = before.get(target.metric);
    if (from && sameTarget(from, target)) continue;
    audit.push(auditBy(actor, "kpi.target_set", team.id, { team: team.name, ...target, from: from ?? null }));
  }
  for (const metric of input.remove) {
    if (before.has(metric)) audit.push(auditBy(actor, "kpi.target_remove", team.id, { team: team.name, metric }));
  }
  const removed = await deps.kpiTargets.change(team.id, { set: input.set, remove: input.remove }, actor.id, audit);
  return { targets: await deps.kpiTargets.forTeam(team.id), removed };
}

function sameTarget(a: KpiTarget, b: KpiTarget): boolean {
  return a.target === b.target && a.weight === b.weight && a.period === b.period && a.minVolume === b.minVolume;
}

export async function createApiToken(deps: ApiTokenDeps, input: { workspace: Workspace; actor: Member; name: string }): Promise<{ token: string; prefix: string }> {
  assertAdmin(input.actor.role);
  return deps.apiTokens.create(input.workspace.id, input.name, input.actor.id, auditBy(input.actor, "api_token.create", null, { name: input.name }));
}

export async function listApiTokens(deps: ApiTokenDeps, input: { workspace: Workspace; actor: Member }) {
  assertAdmin(input.actor.role);
  return deps.apiTokens.list(input.workspace.id);
}

/** How many live tokens the prefix revoked (0 or 1). */
export async function revokeApiToken(deps: ApiTokenDeps, input: { workspace: Workspace; actor: Member; prefix: string; now: Date }): Promise<number> {
  assertAdmin(input.actor.role);
  return deps.apiTokens.revoke(input.workspace.id, input.prefix, input.now, auditBy(input.actor, "api_token.revoke", input.prefix));
}

export async function connectHelpdesk(deps: HelpdeskDeps, input: { workspace: Workspace; actor: Member; provider: HelpdeskProviderName; secret: string }): Promise<void> {
  assertAdmin(input.actor.role);
  await deps.helpdesks.setSecret(input.workspace.id, input.provider, input.secret, auditBy(input.actor, "helpdesk.secret_set", input.provider));
}

/** Forgets the helpdesk's signing secret, so its webhooks are refused; false when none was set. */
export async function disconnectHelpdesk(deps: HelpdeskDeps, input: { workspace: Workspace; actor: Member; provider: HelpdeskProviderName }): Promise<boolean> {
  assertAdmin(input.actor.role);
  return deps.helpdesks.removeSecret(input.workspace.id, input.provider, auditBy(input.actor, "helpdesk.secret_remove", input.provider));
}

export async function setCustomerShoutouts(deps: HelpdeskDeps, input: { workspace: Workspace; actor: Member; on: boolean }): Promise<void> {
  assertAdmin(input.actor.role);
  const from = await deps.helpdesks.customerShoutouts(input.workspace.id);
  await deps.helpdesks.setCustomerShoutouts(input.workspace.id, input.on, auditBy(input.actor, "helpdesk.shoutouts", input.workspace.id, { from, to: input.on }));
}

/** Maps a helpdesk's agent id to the member named; returns that member. */
export async function mapHelpdeskAgent(
  deps: HelpdeskDeps,
  input: { workspace: Workspace; team: Team; actor: Member; provider: HelpdeskProviderName; externalId: string; member: MentionRef },
): Promise<Member> {
  assertAdmin(input.actor.role);
  const member = (await deps.members.resolve(input.workspace, input.team.id, [input.member])).get(mentionKey(input.member));
  if (!member) throw new SpurError(ErrorCode.UnknownUser, msg("admin.refused.unknownMember", { who: mentionParam(input.member) }));
  // The helpdesk's id for the person is personal data erasure could not find in the log: the entry names the member only.
  const audit = auditBy(input.actor, "helpdesk.agent", member.platformUserId, { provider: input.provider });
  await deps.helpdesks.mapAgent(input.workspace.id, input.provider, input.externalId, member.id, audit);
  return member;
}
