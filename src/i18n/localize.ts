// Catalogue key + parameters → the reader's language, through ICU MessageFormat (intl-messageformat):
// plurals, selects, numbers and percentages follow the locale's rules; references and emphasis stay
// structured so each surface can spell them.
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGUES, type MessageKey } from "./catalogue.ts";
import type { Locale } from "./locale.ts";
import { type DateParam, type Inline, msg, type Msg, type Param, type RichKind } from "./message.ts";

const formats = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = formats.get(id);
  if (!f) {
    f = new IntlMessageFormat(CATALOGUES[locale][key], locale);
    formats.set(id, f);
  }
  return f;
}

const TAGS: Record<string, RichKind> = { b: "strong", i: "em", code: "code", s: "strike" };

/** The message in `locale`, as text, references and emphasis. */
export function localize(message: Msg, locale: Locale): Inline[] {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) values[name] = toValue(value, locale);
  for (const [tag, rich] of Object.entries(TAGS)) {
    values[tag] = (chunks: unknown[]) => ({ rich, children: normalise(chunks) });
  }
  const out = formatter(locale, message.key).format<unknown>(values);
  return normalise(Array.isArray(out) ? out : [out]);
}

/** One parameter as intl-messageformat takes it: numbers and strings as they are, the rest pre-rendered. */
function toValue(p: Param, locale: Locale): unknown {
  if (p === null) return "";
  if (typeof p === "string" || typeof p === "number") return p;
  if (typeof p === "boolean") return String(p);
  if ("ref" in p) return p.ref === "channel" && !p.name ? { ...p, unnamed: text(msg("common.thisChannel"), locale) } : p;
  if ("key" in p) return localize(p, locale);
  if ("rich" in p) return { rich: p.rich, children: inlines(p.content, locale) };
  if ("list" in p) return joinList(p.list.map((item) => inlines(item, locale)), p.style ?? "and", locale);
  return formatDate(p, locale);
}

function text(message: Msg, locale: Locale): string {
  return localize(message, locale).filter((part) => typeof part === "string").join("");
}

/** One parameter on its own (a quoted text, a list), localised like a message's argument. */
export function localizeParam(p: Param, locale: Locale): Inline[] {
  return inlines(p, locale);
}

function inlines(p: Param, locale: Locale): Inline[] {
  return normalise([toValue(p, locale)]);
}

// Building an Intl formatter costs far more than using one: each is made once per locale and options.
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (!format) {
    // Time zones come from settings: a bounded set, but never let the cache grow without end.
    if (cache.size >= 1_000) cache.clear();
    format = make();
    cache.set(key, format);
  }
  return format;
}

function joinList(items: Inline[][], style: "and" | "or", locale: Locale): Inline[] {
  const type = style === "and" ? "conjunction" : "disjunction";
  const parts = cached(listFormats, `${locale}|${type}`, () => new Intl.ListFormat(locale, { type })).formatToParts(items.map((_, i) => String(i)));
  const out: Inline[] = [];
  let next = 0;
  for (const part of parts) {
    if (part.type === "element") out.push(...(items[next++] ?? []));
    else out.push(part.value);
  }
  return normalise(out);
}

const DATE_OPTIONS: Record<DateParam["style"], Intl.DateTimeFormatOptions> = {
  day: { weekday: "short", day: "numeric", month: "short" },
  dayMonth: { day: "numeric", month: "short" },
  date: { day: "numeric", month: "short", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dayTime: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  month: { month: "long", year: "numeric" },
};

/** English dates the British way Spur has always written them ("Wed 25 Nov", "09:05 Wed 25 Nov"). */
function formatDate(p: DateParam, locale: Locale): string {
  const tag = locale === "en" ? "en-GB" : locale;
  if (locale === "en" && p.style === "dayTime") {
    return `${formatDate({ ...p, style: "time" }, locale)} ${formatDate({ ...p, style: "day" }, locale)}`;
  }
  const format = cached(dateFormats, `${tag}|${p.style}|${p.timeZone}`, () => new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[p.style], timeZone: p.timeZone }));
  const text = format.format(p.date);
  return locale === "en" ? text.replace(",", "") : text;
}

/** Flattens nested arrays and merges neighbouring strings. */
function normalise(parts: readonly unknown[]): Inline[] {
  const out: Inline[] = [];
  const push = (part: unknown): void => {
    if (Array.isArray(part)) {
      part.forEach(push);
      return;
    }
    if (part === undefined || part === null || part === "") return;
    if (typeof part !== "object") {
      const text = String(part);
      const last = out[out.length - 1];
      if (typeof last === "string") out[out.length - 1] = last + text;
      else out.push(text);
      return;
    }
    out.push(part as Inline);
  };
  parts.forEach(push);
  return out;
}
