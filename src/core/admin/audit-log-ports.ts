// Reading the audit log: a page of entries, newest first, within a time range and about one member.
import type { AuditEntry } from "../shared/audit.ts";
import type { TimeRange } from "../shared/ports.ts";

/** An entry as stored: its action may be one this version does not know (written by a later one). */
export interface StoredAuditEntry extends Omit<AuditEntry, "action"> {
  action: string;
  createdAt: Date;
}

export interface AuditQuery {
  range: TimeRange | null;
  /** Entries made by this chat user, or naming them (as target or in the details). */
  memberUserId: string | null;
  offset: number;
  limit: number;
}

export interface AuditLogReads {
  page(workspaceId: string, query: AuditQuery): Promise<{ entries: StoredAuditEntry[]; total: number }>;
}
