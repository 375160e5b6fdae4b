// kudos @a @b 3 saved the Acme renewal #ownership — the same parsing and rules as Slack's /kudos; `kudos`
// alone opens the kudos form card, like /kudos alone opens Slack's modal.
import { describeReset, periodWord } from "../../core/recognition/allowance.ts";
import { giveKudos, kudosBalance } from "../../core/recognition/kudos.ts";
import { KUDOS_USAGE, parseKudosText } from "../../core/recognition/kudos-command.ts";
import { historyFor } from "../../core/recognition/kudos-history.ts";
import { kudosHistoryCard } from "../cards/kudos-history.ts";
import { unknownActor } from "../../core/shared/errors.ts";
import { kudosForm } from "../actions/kudos-form.ts";
import { infoReply, kudosConfirmation } from "../cards/replies.ts";
import { shoutOutTeamsGift } from "../gift-shoutout.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";

export const kudosCommand: TeamsCommand = {
  name: "kudos",
  title: "kudos @person [points] what they did #value",
  description: "Thank one or more teammates, with optional points and company values",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "kudos", async () => {
      if (args.trim() === "") {
        const giver = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
        if (!giver) throw unknownActor();
        return ctx.reply(await kudosForm(deps, { workspace: ctx.workspace, defaultTeam: ctx.defaultTeam, giver }));
      }
      const parsed = parseKudosText(args);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(ctx.message.humanize(KUDOS_USAGE)));
      if (parsed.command.kind === "balance") {
        const balance = await kudosBalance(services, ctx.workspace, ctx.defaultTeam, ctx.userId);
        return ctx.reply(
          infoReply(
            `You can still give ${balance.remaining} of ${balance.allowance} points ${periodWord(balance.window.period)}. ` +
              `Your allowance resets ${describeReset(balance.window)}.`,
          ),
        );
      }
      if (parsed.command.kind === "history") {
        const subjectRef = parsed.command.subject ? ctx.message.toTeams(parsed.command.subject) : null;
        const { page, timeZone } = await historyFor(services, { workspace: ctx.workspace, defaultTeam: ctx.defaultTeam, viewerPlatformId: ctx.userId, subjectRef, offset: 0 });
        return ctx.reply(kudosHistoryCard(page, timeZone));
      }
      const command = { ...parsed.command, recipients: parsed.command.recipients.map(ctx.message.toTeams) };
      const outcome = await giveKudos(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        giverPlatformId: ctx.userId,
        command,
        source: "slash_command",
        sourceRef: null,
        // Teams redelivers an activity with the same id when it did not get a timely answer.
        idempotencyKey: `teams:msg:${ctx.conversationId}:${ctx.turn.activity.id ?? ""}`,
      });
      await ctx.reply(kudosConfirmation(outcome));
      await shoutOutTeamsGift(services, outcome, ctx.defaultTeam, ctx.conversationId);
    });
  },
};
