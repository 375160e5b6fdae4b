// The trend chart draws Chinese (zh-CN) titles and legend labels with real glyphs, and Latin text as before.
// Each check decodes the PNG and compares a text region of the chart with the same text drawn by DejaVu Sans
// alone (the chart's font before CJK support), where every CJK character is the same .notdef box.
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import * as PImage from "pureimage";
import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, renderTrendChartPng } from "../../src/render/trend-chart-png.ts";

type Trend = Parameters<typeof renderTrendChartPng>[0];
type Region = { x: number; y: number; width: number; height: number };

// Where the renderer puts its text (src/render/trend-chart-png.ts): the title's baseline at (60, 30) in 18pt;
// with one legend row, the first legend label's baseline at (80, 376) in 10pt, its column 180 px wide.
const TITLE = { x: 60, y: 30, size: 18 };
const TITLE_REGION: Region = { x: 56, y: 4, width: 480, height: 40 };
const LEGEND_LABEL = { x: 80, y: 376, size: 10 };
const LEGEND_LABEL_REGION: Region = { x: 78, y: 362, width: 156, height: 20 };

const weeks = ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"];
const trend = (title: string, names: string[], target: string): Trend => ({
  title,
  weeks,
  series: names.map((name, s) => ({ name, values: weeks.map((_, i) => 60 + ((i * 7 + s * 11) % 35)) })),
  reference: { value: 100, label: target },
});

const REFERENCE_FONT = "DejaVuOnlyReference";
PImage.registerFont(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), REFERENCE_FONT).loadSync();

/** `text` drawn by DejaVu Sans alone, as the chart draws text, on a white chart-sized bitmap. */
function dejaVuOnly(text: string, at: { x: number; y: number; size: number }): Uint8Array {
  const img = PImage.make(CHART_WIDTH, CHART_HEIGHT);
  img.data.fill(0xff);
  const ctx = img.getContext("2d");
  ctx.fillStyle = "#0b0c0c";
  ctx.font = `${at.size}pt ${REFERENCE_FONT}`;
  ctx.fillText(text, at.x, at.y);
  return img.data;
}

/** Which pixels of `region` carry dark ink (the text colour, anti-aliased: luminance below half). */
function inkMask(rgba: Uint8Array, region: Region): boolean[] {
  const mask: boolean[] = [];
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * CHART_WIDTH + x) * 4;
      mask.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]! < 128);
    }
  }
  return mask;
}

const inked = (mask: boolean[]) => mask.filter(Boolean).length;
/** The share of inked pixels (in either mask) that only one of the two masks inks. */
function difference(a: boolean[], b: boolean[]): number {
  let either = 0;
  let one = 0;
  a.forEach((v, i) => {
    if (v || b[i]) either += 1;
    if (v !== b[i]) one += 1;
  });
  return either === 0 ? 0 : one / either;
}

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
