// Benchmark: the digest trend chart in English and in Chinese (zh-CN), in a fresh process: the time per render of
// each, and the one-time cost of loading the CJK font (Noto Sans SC, parsed the first time a string needs it):
// its time and the memory it keeps (RSS, V8 heap and memory outside the heap, after a full GC).
//   npx tsx bench/chart-fonts.ts [--renders 30]
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fontRuns } from "../src/render/chart-fonts.ts";
import { renderTrendChartPng } from "../src/render/trend-chart-png.ts";
import { ADMIN_URL } from "./support/bench-env.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";

const { values: args } = parseArgs({ options: { renders: { type: "string", default: "30" } } });
const RENDERS = Number(args.renders);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MB = 2 ** 20;
// pngjs's PNG objects are streams that stay referenced until the event loop turns, with their pixel buffers:
// the renders and the measurements let it turn, as a digest job does.
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Resident memory, V8 heap and memory outside it (buffers) after a full collection, in MB. */
async function memory() {
  await turn();
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heap: m.heapUsed / MB, external: m.external / MB };
}

const weeks = ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"];
const values = (s: number) => weeks.map((_, i) => (i === 2 && s === 3 ? null : 55 + ((i * 13 + s * 29) % 50)));
const chart = (title: string, names: string[], target: string) => ({
  title,
  weeks,
  series: names.map((name, s) => ({ name, values: values(s) })),
  reference: { value: 100, label: target },
});
const english = chart("Front line — KPI attainment, last 8 weeks", ["CSAT", "First response time", "Tickets handled", "QA score", "Composite"], "target");
const chinese = chart("前线团队 — 近8周KPI完成率", ["满意度", "首次响应时间", "处理工单数", "质检分", "综合得分"], "目标");

async function timeRenders(trend: typeof english): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = performance.now();
    renderTrendChartPng(trend);
    ms.push(performance.now() - start);
    await turn();
  }
  return ms.sort((a, b) => a - b);
}
const summary = (ms: number[]) => `p50 ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms, max ${fmt(ms.at(-1) ?? NaN)} ms`;

console.log(await describeMachine(ADMIN_URL));
const start = await memory();
let t = performance.now();
renderTrendChartPng(english);
const firstEnglish = performance.now() - t;
const en = await timeRenders(english);
const afterEnglish = await memory();

t = performance.now();
fontRuns("前");
const loadMs = performance.now() - t;
const afterLoad = await memory();
t = performance.now();
renderTrendChartPng(chinese);
const firstChinese = performance.now() - t;
const zh = await timeRenders(chinese);
const afterChinese = await memory();

console.log(`\ntrend chart (800 × 400, ${english.series.length} series × ${weeks.length} weeks), ${RENDERS} renders each`);
console.log(`  English: ${summary(en)} (first render ${fmt(firstEnglish)} ms, DejaVu Sans loaded in it)`);
console.log(`  Chinese: ${summary(zh)} (first render after the font load ${fmt(firstChinese)} ms)`);
console.log(`  CJK font load, once per process: ${fmt(loadMs)} ms`);
const delta = (a: number, b: number) => `${b >= a ? "+" : ""}${fmt(b - a)} MB`;
console.log(
  `  memory it keeps (after GC): RSS ${delta(afterEnglish.rss, afterLoad.rss)}, V8 heap ${delta(afterEnglish.heap, afterLoad.heap)}, ` +
    `outside the heap ${delta(afterEnglish.external, afterLoad.external)}`,
);
console.log(`  RSS after GC: ${[start, afterEnglish, afterLoad, afterChinese].map((p) => fmt(p.rss)).join(" / ")} MB (at start / after the English renders / after the font load / after the Chinese renders)`);
