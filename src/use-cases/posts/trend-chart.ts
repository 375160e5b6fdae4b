// The digest's trend chart in the reader's language: its title, series and reference line from the catalogue.
import type { Trend } from "../../core/digests/trend.ts";
import type { Locale } from "../../i18n/locale.ts";
import { renderTrendChartPng, type TrendChart } from "../../render/trend-chart-png.ts";

import { plainText as plain } from "./post-wording.ts";

export function trendChart(trend: Trend, locale: Locale): TrendChart {
  return {
    title: plain(trend.title, locale),
    weeks: trend.weeks,
    series: trend.series.map((s) => ({ name: plain(s.name, locale), values: s.values })),
    ...(trend.reference ? { reference: { value: trend.reference.value, label: plain(trend.reference.label, locale) } } : {}),
  };
}

/** The chart as a PNG, with its title (the upload's name, the image's alt text). */
export function trendChartPng(trend: Trend, locale: Locale): { png: Buffer; title: string } {
  const chart = trendChart(trend, locale);
  return { png: renderTrendChartPng(chart), title: chart.title };
}
