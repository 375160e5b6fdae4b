// The one runner every Slack interaction goes through: find the workspace and the acting member (and their
// language), run the use case, render its replies, count the outcome, and turn a failure into a private reply.
import type { RespondFn, types, webApi } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import { DEFAULT_LOCALE, type Locale, localeFor } from "../i18n/locale.ts";
import type { Workspace } from "../core/shared/model.ts";
import { checkStorableText } from "../core/shared/user-text.ts";
import { actingMember } from "../use-cases/actor.ts";
import { type Body, summaryOf } from "../use-cases/body.ts";
import { type Failure, failureOf } from "../use-cases/failure.ts";
import type { Interaction, Place, Reply } from "../use-cases/interaction.ts";
import { renderBody, type SlackMessage } from "./render/blocks.ts";
import { modalErrors, renderModal } from "./render/modal.ts";
import { plainText } from "./render/mrkdwn.ts";
import type { CommandAck } from "./command-ack.ts";
import { channelTeamOf } from "../use-cases/channel-team.ts";

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
  /** A slash command's private replies go in its ack (later ones to its response_url); a click's to its response_url. */
  via: CommandAck | "action";
}

/** Slack channel ids say what they are: D… a direct message, G… a private channel or group DM. */
export function slackPlace(channelId: string | null): Place {
  if (!channelId) return { channelId: null, kind: "personal", groupId: null };
  return { channelId, kind: channelId.startsWith("D") ? "personal" : "channel", groupId: null };
}

type Outcome = { replies: Reply[]; locale: Locale; workspace: Workspace } | { failure: Failure; locale: Locale };

async function run<Deps, Args>(services: Services, turn: SlackTurn, interaction: Interaction<Deps, Args>, deps: Deps, args: Args): Promise<Outcome> {
  let locale: Locale = DEFAULT_LOCALE;
  try {
    const { workspace, defaultTeam, teamCreated } = await services.workspaces.ensure("slack", turn.teamId, { teamTimeZone: services.defaultTimeZone });
    if (teamCreated) await services.jobs.syncTeamSchedules(defaultTeam);
    locale = workspace.locale;
    // Before anything is stored, people named in the request included.
    checkStorableText(args);
    const named = interaction.unknownActor === "provisional" ? (interaction.peopleNamed?.(args) ?? []) : [];
    const acting = await actingMember(services, workspace, defaultTeam, turn.userId, null, interaction.unknownActor, named);
    locale = acting.locale;
    const place = slackPlace(turn.channelId);
    const replies = await interaction.run(deps, {
      platform: "slack",
      workspace,
      team: defaultTeam,
      channelTeam: await channelTeamOf(services, interaction, workspace.id, place),
      actor: acting.actor,
      locale,
      place,
      args,
      idempotencyKey: turn.idempotencyKey,
    });
    services.metrics.commands.inc({ command: turn.label, outcome: "ok" });
    return { replies, locale, workspace };
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
  const outcome = await run(services, turn, interaction, deps, args);
  try {
    if ("failure" in outcome) await privateReply(turn, outcome.failure.body, outcome.locale);
    else for (const reply of outcome.replies) await deliver(turn, reply, outcome.locale, outcome.workspace);
  } catch (err) {
    services.logger.warn({ err }, "could not deliver the reply");
    if (!("failure" in outcome)) await privateReply(turn, failureOf(err).body, outcome.locale).catch(() => undefined);
  }
}

/** What Slack wants in the ack of a modal's submission: field errors, a view in its place, or nothing (close). */
export type SubmissionAck = { response_action: "errors"; errors: Record<string, string> } | { response_action: "update"; view: types.ModalView } | undefined;

/**
 * A modal's submission: the use case's form again (its errors inline), a message in the modal's place
 * (`title` the submitted modal's), or a refusal shown under `fallbackField`; private replies go where the form
 * was opened (`turn.channelId`) or to the app DM.
 */
export async function runSlackSubmission<Deps, Args>(
  services: Services,
  turn: SlackTurn,
  submitted: { title: string; fallbackField: string },
  interaction: Interaction<Deps, Args>,
  deps: Deps,
  args: Args,
): Promise<SubmissionAck> {
  const outcome = await run(services, turn, interaction, deps, args);
  const { locale } = outcome;
  if ("failure" in outcome) {
    const field = (outcome.failure.outcome === "refused" && outcome.failure.field) || submitted.fallbackField;
    return { response_action: "errors", errors: { [field]: bodyText(outcome.failure.body, locale) } };
  }
  let ack: SubmissionAck;
  for (const reply of outcome.replies) {
    if (reply.kind === "form") {
      const errors = modalErrors(reply.form, locale);
      ack = Object.keys(errors).length > 0 ? { response_action: "errors", errors } : { response_action: "update", view: renderModal(reply.form, locale) };
    } else if (reply.kind === "update") {
      ack = { response_action: "update", view: messageView(reply.body, locale, submitted.title) };
    } else if (reply.kind === "private") {
      await postPrivately(turn, reply.body, locale).catch((err: unknown) => services.logger.warn({ err }, "could not tell the user"));
    }
  }
  return ack;
}

/** Where the form was opened (`turn.channelId`), only for them; else, or where the bot can't post, in their app DM. */
async function postPrivately(turn: SlackTurn, body: Body, locale: Locale): Promise<void> {
  const message = withBlocks(renderBody(body, locale));
  if (turn.channelId) {
    try {
      await turn.client.chat.postEphemeral({ channel: turn.channelId, user: turn.userId, ...message });
      return;
    } catch {
      // Not in that channel: the app DM always works.
    }
  }
  await turn.client.chat.postMessage({ channel: turn.userId, ...message });
}

function bodyText(body: Body, locale: Locale): string {
  const summary = summaryOf(body);
  return summary ? plainText(summary, locale) : renderBody(body, locale).text;
}

/** A message shown in a modal in place of the submitted form. */
function messageView(body: Body, locale: Locale, title: string): types.ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: title.slice(0, 24) },
    close: { type: "plain_text", text: plainText({ key: "form.done" }, locale).slice(0, 24) },
    blocks: renderBody(body, locale).blocks ?? [],
  };
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

/** Only the acting member sees it: a command's ack body (no Web API call, and it works where the bot is not
 * a member), or the response_url. */
async function privateReply(turn: SlackTurn, body: Body, locale: Locale): Promise<void> {
  const message = withBlocks(renderBody(body, locale));
  if (turn.via !== "action") return turn.via.reply(message);
  await turn.respond({ response_type: "ephemeral", replace_original: false, ...message });
}
