// Workspaces and teams. `ensure` runs on every request, so its result is cached briefly in memory and
// concurrent first sights of a workspace share one database round trip.
import type { Platform, Team, Workspace } from "../core/shared/model.ts";
import type { WorkspaceRepository } from "../core/shared/ports.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import type { LeaderboardPostMode, TeamPostSettings } from "../core/admin/team-post-settings.ts";
import type { Team as TeamRow, Workspace as WorkspaceRow } from "../generated/prisma/client.ts";
import { toTeam, toWorkspace } from "./mappers.ts";
import type { Db } from "./prisma.ts";
import type { Locale } from "../i18n/locale.ts";

export const DEFAULT_TEAM_NAME = "Default team";
const ENSURE_TTL_MS = 30_000;

type Ensured = { workspace: Workspace; defaultTeam: Team; teamCreated: boolean };

export class PrismaWorkspaceStore implements WorkspaceRepository, TeamPostSettings {
  private readonly ensured = new Map<string, { value: Ensured; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<Ensured>>();

  constructor(private readonly db: Db) {}

  async ensure(platform: Platform, externalId: string, defaults: { teamTimeZone: string }): Promise<Ensured> {
    const key = `${platform}:${externalId}`;
    const hit = this.ensured.get(key);
    if (hit && hit.expiresAt > Date.now()) return { ...hit.value, teamCreated: false };
    const pending = this.inflight.get(key);
    if (pending) return pending.then((v) => ({ ...v, teamCreated: false }));
    const load = this.load(platform, externalId, defaults).finally(() => this.inflight.delete(key));
    this.inflight.set(key, load);
    const value = await load;
    this.ensured.set(key, { value, expiresAt: Date.now() + ENSURE_TTL_MS });
    return value;
  }

  // Race-free across processes: INSERT … ON CONFLICT returns the existing row when another got there first.
  private async load(platform: Platform, externalId: string, defaults: { teamTimeZone: string }): Promise<Ensured> {
    const [workspaceRow] = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO workspace (platform, external_id) VALUES (${platform}::"Platform", ${externalId})
      ON CONFLICT (platform, external_id) DO UPDATE SET external_id = EXCLUDED.external_id
      RETURNING id`;
    const workspace = await this.db.workspace.findUniqueOrThrow({ where: { id: workspaceRow!.id } });
    const existing = await this.db.team.findFirst({ where: { workspaceId: workspace.id, isDefault: true }, orderBy: { createdAt: "asc" } });
    if (existing) return { workspace: toWorkspace(workspace), defaultTeam: toTeam(existing), teamCreated: false };
    const [created] = await this.db.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO team (workspace_id, name, is_default, time_zone, updated_at)
      VALUES (${workspace.id}::uuid, ${DEFAULT_TEAM_NAME}, true, ${defaults.teamTimeZone}, now())
      ON CONFLICT (workspace_id, name) DO UPDATE SET name = EXCLUDED.name
      RETURNING id, (xmax = 0) AS inserted`;
    const team = await this.db.team.findUniqueOrThrow({ where: { id: created!.id } });
    return { workspace: toWorkspace(workspace as WorkspaceRow), defaultTeam: toTeam(team as TeamRow), teamCreated: created!.inserted };
  }

  /** Forgets the cached workspaces and default teams (a team was changed elsewhere). */
  forgetCached(): void {
    this.ensured.clear();
  }

  async teamById(teamId: string): Promise<Team | null> {
    const row = await this.db.team.findUnique({ where: { id: teamId } });
    return row ? toTeam(row) : null;
  }

  async listTeams(filter?: { workspaceId: string }) {
    const rows = await this.db.team.findMany({
      ...(filter ? { where: { workspaceId: filter.workspaceId } } : {}),
      include: { workspace: true },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((row) => ({ ...toTeam(row), platform: row.workspace.platform, workspaceExternalId: row.workspace.externalId }));
  }

  async updateTeam(
    teamId: string,
    patch: Partial<Pick<Team, "channelId" | "timeZone" | "digestDay" | "digestMinuteOfDay">>,
    audit?: AuditEntry,
  ): Promise<Team> {
    const row = await audited(this.db, (tx) => tx.team.update({ where: { id: teamId }, data: patch }), audit);
    this.ensured.clear();
    return toTeam(row);
  }

  async setLocale(workspaceId: string, locale: Locale, audit?: AuditEntry): Promise<Workspace> {
    const row = await audited(this.db, (tx) => tx.workspace.update({ where: { id: workspaceId }, data: { locale } }), audit);
    this.ensured.clear();
    return toWorkspace(row);
  }

  async removeTeam(teamId: string): Promise<boolean> {
    // Its runs, targets and prompt schedule go with it (cascade); its members stay in the workspace, teamless.
    const { count } = await this.db.team.deleteMany({ where: { id: teamId } });
    this.ensured.clear();
    return count > 0;
  }

  async leaderboardMode(teamId: string): Promise<LeaderboardPostMode> {
    const row = await this.db.team.findUnique({ where: { id: teamId }, select: { leaderboardPost: true } });
    return row?.leaderboardPost ?? "kudos";
  }

  async setLeaderboardMode(teamId: string, mode: LeaderboardPostMode, audit?: AuditEntry): Promise<void> {
    await audited(this.db, (tx) => tx.team.update({ where: { id: teamId }, data: { leaderboardPost: mode } }), audit);
  }

  async awardsEnabled(teamId: string): Promise<boolean> {
    const row = await this.db.team.findUnique({ where: { id: teamId }, select: { awardsPost: true } });
    return row?.awardsPost ?? true;
  }

  async setAwardsEnabled(teamId: string, enabled: boolean, audit?: AuditEntry): Promise<void> {
    await audited(this.db, (tx) => tx.team.update({ where: { id: teamId }, data: { awardsPost: enabled } }), audit);
  }
}
