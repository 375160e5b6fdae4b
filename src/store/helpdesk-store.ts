import type { HelpdeskRepository } from "../core/kpi-ports.ts";
import type { Db } from "./prisma.ts";

export class PrismaHelpdeskStore implements HelpdeskRepository {
  constructor(private readonly db: Db) {}

  async secret(workspaceId: string, provider: string): Promise<string | null> {
    const row = await this.db.helpdeskIntegration.findUnique({ where: { workspaceId_provider: { workspaceId, provider } } });
    return row?.secret ?? null;
  }

  async setSecret(workspaceId: string, provider: string, secret: string): Promise<void> {
    await this.db.helpdeskIntegration.upsert({
      where: { workspaceId_provider: { workspaceId, provider } },
      create: { workspaceId, provider, secret },
      update: { secret },
    });
  }

  async mapAgent(workspaceId: string, provider: string, externalId: string, memberId: string): Promise<void> {
    await this.db.helpdeskAgent.upsert({
      where: { workspaceId_provider_externalId: { workspaceId, provider, externalId } },
      create: { workspaceId, provider, externalId, memberId },
      update: { memberId },
    });
  }
}
