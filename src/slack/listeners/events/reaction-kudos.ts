// Reaction kudos: adding one of the workspace's kudos emoji to a message gives its author kudos (the message
// text is the reason, with a permalink, unless the message is in a private channel or a DM); removing the
// reaction takes them back, even when Slack delivers the removal first. Slack redelivers events,
// so an event id is handled once, and the gift key (giver + message + emoji) makes a duplicate count once.
import type { webApi } from "@slack/bolt";
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { parseValueTag, tokenize, unescapeEntities } from "../../../core/shared/command-text.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { giveKudos } from "../../../core/recognition/kudos.ts";
import type { Workspace } from "../../../core/shared/model.ts";
import { localeFor } from "../../../i18n/locale.ts";
import { msg } from "../../../i18n/message.ts";
import { refusal } from "../../../use-cases/failure.ts";
import { isPrivateSlackConversation } from "../../channel-privacy.ts";
import { renderBody } from "../../render/blocks.ts";
import { EventEnvelope, ReactionEvent } from "../../recognition-payloads.ts";

/** "star::skin-tone-2" → "star": a skin tone is the same emoji. */
export function baseEmoji(reaction: string): string {
  return reaction.split("::")[0] ?? reaction;
}

export function reactionKey(teamId: string, giver: string, channel: string, ts: string, emoji: string): string {
  return `slack:reaction:${teamId}:${giver}:${channel}:${ts}:${emoji}`;
}

async function messageText(client: webApi.WebClient, channel: string, ts: string): Promise<string> {
  const res = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const message = res.messages?.find((m) => m.ts === ts);
  if (message) return message.text ?? "";
  // Not in the channel's history: a reply in a thread.
  const thread = await client.conversations.replies({ channel, ts, latest: ts, inclusive: true, limit: 1 }).catch(() => null);
  return thread?.messages?.find((m) => m.ts === ts)?.text ?? "";
}

function reasonFrom(text: string): string {
  const plain = unescapeEntities(text.replace(/<([^|<>]+)\|([^<>]+)>/g, "$2")).replace(/\s+/g, " ").trim();
  if (plain.length === 0) return "their message";
  return plain.length > 500 ? `${plain.slice(0, 497)}…` : plain;
}

export function registerReactionKudos(app: ListenerTable, services: Services): void {
  // Two plain event names (not a pattern), so the manifest check can see exactly what is subscribed.
  app.event("reaction_added", (args) => onReaction(services, args));
  app.event("reaction_removed", (args) => onReaction(services, args));
}

async function onReaction(
  services: Services,
  { event, body, client }: { event: unknown; body: unknown; client: webApi.WebClient },
): Promise<void> {
  const parsed = ReactionEvent.safeParse(event);
  const envelope = EventEnvelope.safeParse(body);
  if (!parsed.success || !envelope.success) return;
  const reaction = parsed.data;
  const { team_id: teamId, event_id: eventId } = envelope.data;
  const channel = reaction.item.channel;
  const ts = reaction.item.ts;
  if (reaction.item.type !== "message" || !channel || !ts || !reaction.item_user) return;

  const { workspace, defaultTeam } = await services.workspaces.ensure("slack", teamId, { teamTimeZone: services.defaultTimeZone });
  const settings = await services.recognitionSettings.get(workspace.id);
  const emoji = baseEmoji(reaction.reaction);
  const points = settings.emojiPoints[emoji];
  if (points === undefined) return;
  if (await services.processedEvents.seen(workspace.id, eventId)) return;

  const key = reactionKey(teamId, reaction.user, channel, ts, emoji);
  if (reaction.type === "reaction_removed") {
    await takeBack(services, workspace, defaultTeam.id, reaction.user, reaction.item_user, key, eventId);
    // Slack may deliver this removal before the reaction_added it undoes: remembered, the late add gives nothing.
    if (reaction.event_ts) await services.reactionTombstones.remember(workspace.id, key, reaction.event_ts);
  } else if (reaction.event_ts && (await services.reactionTombstones.removedAfter(workspace.id, key, reaction.event_ts))) {
    services.logger.debug({ eventId }, "reaction added before its (already delivered) removal: no kudos");
  } else {
    try {
      // A message in a private channel or a DM stays there: neither its text nor its link reaches the shoutout.
      const secret = await isPrivateSlackConversation(client, channel, services.logger);
      const [text, permalink] = secret
        ? ["", null]
        : await Promise.all([messageText(client, channel, ts), client.chat.getPermalink({ channel, message_ts: ts }).then((r) => r.permalink ?? null)]);
      const tags = tokenize(text).flatMap((t) => parseValueTag(t) ?? []);
      await giveKudos(services, {
        workspace,
        defaultTeam,
        giverPlatformId: reaction.user,
        command: {
          kind: "give",
          recipients: [{ kind: "id", id: reaction.item_user }],
          points,
          reason: reasonFrom(text),
          // Only the message's tags that are company values count; a reaction can't pick one.
          values: [...new Set(tags)].filter((t) => settings.companyValues.includes(t)),
        },
        valuesOptional: true,
        source: "reaction",
        sourceRef: permalink,
        idempotencyKey: key,
        originChannelId: channel,
      });
    } catch (err) {
      if (!isSpurError(err)) throw err;
      services.logger.info({ code: err.code }, "reaction kudos refused");
      const giver = await services.members.byPlatformId(workspace, defaultTeam.id, reaction.user).catch(() => null);
      const reply = renderBody(refusal(msg("kudos.reaction.refused", { emoji: `:${emoji}:`, reason: err.reply })), localeFor(giver?.locale, workspace.locale));
      await client.chat.postEphemeral({ channel, user: reaction.user, text: reply.text, blocks: reply.blocks ?? [] }).catch(() => undefined);
    }
  }
  await services.processedEvents.markSeen(workspace.id, eventId);
}

async function takeBack(
  services: Services,
  workspace: Workspace,
  defaultTeamId: string,
  giverId: string,
  authorId: string,
  key: string,
  eventId: string,
): Promise<void> {
  const author = await services.members.byPlatformId(workspace, defaultTeamId, authorId);
  if (!author) return;
  await services.ledger.revokeByKey(`${key}:${author.id}`, services.clock.now(), `removed:${eventId}`);
  services.logger.debug({ giverId, authorId }, "reaction kudos taken back");
}
