// Shared steps of every slash command: validate the payload, find the workspace, reply ephemerally (in the ack).
import type { RespondFn, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import type { Team, Workspace } from "../core/shared/model.ts";
import type { SlackMessage } from "./blocks/replies.ts";
import { SlashCommandPayload } from "./payloads.ts";
import { DEFAULT_LOCALE } from "../i18n/locale.ts";
import { msg } from "../i18n/message.ts";
import { failureOf, refusal } from "../use-cases/failure.ts";
import { renderBody } from "./render/blocks.ts";
import type { SlackTurn } from "./run-interaction.ts";
import type { CommandAck } from "./command-ack.ts";

/** What a slash command's steps need from Bolt's listener arguments, with the command's acknowledgement. */
export type SlashArgs = Pick<SlackCommandMiddlewareArgs, "command"> & { respond: RespondFn; client: webApi.WebClient; commandAck: CommandAck };

export interface CommandContext {
  payload: SlashCommandPayload;
  workspace: Workspace;
  defaultTeam: Team;
  reply(message: SlackMessage): Promise<void>;
}

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

export async function commandContext(services: Services, args: SlashArgs): Promise<CommandContext | null> {
  const payload = await parsePayload(services, args);
  if (!payload) return null;
  const { workspace, defaultTeam, teamCreated } = await services.workspaces.ensure("slack", payload.team_id, {
    teamTimeZone: services.defaultTimeZone,
  });
  if (teamCreated) await services.jobs.syncTeamSchedules(defaultTeam);
  return {
    payload,
    workspace,
    defaultTeam,
    reply: (message) => args.commandAck.reply(message),
  };
}

/** Runs a command body, turning domain errors into a specific ephemeral message and anything else into a generic one. */
export async function withErrorReplies(services: Services, ctx: CommandContext, body: () => Promise<void>): Promise<void> {
  const command = ctx.payload.command;
  try {
    await body();
    services.metrics.commands.inc({ command, outcome: "ok" });
  } catch (err) {
    const failure = failureOf(err);
    services.metrics.commands.inc({ command, outcome: failure.outcome });
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, command }, "command refused");
    else services.logger.error({ err, command }, "command failed");
    await ctx.reply(renderBody(failure.body, ctx.workspace.locale));
  }
}
