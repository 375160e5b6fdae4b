// The kudos command, on every surface: give kudos, see the allowance, page through history, get help.
import { type CommandToken, mentionOf } from "../../core/shared/command-text.ts";
import { giveKudos, kudosBalance, type KudosDeps } from "../../core/recognition/kudos.ts";
import type { TeamLeadership } from "../../core/shared/ports.ts";
import { kudosUsage, parseKudosCommand } from "../../core/recognition/kudos-command.ts";
import { historyFor } from "../../core/recognition/kudos-history.ts";
import { note } from "../body.ts";
import { type Interaction, privately, type Reply, type Request } from "../interaction.ts";
import { balanceBody, giftConfirmation, historyBody } from "./kudos-bodies.ts";

export interface KudosCommandArgs {
  tokens: CommandToken[];
}

export type KudosCommandDeps = KudosDeps & { teamLeads: TeamLeadership };

export const kudosCommand: Interaction<KudosCommandDeps, KudosCommandArgs> = {
  name: "kudos.command",
  // A giver Spur has not met yet is not looked up before the gift: the gift does not wait for users.info.
  unknownActor: "provisional",
  // Whoever the gift names, resolved with the giver: people met for the first time are added in one statement.
  peopleNamed: (args) => args.tokens.flatMap((t) => mentionOf(t) ?? []),
  async run(deps, req: Request<KudosCommandArgs>): Promise<Reply[]> {
    const { tokens } = req.args;
    const settings = await deps.recognitionSettings.get(req.workspace.id);
    const parsed = parseKudosCommand(tokens, { maxPointsPerGift: settings.maxPointsPerGift, maxRecipients: 10, maxReasonLength: 500 });
    if (!parsed.ok) throw parsed.error;
    const command = parsed.command;
    switch (command.kind) {
      case "help":
        return [privately(note(undefined, kudosUsage()))];
      case "balance":
        return [privately(balanceBody(await kudosBalance(deps, req.workspace, req.team, req.actor.platformUserId)))];
      case "history": {
        const { page, timeZone } = await historyFor(deps, { workspace: req.workspace, defaultTeam: req.team, viewer: req.actor, subjectRef: command.subject, offset: 0 });
        return [privately(historyBody(page, timeZone))];
      }
      case "give": {
        const outcome = await giveKudos(deps, {
          workspace: req.workspace,
          defaultTeam: req.team,
          giverPlatformId: req.actor.platformUserId,
          giver: req.actor,
          command,
          source: "slash_command",
          sourceRef: null,
          idempotencyKey: req.idempotencyKey,
          originChannelId: req.place.channelId,
        });
        return [privately(giftConfirmation(outcome, outcome.shoutoutChannelId, req.place.channelId))];
      }
    }
  },
};
