// Resident memory of child processes, read from /proc/<pid>/status (Linux): VmRSS now, VmHWM the peak since
// the process started. A sampler keeps the highest VmRSS seen while a phase runs.
import { readFileSync } from "node:fs";

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`));
    const kb = Number(/(\d+)\s*kB/.exec(line ?? "")?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Current resident set size in MB (NaN where /proc is not available). */
export const rssMb = (pid: number) => statusField(pid, "VmRSS");
/** Peak resident set size since the process started, in MB. */
export const peakRssMb = (pid: number) => statusField(pid, "VmHWM");

export class RssSampler {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: number[],
    private readonly everyMs = 200,
  ) {}

  start(): this {
    this.peaks.clear();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  /** Stops sampling; returns each process's highest VmRSS (MB) while it ran. */
  stop(): Map<number, number> {
    clearInterval(this.timer);
    this.sample();
    return new Map(this.peaks);
  }

  private sample(): void {
    for (const pid of this.pids) {
      const mb = rssMb(pid);
      if (!Number.isNaN(mb)) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, mb));
    }
  }
}
