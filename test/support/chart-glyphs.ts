// Reads the text of a trend chart PNG back as ink: where the title is drawn, and what DejaVu Sans alone (the
// chart's font before CJK support, which draws every Chinese character as the same .notdef box) would draw.
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import * as PImage from "pureimage";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/render/trend-chart-png.ts";

// The title's baseline at (60, 30) in 18pt (src/render/trend-chart-png.ts).
const TITLE = { x: 60, y: 30, size: 18 };
const TITLE_REGION = { x: 56, y: 4, width: 480, height: 40 };

const REFERENCE_FONT = "DejaVuOnlyGlyphReference";
PImage.registerFont(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), REFERENCE_FONT).loadSync();

function inkMask(rgba: Uint8Array): boolean[] {
  const mask: boolean[] = [];
  for (let y = TITLE_REGION.y; y < TITLE_REGION.y + TITLE_REGION.height; y++) {
    for (let x = TITLE_REGION.x; x < TITLE_REGION.x + TITLE_REGION.width; x++) {
      const i = (y * CHART_WIDTH + x) * 4;
      mask.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]! < 128);
    }
  }
  return mask;
}

/** Which pixels of the chart's title region carry ink. */
export function titleInk(png: Buffer): boolean[] {
  return inkMask(PNG.sync.read(png).data);
}

/** The same region with `text` drawn by DejaVu Sans alone. */
export function dejaVuOnlyTitleInk(text: string): boolean[] {
  const img = PImage.make(CHART_WIDTH, CHART_HEIGHT);
  img.data.fill(0xff);
  const ctx = img.getContext("2d");
  ctx.fillStyle = "#0b0c0c";
  ctx.font = `${TITLE.size}pt ${REFERENCE_FONT}`;
  ctx.fillText(text, TITLE.x, TITLE.y);
  return inkMask(img.data);
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
