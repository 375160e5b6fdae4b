// A thread of the chart renderer's pool (chart-renderer.ts): draws one chart per task and returns its PNG.
// Each thread loads its own fonts, once, the first time it draws (Noto Sans SC only if a chart needs it).
import { renderTrendChartPng, type TrendChart } from "./trend-chart-png.ts";

export default function drawChart(chart: TrendChart): Uint8Array {
  return renderTrendChartPng(chart);
}
