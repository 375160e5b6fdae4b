// Digest chart PNGs kept for Teams, which fetches card images by URL. One per team and week: a re-run replaces it.
import type { Db } from "./prisma.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class PrismaDigestChartStore {
  constructor(private readonly db: Db) {}

  /** Stores the week's chart and returns its id (unguessable: it is the chart's only access check). */
  async save(teamId: string, periodKey: string, png: Buffer): Promise<string> {
    const data = new Uint8Array(png);
    const row = await this.db.digestChart.upsert({
      where: { teamId_periodKey: { teamId, periodKey } },
      create: { teamId, periodKey, png: data },
      update: { png: data },
      select: { id: true },
    });
    return row.id;
  }

  async get(id: string): Promise<Buffer | null> {
    if (!UUID.test(id)) return null;
    const row = await this.db.digestChart.findUnique({ where: { id }, select: { png: true } });
    return row ? Buffer.from(row.png) : null;
  }
}
