// What the property-based fuzz shares: how many cases (FUZZ_RUNS: small in `npm test`, ≥ 10,000 with
// `npm run fuzz`), random bodies (bytes, unicode with NUL and lone surrogates, JSON), and structured payloads
// with random leaves, so the generated input gets past the outer parsers and reaches the code behind them.
import fc from "fast-check";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Cases per property: FUZZ_RUNS, default 200 (what `npm test` runs). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? "") || 200);
/** Oversized bodies are costly: a few per route, more in the long mode. */
export const OVERSIZED_RUNS = Math.max(2, Math.ceil(FUZZ_RUNS / 100));
/** A generous per-test timeout for `runs` HTTP cases. */
export const fuzzTimeout = (runs: number) => 60_000 + runs * 400;

/** Parameters for fc.assert: the run count and, for a reproducible failure, FUZZ_SEED. */
export function fuzzParameters(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: runs, ...(Number.isFinite(seed) && process.env.FUZZ_SEED ? { seed } : {}), endOnFailure: false };
}

/** Characters that have broken parsers and databases before. */
const NASTY = ["\u0000", "\uD800", "\uDFFF", "\uD83D", "\uFEFF", "\u202E", "\u2028", "\r\n", "\"", "\\", "<!channel>", "<@U1|x>", "%00", "'; --", "${x}", "1e308", "-1e308", "NaN", "Infinity", "9999-Q4", "0000-01", "🙂", "你好", "\t"];

/** Unicode text with the nasty characters mixed in (lone surrogates and NUL included). */
export const nastyText = (maxLength = 200): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 10 })), { maxLength: 12 })
    .map((parts) => parts.join("").slice(0, maxLength));

/** A JSON-ish value whose strings are nasty. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyText(60),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("type", "id", "text", "value", "user", "team", "__proto__", "constructor")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A body as bytes: random bytes, nasty text, or JSON text of a nasty value. */
export const randomBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
  nastyText(2_000).map((t) => Buffer.from(t, "utf8")),
  nastyValue.map((v) => Buffer.from(JSON.stringify(v) ?? "null", "utf8")),
);

type Json = unknown;

function leafPaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, k], out);
  out.push(path);
  return out;
}

function replaced(value: Json, path: (string | number)[], by: unknown): Json {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    copy[head as number] = replaced(copy[head as number], rest, by);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaced(copy[head as string], rest, by);
  return copy;
}

/**
 * A valid payload with some of its values (leaves or whole sub-objects) replaced by nasty values or removed:
 * mostly well-formed input, wrong in one or two places, which is what reaches deepest.
 */
export function mutated(base: Json): fc.Arbitrary<Json> {
  const paths = leafPaths(base).filter((p) => p.length > 0);
  if (paths.length === 0) return fc.constant(base);
  return fc
    .array(fc.tuple(fc.nat(paths.length - 1), fc.oneof(nastyValue, fc.constant(undefined))), { maxLength: 3 })
    .map((changes) => changes.reduce((acc, [i, by]) => replaced(acc, paths[i]!, by), base));
}

let collect: (() => void) | undefined;
/** Heap in use after a full garbage collection (exposed on demand), in bytes. */
export function heapAfterGc(): number {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  return process.memoryUsage().heapUsed;
}
