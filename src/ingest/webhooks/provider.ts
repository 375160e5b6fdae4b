// What each helpdesk adapter provides: how its deliveries are authenticated and how its payloads map to
// Spur's HelpdeskEvent.
import type { IncomingHttpHeaders } from "node:http";
import type { z } from "zod";
import type { HelpdeskEvent } from "../../core/kpi/helpdesk-events.ts";

export interface HelpdeskProvider {
  name: "zendesk" | "intercom" | "freshdesk";
  /** True when the delivery proves knowledge of the workspace's secret for this helpdesk. */
  authenticate(headers: IncomingHttpHeaders, rawBody: Buffer, secret: string, now: Date): boolean;
  schema: z.ZodType;
  /** Maps a validated payload to events (none when the event is not one Spur measures). */
  toEvents(payload: unknown, now: Date): HelpdeskEvent[];
}

export function firstHeader(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export const hoursBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);
export const minutesBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);
