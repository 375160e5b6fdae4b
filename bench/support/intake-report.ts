// The intake benchmark's figures: what each run measured, waiting for its rows, and the printed report with
// issue 13's targets beside the measured values.
import { fmt, percentile } from "./machine.ts";

export interface Drained {
  /** Rows stored when the wait ended. */
  count: number;
  /** performance.now() when the last of them was seen (or when the count last moved, if it stalled). */
  at: number;
}

/**
 * CPU time used during a run (ms): the process that served it (web, or the naive handler), the worker, the
 * database's backends, and the benchmark's own process (load generator, fake Slack API, row counting).
 */
export interface RunCpu {
  server: number;
  worker: number;
  postgres: number;
  bench: number;
}

export interface OpenRun {
  latencies: number[];
  cpuMs: RunCpu;
  errors: Map<string, number>;
  t0: number;
  lastAnswerAt: number;
  maxSendLagMs: number;
  storedAtLastAck: number;
  drained: Drained;
  /** Every second (or sixth of the run): ms since t0, answers received and rows stored by then. */
  samples: { at: number; acked: number; stored: number }[];
  rss: Map<number, number>;
  /** users.info calls Spur made during the run. */
  usersInfo: number;
  /** Spur's own count of the run's /kudos by outcome (its /metrics). */
  outcomes: Map<string, number>;
}

export interface ClosedRun {
  latencies: number[];
  cpuMs: RunCpu;
  ackSeconds: number;
  storedAtLastAck: number;
  drained: Drained;
  /** From the first request to the last row stored. */
  storedSeconds: number;
  rss: Map<number, number>;
  usersInfo: number;
  /** Absent for the naive handler, which counts nothing. */
  outcomes?: Map<string, number>;
}

export interface IntakeFigures {
  members: number;
  rate: number;
  seconds: number;
  concurrency: number;
  open: { known: OpenRun; firstSeen: OpenRun };
  closed: { known: ClosedRun; firstSeen: ClosedRun };
  naive: ClosedRun;
  /** Raw single-row INSERTs per second into kudos. */
  raw: number;
  /** CPU ms per raw INSERT: the database's backends and the benchmark's process (its pg client). */
  rawCpu: { postgres: number; bench: number };
  pids: { web: number; worker: number };
  idle: { web: number; worker: number };
  peak: { web: number; worker: number };
  /** The web process's VmHWM right after the roster-known runs, and after the first-seen runs that follow them. */
  webPeakAfter: { known: number; firstSeen: number };
}

/** Waits until `expected` are counted (reading every `everyMs`), or until the count has not moved for `stallMs`. */
export async function drainCount(read: () => Promise<number>, expected: number, everyMs = 10, stallMs = 60_000): Promise<Drained> {
  let count = await read();
  let at = performance.now();
  while (count < expected && performance.now() - at < stallMs) {
    await new Promise((r) => setTimeout(r, everyMs));
    const now = await read();
    if (now !== count) {
      count = now;
      at = performance.now();
    }
  }
  return { count, at };
}

const int = (n: number) => n.toLocaleString("en-US");
const ms = (n: number) => `${fmt(n, 0)} ms`;
const mb = (n: number) => `${fmt(n, 0)} MB`;
const perS = (n: number) => `${fmt(n, 0)}/s`;
/** CPU ms per request of a run: the serving process's, then the worker's. */
const cpuPer = (run: { cpuMs: RunCpu; latencies: number[] }, worker = true) =>
  `${fmt(run.cpuMs.server / run.latencies.length, 2)} ms${worker ? ` + worker ${fmt(run.cpuMs.worker / run.latencies.length, 2)} ms` : ""}`;

/** CPU ms per request in every process it touched, and their sum. */
const cpuAll = (run: { cpuMs: RunCpu; latencies: number[] }) => {
  const n = run.latencies.length;
  const c = run.cpuMs;
  return `${fmt((c.server + c.worker + c.postgres + c.bench) / n, 2)} ms (${[c.server, c.worker, c.postgres, c.bench].map((v) => fmt(v / n, 2)).join(" / ")})`;
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => "  " + r.map((cell, c) => cell.padEnd(widths[c]!)).join("   ").trimEnd()).join("\n");
}

function sorted(latencies: number[]): number[] {
  return [...latencies].sort((a, b) => a - b);
}

function openFigures(run: OpenRun, f: IntakeFigures) {
  const lat = sorted(run.latencies);
  const offeredMs = f.seconds * 1000;
  const during = run.samples.filter((s) => s.at <= offeredMs + 500);
  const last = during.at(-1) ?? { at: offeredMs, acked: 0, stored: 0 };
  const backlogAt = (fraction: number) => {
    const target = offeredMs * fraction;
    const s = during.reduce<(typeof during)[number] | undefined>((best, x) => (!best || Math.abs(x.at - target) < Math.abs(best.at - target) ? x : best), undefined);
    return s ? { at: s.at, backlog: s.acked - s.stored } : { at: target, backlog: NaN };
  };
  const marks = [1 / 3, 2 / 3, 1].map(backlogAt);
  // Growing: between the first and last mark the backlog gained more than a tenth of what arrived meanwhile.
  const growing = marks[2]!.backlog - marks[0]!.backlog > 0.1 * f.rate * ((marks[2]!.at - marks[0]!.at) / 1000);
  const n = run.latencies.length;
  return {
    lat,
    p99: percentile(lat, 99),
    ackRate: n / ((run.lastAnswerAt - run.t0) / 1000),
    storedRate: last.stored / (last.at / 1000),
    marks,
    growing,
    lastAckToStored: Math.max(0, run.drained.at - run.lastAnswerAt),
    n,
  };
}

function closedFigures(run: ClosedRun) {
  const lat = sorted(run.latencies);
  const n = run.latencies.length;
  return { lat, p99: percentile(lat, 99), ackRate: n / run.ackSeconds, storedRate: run.drained.count / run.storedSeconds, n };
}

/** "ok 2,990, refused 10" — a counter's values by label; "none" when empty. */
function counts(map: Map<string, number> | undefined): string {
  if (!map) return "—";
  return map.size === 0 ? "none" : [...map].map(([k, v]) => `${k} ${int(v)}`).join(", ");
}

const verdict = (ok: boolean) => (ok ? "met" : "missed");

export function intakeReport(f: IntakeFigures): string {
  const ok = openFigures(f.open.known, f);
  const on = openFigures(f.open.firstSeen, f);
  const ck = closedFigures(f.closed.known);
  const cn = closedFigures(f.closed.firstSeen);
  const nv = closedFigures(f.naive);
  const webPeak = (run: { rss: Map<number, number> }) => run.rss.get(f.pids.web) ?? NaN;
  const workerPeak = (run: { rss: Map<number, number> }) => run.rss.get(f.pids.worker) ?? NaN;
  const { known: webKnown, firstSeen: webNew } = f.webPeakAfter;
  const pcts = (lat: number[]) => `${ms(percentile(lat, 50))} / ${ms(percentile(lat, 95))} / ${ms(percentile(lat, 99))}`;
  const backlog = (o: ReturnType<typeof openFigures>) =>
    `${o.marks.map((m) => `${fmt(m.backlog, 0)} @${fmt(m.at / 1000, f.seconds < 6 ? 1 : 0)}s`).join(", ")} → ${o.growing ? "grows" : "steady"}`;
  const stored = (run: { storedAtLastAck: number; drained: Drained }, n: number) =>
    `${int(run.storedAtLastAck)} of ${int(n)}${run.drained.count < n ? ` (only ${int(run.drained.count)} ever stored)` : ""}`;

  const lines = [
    "",
    `intake: signed /kudos, each from a different member (2 points to the next member), against a web and a worker process`,
    `  (bin/spur web|worker, as npm start runs the build); "roster known": the members are stored before the`,
    `  run, as a roster sync leaves them; "first seen": Spur has never seen them, each request names one new member.`,
    "",
    `open loop: offered ${f.rate} req/s for ${f.seconds} s (${int(ok.n)} requests per variant); latency from each request's scheduled departure`,
    table([
      ["", "roster known", "first seen"],
      ["ack latency p50 / p95 / p99", pcts(ok.lat), pcts(on.lat)],
      ["answered", perS(ok.ackRate), perS(on.ackRate)],
      ["not answered 200", counts(f.open.known.errors), counts(f.open.firstSeen.errors)],
      ["Spur's /kudos outcomes (/metrics)", counts(f.open.known.outcomes), counts(f.open.firstSeen.outcomes)],
      ["stored while offered", perS(ok.storedRate), perS(on.storedRate)],
      ["backlog (acked − stored)", backlog(ok), backlog(on)],
      ["stored when the last ack went out", stored(f.open.known, ok.n), stored(f.open.firstSeen, on.n)],
      ["last ack → last gift stored", ms(ok.lastAckToStored), ms(on.lastAckToStored)],
      ["users.info calls", int(f.open.known.usersInfo), int(f.open.firstSeen.usersInfo)],
      ["load generator's worst lag", ms(f.open.known.maxSendLagMs), ms(f.open.firstSeen.maxSendLagMs)],
      ["CPU per request: web + worker", cpuPer(f.open.known), cpuPer(f.open.firstSeen)],
    ]),
    "",
    `closed loop: concurrency ${f.concurrency}, ${int(f.members)} requests per variant`,
    table([
      ["", "roster known", "first seen", "naive store-then-ack (roster known)"],
      ["answered", perS(ck.ackRate), perS(cn.ackRate), perS(nv.ackRate)],
      ["ack latency p50 / p95 / p99", pcts(ck.lat), pcts(cn.lat), pcts(nv.lat)],
      ["Spur's /kudos outcomes (/metrics)", counts(f.closed.known.outcomes), counts(f.closed.firstSeen.outcomes), counts(f.naive.outcomes)],
      ["stored when the last ack went out", stored(f.closed.known, ck.n), stored(f.closed.firstSeen, cn.n), stored(f.naive, nv.n)],
      ["kudos stored (first request → last row)", perS(ck.storedRate), perS(cn.storedRate), perS(nv.storedRate)],
      ["users.info calls", int(f.closed.known.usersInfo), int(f.closed.firstSeen.usersInfo), "none (stored members only)"],
      ["CPU per request: web + worker (naive: its process)", cpuPer(f.closed.known), cpuPer(f.closed.firstSeen), cpuPer(f.naive, false)],
      ["CPU per request, all: (web / worker / PostgreSQL / bench)", cpuAll(f.closed.known), cpuAll(f.closed.firstSeen), cpuAll({ ...f.naive, cpuMs: { ...f.naive.cpuMs, worker: 0 } })],
      ["÷ raw single-row INSERTs", `${fmt((100 * ck.storedRate) / f.raw, 1)} %`, `${fmt((100 * cn.storedRate) / f.raw, 1)} %`, `${fmt((100 * nv.storedRate) / f.raw, 1)} %`],
    ]),
    `  raw single-row INSERTs into kudos over ${f.concurrency} connections, same run: ${perS(f.raw)}; CPU per row ${fmt(f.rawCpu.postgres + f.rawCpu.bench, 2)} ms (PostgreSQL ${fmt(f.rawCpu.postgres, 2)} / bench's pg client ${fmt(f.rawCpu.bench, 2)})`,
    "  (bench = this process: load generator, fake Slack API, row counting; PostgreSQL = the database's backends, not its WAL writer)",
    "",
    "resident memory (VmRSS sampled every 200 ms: the highest during each phase, in the order they ran)",
    table([
      ["", "idle", "open known", "closed known", "open first seen", "closed first seen", "VmHWM (whole run)"],
      ["web", mb(f.idle.web), mb(webPeak(f.open.known)), mb(webPeak(f.closed.known)), mb(webPeak(f.open.firstSeen)), mb(webPeak(f.closed.firstSeen)), mb(f.peak.web)],
      ["worker", mb(f.idle.worker), mb(workerPeak(f.open.known)), mb(workerPeak(f.closed.known)), mb(workerPeak(f.open.firstSeen)), mb(workerPeak(f.closed.firstSeen)), mb(f.peak.worker)],
    ]),
    "",
    "issue 13's targets",
    table([
      ["", "target", "roster known", "", "first seen", ""],
      [`ack p99 at ${f.rate} req/s`, "≤ 50 ms", ms(ok.p99), verdict(ok.p99 <= 50), ms(on.p99), verdict(on.p99 <= 50)],
      [
        `stored/s ÷ raw INSERT (c=${f.concurrency})`,
        "≥ 50 %",
        `${fmt((100 * ck.storedRate) / f.raw, 1)} %`,
        verdict(ck.storedRate >= f.raw / 2),
        `${fmt((100 * cn.storedRate) / f.raw, 1)} %`,
        verdict(cn.storedRate >= f.raw / 2),
      ],
      ["web peak RSS (VmHWM after the runs)", "≤ 200 MB", mb(webKnown), verdict(webKnown <= 200), mb(webNew), verdict(webNew <= 200)],
    ]),
  ];
  return lines.join("\n");
}
