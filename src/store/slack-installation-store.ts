// Bolt's InstallationStore over PostgreSQL: one row per Slack workspace (or Enterprise Grid org) that installed
// Spur through OAuth, with the bot token encrypted. Decrypted tokens are cached briefly, since every request
// and every job asks for one.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackInstallation as Row } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";
import type { TokenCipher } from "./token-cipher.ts";

export interface SlackInstallQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** What the uninstall listener needs, in either Slack mode. */
export interface SlackInstallRegistry {
  /** Forgets the install's tokens and deactivates the workspace. Safe to repeat. */
  uninstall(query: SlackInstallQuery): Promise<void>;
}

/** The install key: the org for an org-wide install, else the workspace. */
function installKeyOf(query: SlackInstallQuery): string | undefined {
  return query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
}

/** Binds a ciphertext to its row, so it cannot be replayed onto another install. */
const tokenContext = (installKey: string) => `slack-installation:${installKey}`;

/**
 * Marks a Slack workspace as uninstalled (and deletes its stored install, if any) in one transaction.
 * Single-workspace mode has no stored install, only the deactivation.
 */
export async function deactivateSlackWorkspace(db: Db, query: SlackInstallQuery, now = new Date()): Promise<void> {
  const key = installKeyOf(query);
  await db.$transaction(async (tx) => {
    if (key) await tx.slackInstallation.deleteMany({ where: { installKey: key } });
    if (query.teamId) {
      await tx.workspace.updateMany({ where: { platform: "slack", externalId: query.teamId, deactivatedAt: null }, data: { deactivatedAt: now } });
    }
  });
}

const TOKEN_CACHE_MS = 30_000;

export class PrismaSlackInstallationStore implements InstallationStore, SlackInstallRegistry {
  private readonly cache = new Map<string, { row: Row | null; token: string | null; expiresAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
    private readonly onStaleKey: (err: unknown) => void = () => undefined,
    /** Told of each workspace (Slack team id) once its install is stored. */
    private readonly onInstalled: (teamId: string) => Promise<void> = async () => undefined,
  ) {}

  async storeInstallation<AuthVersion extends "v1" | "v2">(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const bot = installation.bot;
    if (!bot) throw new Error("the Slack install granted no bot token; Spur needs the bot scopes in its manifest");
    const enterpriseInstall = Boolean(installation.isEnterpriseInstall);
    const teamId = installation.team?.id;
    const enterpriseId = installation.enterprise?.id;
    const installKey = installKeyOf({ teamId, enterpriseId, isEnterpriseInstall: enterpriseInstall });
    if (!installKey) throw new Error("the Slack install names neither a team nor an enterprise");
    const data = {
      teamId: teamId ?? null,
      teamName: installation.team?.name ?? null,
      enterpriseId: enterpriseId ?? null,
      enterpriseName: installation.enterprise?.name ?? null,
      enterpriseUrl: installation.enterpriseUrl ?? null,
      isEnterpriseInstall: enterpriseInstall,
      appId: installation.appId ?? null,
      botTokenEncrypted: this.cipher.encrypt(bot.token, tokenContext(installKey)),
      botId: bot.id || null,
      botUserId: bot.userId,
      botScopes: bot.scopes,
      installerUserId: installation.user.id,
    };
    await this.db.$transaction(async (tx) => {
      await tx.slackInstallation.upsert({ where: { installKey }, create: { installKey, ...data }, update: data });
      // A reinstall brings a deactivated workspace back.
      if (teamId) await tx.workspace.updateMany({ where: { platform: "slack", externalId: teamId }, data: { deactivatedAt: null } });
    });
    this.cache.delete(installKey);
    if (teamId) await this.onInstalled(teamId);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    let found = await this.load(installKeyOf(query));
    // A workspace of an Enterprise Grid org may be covered by the org-wide install.
    if (!found?.row && query.enterpriseId && !query.isEnterpriseInstall) found = await this.load(query.enterpriseId);
    if (!found?.row || !found.token) throw new Error(`no Slack installation for ${installKeyOf(query) ?? "an unnamed team"}`);
    const { row, token } = found;
    return {
      team: row.teamId ? { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) } : undefined,
      enterprise: row.enterpriseId ? { id: row.enterpriseId, ...(row.enterpriseName ? { name: row.enterpriseName } : {}) } : undefined,
      user: { id: row.installerUserId, token: undefined, scopes: undefined },
      bot: { token, scopes: row.botScopes, id: row.botId ?? "", userId: row.botUserId },
      tokenType: "bot",
      isEnterpriseInstall: row.isEnterpriseInstall,
      authVersion: "v2",
      ...(row.appId ? { appId: row.appId } : {}),
      ...(row.enterpriseUrl ? { enterpriseUrl: row.enterpriseUrl } : {}),
    } as Installation<"v1" | "v2", boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.uninstall(query);
  }

  async uninstall(query: SlackInstallQuery): Promise<void> {
    await deactivateSlackWorkspace(this.db, query);
    this.cache.clear();
  }

  /** The workspace's bot token, or null when Spur is not installed there (for jobs and lookups). */
  async botToken(teamId: string): Promise<string | null> {
    return (await this.load(teamId))?.token ?? null;
  }

  private async load(installKey: string | undefined): Promise<{ row: Row | null; token: string | null } | null> {
    if (!installKey) return null;
    const hit = this.cache.get(installKey);
    if (hit && hit.expiresAt > Date.now()) return hit;
    const row = await this.db.slackInstallation.findUnique({ where: { installKey } });
    const token = row ? this.cipher.decrypt(row.botTokenEncrypted, tokenContext(installKey)) : null;
    if (row && token && this.cipher.isStale(row.botTokenEncrypted)) {
      // Written with an earlier key: re-encrypt with the current one.
      const botTokenEncrypted = this.cipher.encrypt(token, tokenContext(installKey));
      await this.db.slackInstallation
        .updateMany({ where: { id: row.id, botTokenEncrypted: row.botTokenEncrypted }, data: { botTokenEncrypted } })
        .catch(this.onStaleKey);
    }
    const entry = { row, token, expiresAt: Date.now() + TOKEN_CACHE_MS };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(installKey, entry);
    return entry;
  }
}
