// Shared steps of button clicks: validate the payload with zod, find the workspace and the person who clicked,
// and reply to them privately through the payload's response_url, in their language.
import type { RespondFn } from "@slack/bolt";
import type { Services } from "../../app/services.ts";
import { unknownActor } from "../../core/shared/errors.ts";
import { DEFAULT_LOCALE, type Locale, localeFor } from "../../i18n/locale.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Body } from "../../use-cases/body.ts";
import { failureOf, refusal } from "../../use-cases/failure.ts";
import { renderBody } from "../render/blocks.ts";
import type { Member, Team, Workspace } from "../../core/shared/model.ts";
import { BlockActionPayload, describeIssues } from "../feedback-payloads.ts";

export interface ActionContext {
  payload: BlockActionPayload;
  value: string | undefined;
  workspace: Workspace;
  defaultTeam: Team;
  actor: Member;
  locale: Locale;
  reply(body: Body, options?: { replaceOriginal?: boolean }): Promise<void>;
}

/** What a click Spur can't read (an out-of-date message) is told. */
export function staleClick(): Msg {
  return msg("interaction.staleClick");
}

function replier(respond: RespondFn, locale: Locale) {
  return async (body: Body, options: { replaceOriginal?: boolean } = {}) => {
    const message = renderBody(body, locale);
    await respond({ response_type: "ephemeral", replace_original: options.replaceOriginal ?? false, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  };
}

export async function actionContext(services: Services, body: unknown, respond: RespondFn): Promise<ActionContext | null> {
  const parsed = BlockActionPayload.safeParse(body);
  if (!parsed.success) {
    services.logger.warn({ reason: describeIssues(parsed.error) }, "malformed block_actions payload");
    await replier(respond, DEFAULT_LOCALE)(refusal(staleClick())).catch(() => undefined);
    return null;
  }
  const payload = parsed.data;
  const { workspace, defaultTeam } = await services.workspaces.ensure("slack", payload.team.id, { teamTimeZone: services.defaultTimeZone });
  const actor = await services.members.byPlatformId(workspace, defaultTeam.id, payload.user.id);
  if (!actor) {
    await replier(respond, workspace.locale)(failureOf(unknownActor()).body);
    return null;
  }
  const locale = localeFor(actor.locale, workspace.locale);
  return { payload, value: payload.actions[0]?.value, workspace, defaultTeam, actor, locale, reply: replier(respond, locale) };
}

/** Turns domain errors into a specific private reply and anything else into a generic one. */
export async function withActionErrors(services: Services, ctx: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const failure = failureOf(err);
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, action: ctx.payload.actions[0]?.action_id }, "action refused");
    else services.logger.error({ err, action: ctx.payload.actions[0]?.action_id }, "action failed");
    await ctx.reply(failure.body);
  }
}
