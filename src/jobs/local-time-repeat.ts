// BullMQ's repeat strategy for Spur's job schedulers: the cron pattern is matched against the team's local
// wall clock, and the local time it names becomes an instant by the rule in schedule.ts (a skipped time
// fires when the clocks jump, a repeated one at its first occurrence). Cron's own handling moves a skipped
// 02:30 to 03:30 and would need the rule spelled per pattern; this keeps every schedule kind alike.
import { getNextMillis, type RepeatOptions, type RepeatStrategy } from "bullmq";
import { instantOfWallClock, wallClockMillis } from "../core/shared/schedule.ts";

export const localTimeRepeatStrategy: RepeatStrategy = (millis: number, opts: RepeatOptions): number | undefined => {
  const { pattern, tz } = opts;
  if (!pattern || !tz) return getNextMillis(millis, opts);
  let wall = wallClockMillis(millis, tz);
  // A matching local time already past (the repeated hour's first occurrence) is skipped for the next one.
  for (let tries = 0; tries < 3; tries++) {
    const next = getNextMillis(wall, { pattern, tz: "UTC" });
    if (next === undefined) return undefined;
    const instant = instantOfWallClock(next, tz);
    if (instant > millis) return instant;
    wall = next;
  }
  return undefined;
};

/** The queue and worker settings every Spur queue is built with. */
export const REPEAT_SETTINGS = { repeatStrategy: localTimeRepeatStrategy };
