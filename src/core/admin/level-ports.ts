// What level administration needs from the store. Every change is written with its audit entry, in one
// transaction.
import type { AuditEntry } from "../shared/audit.ts";
import type { LevelTarget } from "../kpi/effective-targets.ts";
import type { MetricCode } from "../kpi/kpi-catalogue.ts";

export interface LevelRecord {
  id: string;
  workspaceId: string;
  name: string;
  /** Place on the ladder, lowest first (1-based as listed). */
  position: number;
}

export interface LevelSummary {
  level: LevelRecord;
  /** Active, human members who hold it. */
  memberCount: number;
  targets: LevelTarget[];
}

export interface LevelRepository {
  /** The workspace's ladder, lowest first. */
  ladder(workspaceId: string): Promise<LevelSummary[]>;
  /** The level with this name (compared case-insensitively). */
  byName(workspaceId: string, name: string): Promise<LevelRecord | null>;
  /** Adds a level at the top of the ladder; "taken" when another level has the name (in any case). */
  create(workspaceId: string, name: string, audit: AuditEntry): Promise<LevelRecord | "taken">;
  rename(levelId: string, name: string, audit: AuditEntry): Promise<LevelRecord | "taken">;
  /** Removes the level and its overrides; refused (with the count) while members hold it. */
  remove(levelId: string, audit: AuditEntry): Promise<true | { members: number }>;
  /** Puts these members on the level (null: no level); returns the ones whose level changed. */
  assign(levelId: string | null, memberIds: string[], audit: AuditEntry): Promise<string[]>;
  /** The level's override of one KPI, set; returns what it was. */
  setTarget(levelId: string, target: LevelTarget, updatedById: string, audit: (from: LevelTarget | null) => AuditEntry): Promise<LevelTarget | null>;
  /** False when the level had no override for the KPI (nothing audited then). */
  removeTarget(levelId: string, metric: MetricCode, audit: AuditEntry): Promise<boolean>;
}
