// Shared steps of every slash command: validate the payload, find the workspace, reply ephemerally.
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

export interface CommandContext {
  payload: SlashCommandPayload;
  workspace: Workspace;
  defaultTeam: Team;
  reply(message: SlackMessage): Promise<void>;
}

/** Replies only the invoking user can see: chat.postEphemeral, or the response_url where the bot cannot post. */
export function ephemeralReplier(client: webApi.WebClient, respond: RespondFn, channel: string, user: string) {
  return async (message: SlackMessage): Promise<void> => {
    try {
      await client.chat.postEphemeral({ channel, user, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    } catch {
      await respond({ response_type: "ephemeral", text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    }
  };
}

/** A slash command's payload, validated, as the turn the interaction runner takes; null (and the user told) when unreadable. */
export async function slashCommandTurn(
  services: Services,
  args: Pick<SlackCommandMiddlewareArgs, "command" | "respond"> & { client: webApi.WebClient },
): Promise<{ payload: SlashCommandPayload; turn: SlackTurn } | null> {
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
      via: "command",
    },
  };
}

async function parsePayload(
  services: Services,
  args: Pick<SlackCommandMiddlewareArgs, "command" | "respond">,
): Promise<SlashCommandPayload | null> {
  const parsed = SlashCommandPayload.safeParse(args.command);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    services.logger.warn({ reason }, "malformed slash command payload");
    await args.respond({ response_type: "ephemeral", ...renderBody(refusal(msg("error.unreadable", { reason })), DEFAULT_LOCALE) });
    return null;
  }
  return parsed.data;
}

export async function commandContext(
  services: Services,
  args: Pick<SlackCommandMiddlewareArgs, "command" | "respond"> & { client: webApi.WebClient },
): Promise<CommandContext | null> {
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
    reply: ephemeralReplier(args.client, args.respond, payload.channel_id, payload.user_id),
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
