// Digest charts drawn in worker threads: the same PNG as drawn in-line, a failed drawing rejects (and the
// threads go on drawing), and close() stops the threads.
import { afterAll, describe, expect, it } from "vitest";
import { type ChartRenderer, createChartRenderer } from "../../src/render/chart-renderer.ts";
import { renderTrendChartPng, type TrendChart } from "../../src/render/trend-chart-png.ts";

const weeks = ["2026-W44", "2026-W45", "2026-W46", "2026-W47"];
const chart = (title: string): TrendChart => ({
  title,
  weeks,
  series: [
    { name: "Kudos", values: [3, 5, null, 8] },
    { name: "Points", values: [6, 9, 4, 15] },
  ],
  reference: { value: 10, label: "target" },
});

const renderers: ChartRenderer[] = [];
const renderer = (threads: number) => {
  const r = createChartRenderer({ threads });
  renderers.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
});

describe("chart renderer", () => {
  it("draws in a worker thread the PNG drawn in-line, Chinese text included", async () => {
    const pool = renderer(1);
    expect(pool.threads).toBe(0); // started by the first chart, not before
    const charts = [chart("Front line — recognition, last 4 weeks"), chart("一线 — 认可情况，近 4 周")];
    const drawn = await Promise.all(charts.map((c) => pool.render(c)));
    expect(pool.threads).toBe(1);
    for (const [i, png] of drawn.entries()) {
      expect(Buffer.isBuffer(png)).toBe(true);
      expect(png.equals(renderTrendChartPng(charts[i]!))).toBe(true);
    }
  });

  it("rejects a chart that fails to draw, and draws the next one", async () => {
    const pool = renderer(1);
    await expect(pool.render({ title: "broken" } as unknown as TrendChart)).rejects.toThrow();
    expect((await pool.render(chart("after a failure"))).equals(renderTrendChartPng(chart("after a failure")))).toBe(true);
  });

  it("stops its threads on close, and draws nothing after", async () => {
    const pool = renderer(1);
    await pool.render(chart("before shutdown"));
    expect(pool.threads).toBe(1);
    await pool.close();
    expect(pool.threads).toBe(0);
    await expect(pool.render(chart("after shutdown"))).rejects.toThrow();
  });

  it("draws in-line with no threads", async () => {
    const inline = renderer(0);
    expect((await inline.render(chart("in-line"))).equals(renderTrendChartPng(chart("in-line")))).toBe(true);
    expect(inline.threads).toBe(0);
  });
});
