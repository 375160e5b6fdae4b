// Reads the text of a trend chart PNG back as ink, and draws the same text with DejaVu Sans alone (the chart's
// font before CJK support, which draws every Chinese character as the same .notdef box) to compare with.
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import * as PImage from "pureimage";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/render/trend-chart-png.ts";

export type Region = { x: number; y: number; width: number; height: number };
export type TextAt = { x: number; y: number; size: number };

// Where the renderer puts its text (src/render/trend-chart-png.ts): the title's baseline at (60, 30) in 18pt;
// with one legend row, the first legend label's baseline at (80, 376) in 10pt, its column 180 px wide.
export const TITLE: TextAt = { x: 60, y: 30, size: 18 };
export const TITLE_REGION: Region = { x: 56, y: 4, width: 480, height: 40 };
export const LEGEND_LABEL: TextAt = { x: 80, y: 376, size: 10 };
export const LEGEND_LABEL_REGION: Region = { x: 78, y: 362, width: 156, height: 20 };

const REFERENCE_FONT = "DejaVuOnlyGlyphReference";
PImage.registerFont(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), REFERENCE_FONT).loadSync();

/** Which pixels of `region` carry dark ink (the text colour, anti-aliased: luminance below half). */
export function inkMask(rgba: Uint8Array, region: Region): boolean[] {
  const mask: boolean[] = [];
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * CHART_WIDTH + x) * 4;
      mask.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]! < 128);
    }
  }
  return mask;
}

/** `text` drawn by DejaVu Sans alone, as the chart draws text, on a white chart-sized bitmap. */
export function dejaVuOnly(text: string, at: TextAt): Uint8Array {
  const img = PImage.make(CHART_WIDTH, CHART_HEIGHT);
  img.data.fill(0xff);
  const ctx = img.getContext("2d");
  ctx.fillStyle = "#0b0c0c";
  ctx.font = `${at.size}pt ${REFERENCE_FONT}`;
  ctx.fillText(text, at.x, at.y);
  return img.data;
}

/** Which pixels of the chart's title region carry ink. */
export function titleInk(png: Buffer): boolean[] {
  return inkMask(PNG.sync.read(png).data, TITLE_REGION);
}

/** The same region with `text` drawn by DejaVu Sans alone. */
export function dejaVuOnlyTitleInk(text: string): boolean[] {
  return inkMask(dejaVuOnly(text, TITLE), TITLE_REGION);
}

export const inked = (mask: boolean[]) => mask.filter(Boolean).length;

/** The share of inked pixels (in either mask) that only one of the two inks. */
export function inkDifference(a: boolean[], b: boolean[]): number {
  let either = 0;
  let one = 0;
  a.forEach((v, i) => {
    if (v || b[i]) either += 1;
    if (v !== b[i]) one += 1;
  });
  return either === 0 ? 0 : one / either;
}
