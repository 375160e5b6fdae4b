// Helpdesk integrations: each workspace's webhook signing secret per helpdesk (stored encrypted, like Slack
// bot tokens), whether customer kudos are announced, and helpdesk agent ids mapped to members.
import type { HelpdeskRepository } from "../core/kpi/kpi-ports.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import type { Db } from "./prisma.ts";
import type { TokenCipher } from "./token-cipher.ts";

/** Binds a ciphertext to its row, so it cannot be replayed onto another workspace or helpdesk. */
const secretContext = (workspaceId: string, provider: string) => `helpdesk-secret:${workspaceId}:${provider}`;

export class PrismaHelpdeskStore implements HelpdeskRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
  ) {}

  async secret(workspaceId: string, provider: string): Promise<string | null> {
    const row = await this.db.helpdeskIntegration.findUnique({ where: { workspaceId_provider: { workspaceId, provider } } });
    if (!row) return null;
    if (row.secretEncrypted) return this.cipher.decrypt(row.secretEncrypted, secretContext(workspaceId, provider));
    // Written before secrets were encrypted and not yet converted (see encryptPlaintextSecrets).
    return row.secret ?? null;
  }

  async setSecret(workspaceId: string, provider: string, secret: string, audit?: AuditEntry): Promise<void> {
    const secretEncrypted = this.cipher.encrypt(secret, secretContext(workspaceId, provider));
    await audited(
      this.db,
      (tx) =>
        tx.helpdeskIntegration.upsert({
          where: { workspaceId_provider: { workspaceId, provider } },
          create: { workspaceId, provider, secretEncrypted, secret: null },
          update: { secretEncrypted, secret: null },
        }),
      audit,
    );
  }

  async removeSecret(workspaceId: string, provider: string, audit: AuditEntry): Promise<boolean> {
    const { count } = await audited(
      this.db,
      (tx) => tx.helpdeskIntegration.deleteMany({ where: { workspaceId, provider } }),
      (r) => (r.count > 0 ? [audit] : []),
    );
    return count > 0;
  }

  /**
   * Encrypts the secrets stored in plaintext by earlier versions and clears the plaintext; safe to run in every
   * process at startup (a row another process converted first is left alone). Returns how many it converted.
   */
  async encryptPlaintextSecrets(): Promise<number> {
    const rows = await this.db.helpdeskIntegration.findMany({ where: { secret: { not: null } }, select: { id: true, workspaceId: true, provider: true, secret: true } });
    let converted = 0;
    for (const row of rows) {
      if (row.secret === null) continue;
      const secretEncrypted = this.cipher.encrypt(row.secret, secretContext(row.workspaceId, row.provider));
      const { count } = await this.db.helpdeskIntegration.updateMany({ where: { id: row.id, secret: row.secret }, data: { secretEncrypted, secret: null } });
      converted += count;
    }
    return converted;
  }

  async customerShoutouts(workspaceId: string): Promise<boolean> {
    const row = await this.db.kpiSettings.findUnique({ where: { workspaceId } });
    return row?.customerShoutouts ?? false;
  }

  async setCustomerShoutouts(workspaceId: string, on: boolean, audit: AuditEntry): Promise<void> {
    await audited(
      this.db,
      (tx) => tx.kpiSettings.upsert({ where: { workspaceId }, create: { workspaceId, customerShoutouts: on }, update: { customerShoutouts: on } }),
      audit,
    );
  }

  async mapAgent(workspaceId: string, provider: string, externalId: string, memberId: string, audit: AuditEntry): Promise<void> {
    await audited(
      this.db,
      (tx) =>
        tx.helpdeskAgent.upsert({
          where: { workspaceId_provider_externalId: { workspaceId, provider, externalId } },
          create: { workspaceId, provider, externalId, memberId },
          update: { memberId },
        }),
      audit,
    );
  }
}
