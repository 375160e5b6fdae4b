// The chart's faster blending and PNG encoding change nothing in the picture: the blend is pureimage's own,
// bit for bit, the whole chart's pixels are what pureimage alone draws, and the PNG is byte for byte what pngjs
// wrote with the settings the chart used.
import { PNG } from "pngjs";
import * as PImage from "pureimage";
import { describe, expect, it } from "vitest";
import { fillChartText } from "../../src/render/chart-fonts.ts";
import { encodeRgbaPng } from "../../src/render/png-encode.ts";
import { compositeSrcOver, useFastComposite } from "../../src/render/pureimage-composite.ts";
import { CHART_HEIGHT, CHART_WIDTH, renderTrendChartPng, type TrendChart } from "../../src/render/trend-chart-png.ts";

// pureimage's composite reads the context's private _globalAlpha, ours its public globalAlpha.
type Composite = (this: { _globalAlpha: number }, backdrop: number, source: number) => number;
const pureimageComposite = (Object.getPrototypeOf(PImage.make(1, 1).getContext("2d")) as { composite: Composite }).composite;

/** A small deterministic generator (mulberry32), so that a failure names inputs that fail again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const weeks = ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"];
const chart: TrendChart = {
  title: "Front line — KPI attainment, last 8 weeks",
  weeks,
  series: ["CSAT", "First response time", "Tickets handled", "QA score", "Composite"].map((name, s) => ({
    name,
    values: weeks.map((_, i) => (i === 2 && s === 3 ? null : 55 + ((i * 13 + s * 29) % 50))),
  })),
  reference: { value: 100, label: "target" },
};

describe("the chart's blending", () => {
  it("computes every channel as pureimage's composite does, for every pair of alphas and random colours", () => {
    const next = random(16);
    const byte = () => Math.floor(next() * 256);
    const mismatches: string[] = [];
    for (const globalAlpha of [1, 0.5, 0.3]) {
      for (let backdropAlpha = 0; backdropAlpha < 256; backdropAlpha += 3) {
        for (let sourceAlpha = 0; sourceAlpha < 256; sourceAlpha++) {
          const backdrop = ((byte() << 24) | (byte() << 16) | (byte() << 8) | backdropAlpha) >>> 0;
          const source = ((byte() << 24) | (byte() << 16) | (byte() << 8) | sourceAlpha) >>> 0;
          const expected = pureimageComposite.call({ _globalAlpha: globalAlpha }, backdrop, source);
          const actual = compositeSrcOver.call({ globalAlpha }, backdrop, source);
          if (actual !== expected) mismatches.push(`${backdrop.toString(16)} ← ${source.toString(16)} at ${globalAlpha}: ${actual.toString(16)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("draws anti-aliased lines, shapes and text exactly as pureimage alone does", () => {
    const draw = (fast: boolean) => {
      const img = PImage.make(240, 120);
      img.data.fill(0xff);
      const ctx = img.getContext("2d");
      if (fast) useFastComposite(ctx);
      ctx.strokeStyle = "#1d70b8";
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(10.3, 100.7);
      ctx.lineTo(80.5, 20.2);
      ctx.lineTo(200.1, 70.9);
      ctx.stroke();
      ctx.strokeStyle = "#dddddd";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(0, 55.5);
      ctx.lineTo(240, 55.5);
      ctx.stroke();
      ctx.fillStyle = "rgba(212, 53, 28, 0.5)";
      ctx.fillRect(30, 30, 50, 40);
      ctx.fillStyle = "#0b0c0c";
      fillChartText(ctx, "Kudos — W47", 20, 110, 12);
      return Buffer.from(img.data);
    };
    expect(draw(true).equals(draw(false))).toBe(true);
  });
});

describe("the chart's PNG encoding", () => {
  it("writes the bytes pngjs wrote (no filters, level 9, run-length), which decode to the same pixels", () => {
    const png = renderTrendChartPng(chart);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const reference = new PNG({ width: CHART_WIDTH, height: CHART_HEIGHT });
    reference.data = decoded.data;
    expect(png.equals(PNG.sync.write(reference, { filterType: 0 }))).toBe(true);
    expect(encodeRgbaPng(decoded.data, CHART_WIDTH, CHART_HEIGHT).equals(png)).toBe(true);
  });

  it("refuses a bitmap whose size is not the width and height given", () => {
    expect(() => encodeRgbaPng(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });
});
