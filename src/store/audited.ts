// An admin change and its audit entry commit together or not at all.
import type { AuditEntry } from "../core/shared/audit.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

export type Tx = Prisma.TransactionClient;

export function auditRow(entry: AuditEntry): Prisma.AuditLogEntryUncheckedCreateInput {
  return { ...entry, details: entry.details as Prisma.InputJsonValue };
}

/**
 * Runs `change` and writes its audit entry (or the entries `audit` returns for its result: none when nothing
 * changed) in one transaction: a change that throws writes no entry, and an entry that cannot be written undoes
 * the change. Without `audit` (a change nobody made by hand: installation, the playground) the change runs alone.
 */
export async function audited<T>(db: Db, change: (tx: Tx) => Promise<T>, audit: AuditEntry | ((result: T) => AuditEntry[]) | undefined): Promise<T> {
  if (!audit) return change(db);
  return db.$transaction(async (tx) => {
    const result = await change(tx);
    const entries = typeof audit === "function" ? audit(result) : [audit];
    if (entries.length > 0) await tx.auditLogEntry.createMany({ data: entries.map(auditRow) });
    return result;
  });
}
