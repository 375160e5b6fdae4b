// Small Slack mrkdwn helpers shared by the Block Kit renderers.
import type { types } from "@slack/bolt";
import type { Member } from "../../core/shared/model.ts";
export { listOf, periodLabel, plural, valueTags as values } from "../../core/shared/wording.ts";

export type KnownBlock = types.KnownBlock;

/** Escapes text so Slack shows it literally (and cannot be tricked into mentions or links). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function mention(member: Pick<Member, "platformUserId">): string {
  return `<@${member.platformUserId}>`;
}

