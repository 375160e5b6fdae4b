// The trend chart draws Chinese (zh-CN) titles and legend labels with real glyphs, and Latin text as before.
// Each check decodes the PNG and compares a text region of the chart with the same text drawn by DejaVu Sans
// alone (the chart's font before CJK support), where every CJK character is the same .notdef box.
import { PNG } from "pngjs";
import * as PImage from "pureimage";
import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, renderTrendChartPng } from "../../src/render/trend-chart-png.ts";
import {
  dejaVuOnly,
  inkDifference as difference,
  inked,
  inkMask,
  LEGEND_LABEL,
  LEGEND_LABEL_REGION,
  TITLE,
  TITLE_REGION,
} from "../support/chart-glyphs.ts";

type Trend = Parameters<typeof renderTrendChartPng>[0];

const weeks = ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"];
const trend = (title: string, names: string[], target: string): Trend => ({
  title,
  weeks,
  series: names.map((name, s) => ({ name, values: weeks.map((_, i) => 60 + ((i * 7 + s * 11) % 35)) })),
  reference: { value: 100, label: target },
});

function decode(png: Buffer): Uint8Array {
  const decoded = PNG.sync.read(png);
  expect([decoded.width, decoded.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  return decoded.data;
}

const cjkFontLoaded = () => Object.values(PImage.debug_list_of_fonts).some((f) => f.loaded && /NotoSansSC/.test(f.binary));

describe("trend chart text", () => {
  it("draws Latin-only text exactly as DejaVu Sans alone does, without loading the CJK font", () => {
    const title = "Front line — KPI attainment, last 8 weeks";
    const rgba = decode(renderTrendChartPng(trend(title, ["CSAT", "First response time"], "target")));
    expect(inkMask(rgba, TITLE_REGION)).toEqual(inkMask(dejaVuOnly(title, TITLE), TITLE_REGION));
    expect(inkMask(rgba, LEGEND_LABEL_REGION)).toEqual(inkMask(dejaVuOnly("CSAT", LEGEND_LABEL), LEGEND_LABEL_REGION));
    expect(inked(inkMask(rgba, TITLE_REGION))).toBeGreaterThan(500);
    expect(cjkFontLoaded()).toBe(false);
  });

  it("draws a Chinese title with CJK glyphs, not DejaVu's .notdef boxes", () => {
    const title = "前线团队 — 近8周KPI完成率";
    const chart = inkMask(decode(renderTrendChartPng(trend(title, ["满意度", "首次响应时间"], "目标"))), TITLE_REGION);
    const dejaVu = inkMask(dejaVuOnly(title, TITLE), TITLE_REGION);
    // DejaVu alone draws the same hollow box for each of the eleven Han characters: most of the ink must differ.
    expect(difference(chart, dejaVu)).toBeGreaterThan(0.5);
    expect(inked(chart)).toBeGreaterThan(800);
  });

  it("draws a Chinese legend label with CJK glyphs", () => {
    const chart = inkMask(decode(renderTrendChartPng(trend("前线团队 — 近8周KPI完成率", ["满意度", "首次响应时间"], "目标"))), LEGEND_LABEL_REGION);
    const dejaVu = inkMask(dejaVuOnly("满意度", LEGEND_LABEL), LEGEND_LABEL_REGION);
    expect(difference(chart, dejaVu)).toBeGreaterThan(0.5);
    expect(inked(chart)).toBeGreaterThan(60);
    expect(cjkFontLoaded()).toBe(true);
  });
});
