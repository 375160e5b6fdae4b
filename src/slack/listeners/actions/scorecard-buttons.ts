// Scorecard buttons: previous/next period (replaces the card) and "explain" (formula and inputs).
// Privacy is checked again on every click: a forwarded or stale button grants nothing.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { periodByKey, shiftPeriod } from "../../../core/shared/review-period.ts";
import { errorReply } from "../../blocks/replies.ts";
import { SCORECARD_ACTIONS, scorecardExplanation, scorecardMessage } from "../../blocks/scorecard.ts";
import { scorecardFor, teamOf } from "../../../app/scorecard-view.ts";

const ButtonValue = z.object({ m: z.string().uuid(), p: z.string().min(1).max(16) });
const ActionBody = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }).nullable(),
});

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

async function handle(services: Services, args: Args, mode: "previous" | "next" | "explain" | "send"): Promise<void> {
  await args.ack();
  const body = ActionBody.safeParse(args.body);
  const value = ButtonValue.safeParse(safeJson(args.action.value));
  if (!body.success || !body.data.team || !value.success) {
    services.logger.warn({ action: args.action.action_id }, "malformed scorecard button payload");
    await args.respond({ response_type: "ephemeral", replace_original: false, text: ":warning: Spur couldn't read that button." });
    return;
  }
  try {
    const { workspace, defaultTeam } = await services.workspaces.ensure("slack", body.data.team.id, { teamTimeZone: services.defaultTimeZone });
    const viewer = await services.members.byPlatformId(workspace, defaultTeam.id, body.data.user.id);
    const [subject] = await services.memberLookup.byIds(workspace.id, [value.data.m]).then((m) => [...m.values()]);
    if (!viewer || !subject) throw new Error("viewer or subject not found");
    const team = await teamOf(services, subject, defaultTeam);
    const shown = periodByKey(value.data.p, team.timeZone);
    if (!shown) throw new Error(`bad period key ${value.data.p}`);
    const period = mode === "previous" ? shiftPeriod(shown, -1) : mode === "next" ? shiftPeriod(shown, 1) : shown;
    const card = await scorecardFor(services, { viewer, subject, team, period });
    if (mode === "explain") {
      await args.respond({ response_type: "ephemeral", replace_original: false, ...scorecardExplanation(card) });
    } else if (mode === "send") {
      const dm = await args.client.conversations.open({ users: subject.platformUserId });
      const own = { ...card, isSelf: true };
      await args.client.chat.postMessage({ channel: dm.channel?.id ?? subject.platformUserId, ...scorecardMessage(own) });
      await args.respond({ response_type: "ephemeral", replace_original: false, text: `:white_check_mark: Sent to ${subject.displayName} privately.` });
    } else {
      await args.respond({ response_type: "ephemeral", replace_original: true, ...scorecardMessage(card, { canSend: !card.isSelf }) });
    }
  } catch (err) {
    const message = isSpurError(err) ? err.userMessage : "Something went wrong on Spur's side. Please try again in a minute.";
    if (!isSpurError(err)) services.logger.error({ err, action: args.action.action_id }, "scorecard button failed");
    await args.respond({ response_type: "ephemeral", replace_original: false, ...errorReply(message) });
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return null;
  }
}

export function registerScorecardButtons(app: App, services: Services): void {
  app.action<BlockAction<ButtonAction>>(SCORECARD_ACTIONS.previous, (args) => handle(services, args, "previous"));
  app.action<BlockAction<ButtonAction>>(SCORECARD_ACTIONS.next, (args) => handle(services, args, "next"));
  app.action<BlockAction<ButtonAction>>(SCORECARD_ACTIONS.explain, (args) => handle(services, args, "explain"));
  app.action<BlockAction<ButtonAction>>("scorecard_send", (args) => handle(services, args, "send"));
}
