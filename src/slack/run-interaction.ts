// The one runner every Slack interaction goes through: find the workspace and the acting member (and their
// language), run the use case, render its replies, count the outcome, and turn a failure into a private reply.
import type { RespondFn, webApi } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale.ts";
import { actingMember } from "../use-cases/actor.ts";
import type { Body } from "../use-cases/body.ts";
import { type Failure, failureOf } from "../use-cases/failure.ts";
import type { Interaction, Place, Reply } from "../use-cases/interaction.ts";
import { renderBody, type SlackMessage } from "./render/blocks.ts";
import { localizeParam } from "../i18n/localize.ts";
import { spell } from "../i18n/spell.ts";
import { modalErrors, renderModal } from "./render/modal.ts";
import { plainText, SLACK_PLAIN } from "./render/mrkdwn.ts";

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

interface SlackActing {
  teamId: string;
  userId: string;
  channelId: string | null;
  idempotencyKey: string;
  label: string;
}

/** Runs a use case as the Slack user: its replies, or the failure to tell them about, in their language. */
async function runAs<Deps, Args>(
  services: Services,
  turn: SlackActing,
  interaction: Interaction<Deps, Args>,
  deps: Deps,
  args: Args,
): Promise<{ replies: Reply[]; locale: Locale } | { failure: Failure; locale: Locale }> {
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
    services.metrics.commands.inc({ command: turn.label, outcome: "ok" });
    return { replies, locale };
  } catch (err) {
    const failure = failureOf(err);
    services.metrics.commands.inc({ command: turn.label, outcome: failure.outcome });
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, command: turn.label }, "interaction refused");
    else services.logger.error({ err, command: turn.label }, "interaction failed");
    return { failure, locale };
  }
}

export async function runOnSlack<Deps, Args>(
  services: Services,
  turn: SlackTurn,
  interaction: Interaction<Deps, Args>,
  deps: Deps,
  args: Args,
): Promise<void> {
  const outcome = await runAs(services, turn, interaction, deps, args);
  try {
    if ("failure" in outcome) await privateReply(turn, outcome.failure.body, outcome.locale);
    else for (const reply of outcome.replies) await deliver(turn, reply, outcome.locale);
  } catch (err) {
    if ("failure" in outcome) {
      services.logger.warn({ err }, "could not tell the user");
      return;
    }
    // A reply that could not be delivered (e.g. an expired trigger_id) is a failure to tell the user about.
    services.metrics.commands.inc({ command: turn.label, outcome: "error" });
    services.logger.error({ err, command: turn.label }, "interaction failed");
    await privateReply(turn, failureOf(err).body, outcome.locale).catch((replyErr: unknown) => services.logger.warn({ err: replyErr }, "could not tell the user"));
  }
}

/** What a view submission's ack accepts: nothing (close the modal) or the fields' errors. */
export type ViewAck = (response?: { response_action: "errors"; errors: Record<string, string> }) => Promise<void>;

export interface SlackViewTurn extends SlackActing {
  client: webApi.WebClient;
  ack: ViewAck;
  /** The block a failure that belongs to no field is shown under. */
  failureField: string;
}

/**
 * A modal's submission: Slack waits for the ack, so the use case runs first; a form reply becomes the fields'
 * errors (the modal stays open), anything else closes it, and private replies go where the form was opened.
 */
export async function runViewSubmission<Deps, Args>(
  services: Services,
  turn: SlackViewTurn,
  interaction: Interaction<Deps, Args>,
  deps: Deps,
  args: Args,
): Promise<void> {
  const outcome = await runAs(services, turn, interaction, deps, args);
  if ("failure" in outcome) {
    await turn.ack({ response_action: "errors", errors: { [turn.failureField]: plainOf(outcome.failure.body, outcome.locale) } });
    return;
  }
  const form = outcome.replies.find((r) => r.kind === "form");
  if (form) {
    await turn.ack({ response_action: "errors", errors: modalErrors(form.form, outcome.locale) });
    return;
  }
  await turn.ack();
  for (const reply of outcome.replies) {
    if (reply.kind === "private" || reply.kind === "update") {
      await postPrivately(turn, reply.body, outcome.locale).catch((err: unknown) => services.logger.warn({ err, command: turn.label }, "could not confirm a form"));
    }
  }
}

/** In the channel the form was opened from, only for them; else (or where the bot can't post) in their app DM. */
async function postPrivately(turn: SlackViewTurn, body: Body, locale: Locale): Promise<void> {
  const message = withBlocks(renderBody(body, locale));
  const blocks = message.blocks ?? [];
  if (turn.channelId) {
    try {
      await turn.client.chat.postEphemeral({ channel: turn.channelId, user: turn.userId, text: message.text, blocks });
      return;
    } catch {
      // Not in that channel: the app DM always works.
    }
  }
  await turn.client.chat.postMessage({ channel: turn.userId, text: message.text, blocks });
}

function plainOf(body: Body, locale: Locale): string {
  return body.blocks
    .flatMap((b) => (b.kind === "text" ? [plainText(b.text, locale)] : b.kind === "quote" ? [spell(localizeParam(b.text, locale), SLACK_PLAIN)] : []))
    .join(" ");
}

async function deliver(turn: SlackTurn, reply: Reply, locale: Locale): Promise<void> {
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
