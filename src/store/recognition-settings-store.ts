// Recognition settings per workspace (defaults until an admin saves), cached briefly: every gift reads them.
import type { AuditEntry } from "../core/shared/audit.ts";
import type { ProcessedEvents, RecognitionSettingsRepository } from "../core/recognition/recognition-ports.ts";
import { DEFAULT_RECOGNITION_SETTINGS, type RecognitionSettings } from "../core/recognition/recognition-settings.ts";
import type { Prisma, RecognitionSettings as SettingsRow } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

const TTL_MS = 10_000;

function toSettings(row: SettingsRow | null): RecognitionSettings {
  if (!row) return { ...DEFAULT_RECOGNITION_SETTINGS };
  const emoji = row.emojiPoints && typeof row.emojiPoints === "object" && !Array.isArray(row.emojiPoints) ? row.emojiPoints : {};
  return {
    allowancePoints: row.allowancePoints,
    allowancePeriod: row.allowancePeriod,
    maxPointsPerGift: row.maxPointsPerGift,
    cooldownMinutes: row.cooldownMinutes,
    emojiPoints: Object.fromEntries(Object.entries(emoji).filter((e): e is [string, number] => typeof e[1] === "number")),
    companyValues: row.companyValues,
    valueRequired: row.valueRequired,
    recognitionChannelId: row.recognitionChannelId,
    leaderboardVisibility: row.leaderboardVisibility,
    notifyLead: row.notifyLead,
  };
}

export class PrismaRecognitionSettingsStore implements RecognitionSettingsRepository {
  private readonly cache = new Map<string, { value: RecognitionSettings; expiresAt: number }>();

  constructor(private readonly db: Db) {}

  async get(workspaceId: string): Promise<RecognitionSettings> {
    const hit = this.cache.get(workspaceId);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = toSettings(await this.db.recognitionSettings.findUnique({ where: { workspaceId } }));
    this.cache.set(workspaceId, { value, expiresAt: Date.now() + TTL_MS });
    return value;
  }

  async save(workspaceId: string, settings: RecognitionSettings, audit: AuditEntry): Promise<RecognitionSettings> {
    const data = { ...settings, emojiPoints: settings.emojiPoints as Prisma.InputJsonValue };
    const [row] = await this.db.$transaction([
      this.db.recognitionSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data }),
      this.db.auditLogEntry.create({ data: { ...audit, details: audit.details as Prisma.InputJsonValue } }),
    ]);
    this.cache.delete(workspaceId);
    return toSettings(row);
  }
}

/** Slack retries within about an hour; a week of event ids is plenty. */
const EVENT_RETENTION_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY = 1000;

export class PrismaProcessedEvents implements ProcessedEvents {
  private sincePrune = 0;

  constructor(private readonly db: Db) {}

  async seen(workspaceId: string, eventId: string): Promise<boolean> {
    return (await this.db.processedEvent.count({ where: { workspaceId, eventId } })) > 0;
  }

  async markSeen(workspaceId: string, eventId: string): Promise<void> {
    await this.db.processedEvent.createMany({ data: [{ workspaceId, eventId }], skipDuplicates: true });
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      await this.db.processedEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - EVENT_RETENTION_MS) } } });
    }
  }
}
