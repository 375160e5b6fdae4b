// Shared by the command-line tools: the database from Spur's configuration, and a workspace named by
// its Spur id or its Slack team id.
import { loadConfig } from "../config.ts";
import { createPrisma, type Db } from "../store/prisma.ts";

export function cliDatabase(): Db {
  return createPrisma(loadConfig().DATABASE_URL, { poolSize: 4 });
}

export async function findWorkspaceId(db: Db, ref: string): Promise<string> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const row = await db.workspace.findFirst({ where: isUuid ? { id: ref } : { externalId: ref } });
  if (!row) throw new Error(`No workspace ${ref}. Use Spur's workspace id or the Slack team id (T…).`);
  return row.id;
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
