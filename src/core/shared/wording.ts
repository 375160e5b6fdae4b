// Platform-neutral wording shared by the Slack and Teams renderers.
import { DateTime } from "luxon";
import type { Period } from "./period.ts";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "2026-W47 (16 Nov – 22 Nov 2026)", in the period's own time zone. */
export function periodLabel(period: Period): string {
  const start = DateTime.fromJSDate(period.start, { zone: period.timeZone });
  const last = DateTime.fromJSDate(period.end, { zone: period.timeZone }).minus({ days: 1 });
  return `${period.key} (${start.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")})`;
}

/** The day something is due ("Wed 25 Nov"): `dueAt` is the exclusive end of that day in `timeZone`. */
export function dueDayLabel(dueAt: Date, timeZone: string): string {
  return DateTime.fromJSDate(new Date(dueAt.getTime() - 1), { zone: timeZone }).toFormat("ccc d LLL");
}

export function valueTags(tags: string[]): string {
  return tags.map((t) => `#${t}`).join(" ");
}


/** "09:05" for 545 minutes after midnight. */
export function clockTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
