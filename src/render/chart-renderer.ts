// Where digest charts are drawn. Drawing one takes milliseconds of CPU (about 5, 16 before trend-chart-png's
// speed-ups); on the posting path, in the job that posts the digest, that bound posting by the CPU instead of the
// posting budget and held the event loop every request and job shares. A pool of worker threads (piscina) draws them beside the main thread, on another
// core, while the post waits for its budget. Threads start on the first chart and stop after a minute idle, so
// a process that posts no digests (the web role) never starts one. With no threads, charts are drawn in-line.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { renderTrendChartPng, type TrendChart } from "./trend-chart-png.ts";

/** Draws a trend chart as a PNG. Rejects if drawing fails. */
export type RenderChart = (chart: TrendChart) => Promise<Buffer>;

export interface ChartRenderer {
  render: RenderChart;
  /** How many drawing threads are running now. */
  readonly threads: number;
  /** Stops the threads once the charts asked for are drawn; a chart asked for after this fails. */
  close(): Promise<void>;
}

export function createChartRenderer(options: {
  threads: number;
  /** A thread failed outside any chart (a chart's own failure rejects its render instead). */
  onThreadError?: (err: unknown) => void;
}): ChartRenderer {
  if (options.threads === 0) return { render: async (chart) => renderTrendChartPng(chart), threads: 0, close: async () => undefined };
  // Run from the TypeScript sources (tsx, vitest), the threads load them through tsx as well; built, from dist.
  const fromSources = import.meta.url.endsWith(".ts");
  const pool = new Piscina<TrendChart, Uint8Array>({
    filename: new URL(`./chart-render-worker.${fromSources ? "ts" : "js"}`, import.meta.url).href,
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    // Charts take milliseconds: shutdown does not wait for long.
    closeTimeout: 5_000,
    ...(fromSources ? { execArgv: ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] } : {}),
  });
  // Without a listener, such an error would be thrown from the pool's emitter and end the process.
  pool.on("error", (err: unknown) => options.onThreadError?.(err));
  let closing: Promise<void> | undefined;
  return {
    async render(chart) {
      // A closed pool would start a thread again: after shutdown a chart fails (and is reported) instead.
      if (closing) throw new Error("the chart renderer is closed");
      // The PNG comes back as a copy in a plain Uint8Array: a Buffer again, without another copy.
      const png = await pool.run(chart);
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    },
    get threads() {
      return pool.threads.length;
    },
    close: () => (closing ??= pool.close()),
  };
}
