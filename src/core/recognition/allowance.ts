// The giving allowance: points a member may give per day or week, reset at midnight in their team's time zone.
import { DateTime } from "luxon";
import type { AllowancePeriod, RecognitionSettings } from "./recognition-settings.ts";
import { msg, type Msg, when } from "../../i18n/message.ts";

export interface AllowanceWindow {
  readonly period: AllowancePeriod;
  /** Inclusive start, UTC. */
  readonly start: Date;
  /** Exclusive end (the reset), UTC. */
  readonly end: Date;
  readonly timeZone: string;
}

export interface Balance {
  allowance: number;
  spent: number;
  remaining: number;
  window: AllowanceWindow;
}

/** The last window computed per time zone and period: every gift of a team falls in the same one until it ends. */
const recentWindows = new Map<string, AllowanceWindow>();

export function allowanceWindow(now: Date, timeZone: string, period: AllowancePeriod): AllowanceWindow {
  const key = `${timeZone}|${period}`;
  const recent = recentWindows.get(key);
  if (recent && recent.start.getTime() <= now.getTime() && now.getTime() < recent.end.getTime()) return recent;
  const window = computeWindow(now, timeZone, period);
  if (recentWindows.size >= 1_000) recentWindows.clear();
  recentWindows.set(key, window);
  return window;
}

function computeWindow(now: Date, timeZone: string, period: AllowancePeriod): AllowanceWindow {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const start = local.startOf(period === "day" ? "day" : "week");
  return {
    period,
    start: start.toUTC().toJSDate(),
    end: start.plus(period === "day" ? { days: 1 } : { weeks: 1 }).toUTC().toJSDate(),
    timeZone,
  };
}

export function balanceOf(settings: RecognitionSettings, spent: number, window: AllowanceWindow): Balance {
  return { allowance: settings.allowancePoints, spent, remaining: Math.max(0, settings.allowancePoints - spent), window };
}

/** "at 00:00 Thu 20 Nov (Pacific/Auckland time)" — when the allowance resets, in the team's local time. */
export function resetParam(window: AllowanceWindow): Msg {
  return msg("kudos.reset", { when: when(window.end, window.timeZone, "dayTime"), timeZone: window.timeZone });
}
