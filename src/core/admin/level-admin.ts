// Carrying out level administration for an admin: the workspace's ladder of levels, who holds which (at most
// one each), and each level's overrides of team targets and weights (see kpi/effective-targets.ts). Every
// change is audited with it.
import { assertAdmin } from "./admin-command.ts";
import type { LevelCommand } from "./level-command.ts";
import type { LevelRecord, LevelRepository, LevelSummary } from "./level-ports.ts";
import { resolvePeople } from "./team-admin.ts";
import { type AuditAction, auditBy } from "../shared/audit.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import { metric } from "../kpi/kpi-catalogue.ts";
import { metricLabel, metricValue } from "../kpi/kpi-messages.ts";
import { command, list, member, msg, type Msg } from "../../i18n/message.ts";

export interface LevelAdminDeps {
  levels: LevelRepository;
  members: MemberDirectory;
}

export interface LevelAdminInput {
  workspace: Workspace;
  /** The workspace's default team: where people Spur meets first are placed. */
  defaultTeam: Team;
  actor: Member;
  command: LevelCommand;
}

/** Applies the command and returns what to tell the admin, a line each. */
export async function runLevelCommand(deps: LevelAdminDeps, input: LevelAdminInput): Promise<Msg[]> {
  const { workspace, actor, command: cmd } = input;
  assertAdmin(actor.role);
  const audit = (action: AuditAction, target: string | null, details: Record<string, unknown>) => auditBy(actor, action, target, details);
  switch (cmd.kind) {
    case "list":
      return listLevels(await deps.levels.ladder(workspace.id));
    case "create": {
      const created = taken(await deps.levels.create(workspace.id, cmd.name, audit("level.create", null, { level: cmd.name })), cmd.name);
      return [msg("level.created", { level: created.name, position: created.position, add: command("spur", `level ${created.name} add @member`), targets: command("spur", `level ${created.name} targets set csat 95`) })];
    }
    case "rename": {
      const level = await existing(deps, workspace, cmd.name);
      const renamed = taken(await deps.levels.rename(level.id, cmd.newName, audit("level.rename", level.id, { level: level.name, name: { from: level.name, to: cmd.newName } })), cmd.newName);
      return [msg("level.renamed", { level: level.name, name: renamed.name })];
    }
    case "remove": {
      const level = await existing(deps, workspace, cmd.name);
      const removed = await deps.levels.remove(level.id, audit("level.remove", level.id, { level: level.name }));
      if (removed !== true) {
        throw new SpurError(ErrorCode.NotAllowed, msg("level.remove.hasMembers", { level: level.name, count: removed.members, usage: command("spur", "level <other level> add @member") }));
      }
      return [msg("level.removed", { level: level.name })];
    }
    case "assign": {
      const level = cmd.name === null ? null : await existing(deps, workspace, cmd.name);
      const people = await resolvePeople(deps, workspace, input.defaultTeam, cmd.members);
      const details = { level: level?.name ?? null, members: people.map((p) => p.platformUserId) };
      const changed = await deps.levels.assign(level?.id ?? null, people.map((p) => p.id), audit("level.assign", level?.id ?? null, details));
      return assigned(level, people, changed);
    }
    case "target_set": {
      const level = await existing(deps, workspace, cmd.name);
      const target = { metric: cmd.metric, target: cmd.target, weight: cmd.weight };
      await deps.levels.setTarget(level.id, target, actor.id, (from) => audit("level.target_set", level.id, { level: level.name, ...target, from }));
      const def = metric(cmd.metric);
      return [msg("level.target.set", { level: level.name, label: metricLabel(cmd.metric), target: metricValue(def, cmd.target), weight: cmd.weight })];
    }
    case "target_remove": {
      const level = await existing(deps, workspace, cmd.name);
      const removed = await deps.levels.removeTarget(level.id, cmd.metric, audit("level.target_remove", level.id, { level: level.name, metric: cmd.metric }));
      return [msg("level.target.removed", { removed: removed ? "yes" : "no", level: level.name, label: metricLabel(cmd.metric) })];
    }
  }
}

function taken(result: LevelRecord | "taken", name: string): LevelRecord {
  if (result === "taken") throw new SpurError(ErrorCode.LevelNameTaken, msg("level.taken", { name }));
  return result;
}

async function existing(deps: LevelAdminDeps, workspace: Workspace, name: string): Promise<LevelRecord> {
  const level = await deps.levels.byName(workspace.id, name);
  if (!level) throw new SpurError(ErrorCode.UnknownArgument, msg("level.unknown", { name, list: command("spur", "level list") }));
  return level;
}

function assigned(level: LevelRecord | null, people: Member[], changedIds: string[]): Msg[] {
  const refs = (ps: Member[]) => list(ps.map((p) => member(p.platformUserId, p.displayName)));
  const changed = people.filter((p) => changedIds.includes(p.id));
  const unchanged = people.filter((p) => !changedIds.includes(p.id));
  const name = level?.name ?? "";
  return [
    ...(changed.length > 0 ? [msg(level ? "level.assigned" : "level.cleared", { level: name, people: refs(changed) })] : []),
    ...(unchanged.length > 0 ? [msg(level ? "level.alreadyAssigned" : "level.alreadyCleared", { level: name, people: refs(unchanged) })] : []),
  ];
}

function listLevels(ladder: LevelSummary[]): Msg[] {
  if (ladder.length === 0) return [msg("level.list.none", { create: command("spur", "level create Senior") })];
  return [
    msg("level.list.title", { count: ladder.length }),
    ...ladder.map(({ level, memberCount, targets }, i) =>
      msg("level.list.line", {
        position: i + 1,
        level: level.name,
        members: memberCount,
        hasTargets: targets.length > 0 ? "yes" : "no",
        targets: list(targets.map((t) => msg("level.list.target", { label: metricLabel(t.metric), target: metricValue(metric(t.metric), t.target), weight: t.weight }))),
      }),
    ),
  ];
}
