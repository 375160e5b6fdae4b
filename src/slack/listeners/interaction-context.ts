// Shared steps of button clicks: validate the payload with zod, find the workspace and the person who clicked,
// and reply to them privately through the payload's response_url.
import type { RespondFn } from "@slack/bolt";
import type { Services } from "../../app/services.ts";
import { isSpurError, unknownActor } from "../../core/shared/errors.ts";
import { failureOf } from "../../use-cases/failure.ts";
import { renderBody } from "../render/blocks.ts";
import type { Member, Team, Workspace } from "../../core/shared/model.ts";
import { BlockActionPayload, describeIssues } from "../feedback-payloads.ts";

export interface ActionContext {
  payload: BlockActionPayload;
  value: string | undefined;
  workspace: Workspace;
  defaultTeam: Team;
  actor: Member;
  reply(text: string, options?: { replaceOriginal?: boolean }): Promise<void>;
}

export const STALE_MESSAGE = "Spur couldn't read that click — the message may be out of date. Please try the command again.";

export async function actionContext(services: Services, body: unknown, respond: RespondFn): Promise<ActionContext | null> {
  const parsed = BlockActionPayload.safeParse(body);
  if (!parsed.success) {
    services.logger.warn({ reason: describeIssues(parsed.error) }, "malformed block_actions payload");
    await respond({ response_type: "ephemeral", replace_original: false, text: `:warning: ${STALE_MESSAGE}` }).catch(() => undefined);
    return null;
  }
  const payload = parsed.data;
  const reply = async (text: string, options: { replaceOriginal?: boolean } = {}) => {
    await respond({ response_type: "ephemeral", replace_original: options.replaceOriginal ?? false, text });
  };
  const { workspace, defaultTeam } = await services.workspaces.ensure("slack", payload.team.id, { teamTimeZone: services.defaultTimeZone });
  const actor = await services.members.byPlatformId(workspace, defaultTeam.id, payload.user.id);
  if (!actor) {
    await reply(`:warning: ${renderBody(failureOf(unknownActor()).body, workspace.locale).text}`);
    return null;
  }
  return { payload, value: payload.actions[0]?.value, workspace, defaultTeam, actor, reply };
}

/** Turns domain errors into a specific private reply and anything else into a generic one. */
export async function withActionErrors(services: Services, ctx: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (isSpurError(err)) {
      services.logger.info({ code: err.code, action: ctx.payload.actions[0]?.action_id }, "action refused");
      await ctx.reply(`:warning: ${err.userMessage}`);
      return;
    }
    services.logger.error({ err, action: ctx.payload.actions[0]?.action_id }, "action failed");
    await ctx.reply(":warning: Something went wrong on Spur's side. Please try again in a minute.");
  }
}
