// CPU time a child process has used, read from /proc/<pid>/stat (Linux): user + system, in ms. On a machine
// whose cores are shared, CPU per request moves much less with the neighbours' load than requests per second.
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces, so skip past its closing parenthesis).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** CPU ms of this process so far (user + system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The CPU each backend of the benchmark's database has used so far, by pid (its own connections included). */
export async function backendCpu(db: { query<R>(sql: string): Promise<{ rows: R[] }> }): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/**
 * PostgreSQL CPU ms between two readings of backendCpu: backends the database had at the end, less what they
 * had at the start (one started since counts whole). Shared processes (WAL writer, checkpointer) and backends
 * that ended meanwhile are not counted, so this is a floor.
 */
export function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) if (Number.isFinite(ms)) total += ms - (before.get(pid) ?? 0);
  return total;
}
