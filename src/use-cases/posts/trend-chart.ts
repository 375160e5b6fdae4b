// The digest's trend chart in the reader's language: its title, series and reference line from the catalogue.
import type { Trend } from "../../core/digests/trend.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { RenderChart } from "../../render/chart-renderer.ts";
import type { TrendChart } from "../../render/trend-chart-png.ts";

import { plainText as plain } from "./post-wording.ts";

export function trendChart(trend: Trend, locale: Locale): TrendChart {
  return {
    title: plain(trend.title, locale),
    weeks: trend.weeks,
    series: trend.series.map((s) => ({ name: plain(s.name, locale), values: s.values })),
    ...(trend.reference ? { reference: { value: trend.reference.value, label: plain(trend.reference.label, locale) } } : {}),
  };
}

/** A chart drawn as a PNG, with its title (the upload's name, the image's alt text). */
export interface DrawnChart {
  png: Buffer;
  title: string;
}

/**
 * Starts drawing the chart (in the renderer's threads) and returns at once, so that a notifier can wait for
 * its posting budget, and post, while the chart is drawn. The promise rejects if drawing fails; it counts as
 * handled, so a post that fails before it awaits the chart leaves no unhandled rejection behind.
 */
export function startTrendChartPng(trend: Trend, locale: Locale, render: RenderChart): Promise<DrawnChart> {
  const chart = trendChart(trend, locale);
  const drawn = render(chart).then((png) => ({ png, title: chart.title }));
  drawn.catch(() => undefined);
  return drawn;
}
