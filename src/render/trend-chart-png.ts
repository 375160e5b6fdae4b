// Renders a trend as a PNG line chart, server-side and in pure JavaScript (pureimage; DejaVu Sans, and Noto Sans SC
// for Chinese text: see chart-fonts.ts), so digests on Slack and Teams carry the same picture without a browser
// or native canvas.
import * as PImage from "pureimage";
import { niceScale } from "../core/digests/trend.ts";
import { fillChartText } from "./chart-fonts.ts";
import { encodeRgbaPng } from "./png-encode.ts";
import { useFastComposite } from "./pureimage-composite.ts";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
const COLORS = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#6f777b"];
const LEGEND_COLUMNS = 4;
const LEGEND_WIDTH = 180;

/** A trend as the chart draws it: its title, series names and reference label already in the reader's language. */
export interface TrendChart {
  title: string;
  /** Week keys, oldest first. */
  weeks: string[];
  series: { name: string; values: (number | null)[] }[];
  reference?: { value: number; label: string };
}

export function renderTrendChartPng(trend: TrendChart, width = CHART_WIDTH, height = CHART_HEIGHT): Buffer {
  const img = blankBitmap(width, height);
  // A fresh context each time (default styles, no path), drawing into the reused bitmap.
  const ctx = new PImage.Context(img);
  useFastComposite(ctx);

  const left = 60;
  const right = width - 20;
  const top = 50;
  const legendRows = Math.ceil(trend.series.length / LEGEND_COLUMNS);
  const bottom = height - 52 - 18 * legendRows;
  const all = trend.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (trend.reference) all.push(trend.reference.value);
  const scale = niceScale(Math.max(0, ...all));
  const x = (i: number) => left + (trend.weeks.length <= 1 ? 0 : (i * (right - left)) / (trend.weeks.length - 1));
  const y = (v: number) => bottom - (v / scale.max) * (bottom - top);

  ctx.fillStyle = "#0b0c0c";
  fillChartText(ctx, trend.title, left, 30, 18);

  // Grid and value axis.
  ctx.strokeStyle = "#dddddd";
  ctx.lineWidth = 1;
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    ctx.beginPath();
    ctx.moveTo(left, y(v));
    ctx.lineTo(right, y(v));
    ctx.stroke();
    ctx.fillStyle = "#505a5f";
    fillChartText(ctx, formatTick(v), 8, y(v) + 4, 10);
  }
  trend.weeks.forEach((week, i) => {
    ctx.fillStyle = "#505a5f";
    fillChartText(ctx, week.replace(/^\d{4}-/, ""), x(i) - 14, bottom + 18, 10);
  });

  if (trend.reference) {
    ctx.strokeStyle = "#b1b4b6";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(left, y(trend.reference.value));
    ctx.lineTo(right, y(trend.reference.value));
    ctx.stroke();
    ctx.fillStyle = "#505a5f";
    fillChartText(ctx, trend.reference.label, right - 40, y(trend.reference.value) - 6, 10);
  }

  // Series lines with points, and a legend (four to a row).
  trend.series.forEach((series, s) => {
    const color = COLORS[s % COLORS.length] as string;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 3;
    let drawing = false;
    ctx.beginPath();
    series.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) ctx.lineTo(x(i), y(v));
      else ctx.moveTo(x(i), y(v));
      drawing = true;
    });
    ctx.stroke();
    series.values.forEach((v, i) => {
      if (v !== null) ctx.fillRect(x(i) - 3, y(v) - 3, 6, 6);
    });
    const legendX = left + (s % LEGEND_COLUMNS) * LEGEND_WIDTH;
    const legendY = bottom + 34 + Math.floor(s / LEGEND_COLUMNS) * 18;
    ctx.fillRect(legendX, legendY, 14, 14);
    ctx.fillStyle = "#0b0c0c";
    fillChartText(ctx, series.name, legendX + 20, legendY + 12, 10);
  });

  // Flat-colour charts compress as well without row filters, and skipping pureimage's try-every-filter default
  // makes encoding about five times faster.
  return encodeRgbaPng(img.data, width, height);
}

// A new pureimage bitmap paints itself opaque black pixel by pixel, a tenth of a chart's drawing time: the
// bitmap is kept (one per size; a render runs start to end without yielding) and only its bytes are reset.
const bitmaps = new Map<string, PImage.Bitmap>();
function blankBitmap(width: number, height: number): PImage.Bitmap {
  const key = `${width}x${height}`;
  let img = bitmaps.get(key);
  if (!img) {
    img = PImage.make(width, height);
    bitmaps.set(key, img);
  }
  // An opaque white background, written straight into the RGBA buffer (fillRect composites pixel by pixel).
  img.data.fill(0xff);
  return img;
}

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
