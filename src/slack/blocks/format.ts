// Small Slack mrkdwn helpers shared by the Block Kit renderers.
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
import type { Member } from "../../core/model.ts";
import { DateTime } from "luxon";
import type { Period } from "../../core/period.ts";

/** Escapes text so Slack shows it literally (and cannot be tricked into mentions or links). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function mention(member: Pick<Member, "platformUserId">): string {
  return `<@${member.platformUserId}>`;
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function periodLabel(period: Period): string {
  const start = DateTime.fromJSDate(period.start, { zone: period.timeZone });
  const last = DateTime.fromJSDate(period.end, { zone: period.timeZone }).minus({ days: 1 });
  return `${period.key} (${start.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")})`;
}

export function values(tags: string[]): string {
  return tags.map((t) => `#${t}`).join(" ");
}
