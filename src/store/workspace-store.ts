// Workspaces and teams. `ensure` runs on every request, so its result is cached briefly in memory.
import type { Platform, Team, Workspace } from "../core/model.ts";
import type { WorkspaceRepository } from "../core/ports.ts";
import { toTeam, toWorkspace } from "./mappers.ts";
import type { Db } from "./prisma.ts";

export const DEFAULT_TEAM_NAME = "Default team";
const ENSURE_TTL_MS = 30_000;

export class PrismaWorkspaceStore implements WorkspaceRepository {
  private readonly ensured = new Map<string, { value: { workspace: Workspace; defaultTeam: Team }; expiresAt: number }>();

  constructor(private readonly db: Db) {}

  async ensure(platform: Platform, externalId: string, defaults: { teamTimeZone: string }) {
    const key = `${platform}:${externalId}`;
    const hit = this.ensured.get(key);
    if (hit && hit.expiresAt > Date.now()) return { ...hit.value, teamCreated: false };

    const workspaceRow = await this.db.workspace.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId },
      update: {},
    });
    const existing = await this.db.team.findFirst({
      where: { workspaceId: workspaceRow.id, isDefault: true },
      orderBy: { createdAt: "asc" },
    });
    const teamRow =
      existing ??
      (await this.db.team.upsert({
        where: { workspaceId_name: { workspaceId: workspaceRow.id, name: DEFAULT_TEAM_NAME } },
        create: { workspaceId: workspaceRow.id, name: DEFAULT_TEAM_NAME, isDefault: true, timeZone: defaults.teamTimeZone },
        update: {},
      }));
    const value = { workspace: toWorkspace(workspaceRow), defaultTeam: toTeam(teamRow) };
    this.ensured.set(key, { value, expiresAt: Date.now() + ENSURE_TTL_MS });
    return { ...value, teamCreated: existing === null };
  }

  async teamById(teamId: string): Promise<Team | null> {
    const row = await this.db.team.findUnique({ where: { id: teamId } });
    return row ? toTeam(row) : null;
  }

  async listTeams() {
    const rows = await this.db.team.findMany({ include: { workspace: true }, orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({ ...toTeam(row), platform: row.workspace.platform, workspaceExternalId: row.workspace.externalId }));
  }

  async updateTeam(
    teamId: string,
    patch: Partial<Pick<Team, "channelId" | "timeZone" | "digestDay" | "digestMinuteOfDay">>,
  ): Promise<Team> {
    const row = await this.db.team.update({ where: { id: teamId }, data: patch });
    this.ensured.clear();
    return toTeam(row);
  }
}
