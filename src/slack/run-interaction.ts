// The one runner every Slack interaction goes through: find the workspace and the acting member (and their
// language), run the use case, render its replies, count the outcome, and turn a failure into a private reply.
import type { RespondFn, webApi } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import { DEFAULT_LOCALE, type Locale, localeFor } from "../i18n/locale.ts";
import type { Workspace } from "../core/shared/model.ts";
import { actingMember } from "../use-cases/actor.ts";
import type { Body } from "../use-cases/body.ts";
import { failureOf } from "../use-cases/failure.ts";
import type { Interaction, Place, Reply } from "../use-cases/interaction.ts";
import { renderBody, type SlackMessage } from "./render/blocks.ts";
import { renderModal } from "./render/modal.ts";

export interface SlackTurn {
  teamId: string;
  userId: string;
  channelId: string | null;
  idempotencyKey: string;
  triggerId?: string | undefined;
  client: webApi.WebClient;
  respond: RespondFn;
  /** How the outcome is counted: the slash command ("/kudos") or the action id. */
  label: string;
  /** A slash command's private replies go through chat.postEphemeral; a click's through its response_url. */
  via: "command" | "action";
}

/** Slack channel ids say what they are: D… a direct message, G… a private channel or group DM. */
export function slackPlace(channelId: string | null): Place {
  if (!channelId) return { channelId: null, kind: "personal" };
  return { channelId, kind: channelId.startsWith("D") ? "personal" : "channel" };
}

export async function runOnSlack<Deps, Args>(
  services: Services,
  turn: SlackTurn,
  interaction: Interaction<Deps, Args>,
  deps: Deps,
  args: Args,
): Promise<void> {
  let locale: Locale = DEFAULT_LOCALE;
  try {
    const { workspace, defaultTeam, teamCreated } = await services.workspaces.ensure("slack", turn.teamId, { teamTimeZone: services.defaultTimeZone });
    if (teamCreated) await services.jobs.syncTeamSchedules(defaultTeam);
    locale = workspace.locale;
    const acting = await actingMember(services, workspace, defaultTeam, turn.userId);
    locale = acting.locale;
    const replies = await interaction.run(deps, {
      platform: "slack",
      workspace,
      team: defaultTeam,
      actor: acting.actor,
      locale,
      place: slackPlace(turn.channelId),
      args,
      idempotencyKey: turn.idempotencyKey,
    });
    for (const reply of replies) await deliver(turn, reply, locale, workspace);
    services.metrics.commands.inc({ command: turn.label, outcome: "ok" });
  } catch (err) {
    const failure = failureOf(err);
    services.metrics.commands.inc({ command: turn.label, outcome: failure.outcome });
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, command: turn.label }, "interaction refused");
    else services.logger.error({ err, command: turn.label }, "interaction failed");
    await privateReply(turn, failure.body, locale).catch((replyErr: unknown) => services.logger.warn({ err: replyErr }, "could not tell the user"));
  }
}

async function deliver(turn: SlackTurn, reply: Reply, locale: Locale, workspace: Workspace): Promise<void> {
  switch (reply.kind) {
    case "private":
      return privateReply(turn, reply.body, locale);
    case "update": {
      const message = renderBody(reply.body, locale);
      await turn.respond({ response_type: "ephemeral", replace_original: true, ...withBlocks(message) });
      return;
    }
    case "form":
      if (!turn.triggerId) throw new Error(`${turn.label}: a form needs a trigger_id`);
      await turn.client.views.open({ trigger_id: turn.triggerId, view: renderModal(reply.form, locale) });
      return;
    case "close":
      return;
    case "direct": {
      const dm = await turn.client.conversations.open({ users: reply.to.platformUserId });
      const message = withBlocks(renderBody(reply.body, localeFor(reply.to.locale, workspace.locale)));
      await turn.client.chat.postMessage({ channel: dm.channel?.id ?? reply.to.platformUserId, ...message });
      return;
    }
  }
}

function withBlocks(message: SlackMessage): { text: string; blocks?: SlackMessage["blocks"] } {
  return { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
}

/** Only the acting member sees it: chat.postEphemeral, or the response_url where the bot cannot post. */
async function privateReply(turn: SlackTurn, body: Body, locale: Locale): Promise<void> {
  const message = withBlocks(renderBody(body, locale));
  if (turn.via === "command" && turn.channelId) {
    try {
      await turn.client.chat.postEphemeral({ channel: turn.channelId, user: turn.userId, ...message });
      return;
    } catch {
      // Not in the channel (or a DM it cannot post to): the response_url always works.
    }
  }
  await turn.respond({ response_type: "ephemeral", replace_original: false, ...message });
}
