import type { HelpdeskRepository } from "../core/kpi/kpi-ports.ts";
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

  async customerShoutouts(workspaceId: string): Promise<boolean> {
    const row = await this.db.kpiSettings.findUnique({ where: { workspaceId } });
    return row?.customerShoutouts ?? false;
  }

  async setCustomerShoutouts(workspaceId: string, on: boolean): Promise<void> {
    await this.db.kpiSettings.upsert({ where: { workspaceId }, create: { workspaceId, customerShoutouts: on }, update: { customerShoutouts: on } });
  }

  async mapAgent(workspaceId: string, provider: string, externalId: string, memberId: string): Promise<void> {
    await this.db.helpdeskAgent.upsert({
      where: { workspaceId_provider_externalId: { workspaceId, provider, externalId } },
      create: { workspaceId, provider, externalId, memberId },
      update: { memberId },
    });
  }
}
