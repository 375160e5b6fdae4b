// What each helpdesk adapter provides: how its deliveries are authenticated and how its payloads map to
// Spur's HelpdeskEvent.
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import type { HelpdeskEvent } from "../../core/kpi/helpdesk-events.ts";
import { FIRST_YEAR, isKeptYear, LAST_YEAR } from "../../core/shared/period.ts";

export interface HelpdeskProvider {
  name: "zendesk" | "intercom" | "freshdesk";
  /** True when the delivery proves knowledge of the workspace's secret for this helpdesk. */
  authenticate(headers: IncomingHttpHeaders, rawBody: Buffer, secret: string, now: Date): boolean;
  schema: z.ZodType;
  /**
   * When the provider sent the delivery, for a provider whose signature covers a time only inside the body
   * (Intercom's created_at): a delivery older than DELIVERY_MAX_AGE_MS is a replay and is refused.
   */
  sentAt?(payload: unknown): Date;
  /** Maps a validated payload to events (none when the event is not one Spur measures). */
  toEvents(payload: unknown, now: Date): HelpdeskEvent[];
}

const KEPT_YEARS = `must be in the years ${FIRST_YEAR}–${LAST_YEAR}`;

/** An ISO date-time, in the years Spur keeps (a ticket "updated" in 9999 is refused, not stored). */
export const instant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be a date-time")
  .transform((s) => new Date(s))
  .refine((d) => isKeptYear(d.getUTCFullYear()), KEPT_YEARS);

/** Seconds since 1970 (Intercom), in the years Spur keeps. */
export const unixSeconds = z
  .number()
  .int()
  .nonnegative()
  .refine((s) => isKeptYear(new Date(s * 1000).getUTCFullYear()), KEPT_YEARS);

/** How old a delivery may be (Intercom retries a failed one after a minute or so), and how far in the future. */
export const DELIVERY_MAX_AGE_MS = 15 * 60_000;
export const DELIVERY_MAX_AHEAD_MS = 5 * 60_000;

/** The delivery was sent within the window around now. */
export function freshDelivery(sentAt: Date, now: Date): boolean {
  const age = now.getTime() - sentAt.getTime();
  return age <= DELIVERY_MAX_AGE_MS && age >= -DELIVERY_MAX_AHEAD_MS;
}

export function firstHeader(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export const hoursBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);
export const minutesBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);
