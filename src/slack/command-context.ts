// Shared steps of every slash command: validate the payload, find the workspace, reply ephemerally (in the ack).
import type { RespondFn, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import { SlashCommandPayload } from "./payloads.ts";
import { DEFAULT_LOCALE } from "../i18n/locale.ts";
import { msg } from "../i18n/message.ts";
import { refusal } from "../use-cases/failure.ts";
import { renderBody } from "./render/blocks.ts";
import type { SlackTurn } from "./run-interaction.ts";
import type { CommandAck } from "./command-ack.ts";

/** What a slash command's steps need from Bolt's listener arguments, with the command's acknowledgement. */
export type SlashArgs = Pick<SlackCommandMiddlewareArgs, "command"> & { respond: RespondFn; client: webApi.WebClient; commandAck: CommandAck };

/** A slash command's payload, validated, as the turn the interaction runner takes; null (and the user told) when unreadable. */
export async function slashCommandTurn(services: Services, args: SlashArgs): Promise<{ payload: SlashCommandPayload; turn: SlackTurn } | null> {
  const payload = await parsePayload(services, args);
  if (!payload) return null;
  return {
    payload,
    turn: {
      teamId: payload.team_id,
      userId: payload.user_id,
      channelId: payload.channel_id,
      idempotencyKey: `slack:cmd:${payload.team_id}:${payload.trigger_id}`,
      triggerId: payload.trigger_id,
      client: args.client,
      respond: args.respond,
      label: payload.command,
      via: args.commandAck,
    },
  };
}

async function parsePayload(services: Services, args: SlashArgs): Promise<SlashCommandPayload | null> {
  const parsed = SlashCommandPayload.safeParse(args.command);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    services.logger.warn({ reason }, "malformed slash command payload");
    await args.commandAck.reply(renderBody(refusal(msg("error.unreadable", { reason })), DEFAULT_LOCALE));
    return null;
  }
  return parsed.data;
}
