// The Teams bot: routes messages to commands and remembers the conversations Spur is installed in, so
// shoutouts and digests can be sent there proactively.
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse, type TurnContext } from "botbuilder";
import { handleCardAction } from "./actions/index.ts";
import { baseConversationId, rememberConversation, teamsCommandContext, type TeamsDeps, workspaceOf } from "./command-context.ts";
import { toActivity } from "./cards/render.ts";
import { TEAMS_COMMANDS } from "./commands/index.ts";
import { helpCommand } from "./commands/help.ts";
import { appHelp } from "../use-cases/admin/app-help.ts";
import { renderCard } from "./render/card.ts";
import { handleMessageAction } from "./give-kudos-for-message.ts";
import { adminsAtInstall, bootstrapSender } from "./team-admins.ts";
import { membersJoined, membersLeft } from "./roster-updates.ts";
import { channelAtInstall } from "../use-cases/admin/install-channel.ts";
import { teamsTeamIdOf } from "./run-interaction.ts";

/** The command word and its arguments; a leading "/" (as typed from the command menu) is accepted. */
export function splitCommand(text: string): { name: string; args: string } {
  const match = /^\/?(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return { name: match?.[1]?.toLowerCase() ?? "", args: match?.[2] ?? "" };
}

/** The ActivityHandler with Spur's answers to invokes: Adaptive Card actions and message actions (botbuilder only offers overrides). */
class SpurTeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
  }

  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(this.deps, context, value);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const answer = await handleMessageAction(this.deps, context);
    if (answer) return { status: 200, body: answer };
    // An invoke nobody handles gets botbuilder's 501, which the adapter answers as 400 unsupported_invoke.
    return super.onInvokeActivity(context);
  }
}

export function createTeamsBot(deps: TeamsDeps): ActivityHandler {
  const bot = new SpurTeamsBot(deps);

  bot.onMessage(async (turn, next) => {
    const ctx = await teamsCommandContext(deps, turn);
    await bootstrapSender(deps, turn, ctx.workspace, ctx.defaultTeam.id);
    const { name, args } = splitCommand(ctx.message.text);
    const command = TEAMS_COMMANDS.find((c) => c.name === name);
    if (command) await command.run(deps, ctx, args);
    else await helpCommand.run(deps, ctx, name);
    await next();
  });

  bot.onMembersAdded(async (turn, next) => {
    const botAdded = (turn.activity.membersAdded ?? []).some((m) => m.id === turn.activity.recipient.id);
    if (botAdded) await installed(deps, turn);
    else {
      const { workspace, defaultTeam } = await workspaceOf(deps, turn);
      await membersJoined(deps, turn, workspace, defaultTeam);
    }
    await next();
  });

  bot.onMembersRemoved(async (turn, next) => {
    const botRemoved = (turn.activity.membersRemoved ?? []).some((m) => m.id === turn.activity.recipient.id);
    if (botRemoved) await uninstalled(deps, turn);
    else await membersLeft(deps, turn, (await workspaceOf(deps, turn)).workspace);
    await next();
  });

  bot.onInstallationUpdateAdd(async (turn, next) => {
    await installed(deps, turn);
    await next();
  });

  bot.onInstallationUpdateRemove(async (turn, next) => {
    await uninstalled(deps, turn);
    await next();
  });

  return bot;
}

/**
 * Spur was added to a team, chat or personal scope. Teams sends both conversationUpdate and
 * installationUpdate for one install: everything here is idempotent, and the welcome is sent once.
 */
async function installed(deps: TeamsDeps, turn: TurnContext): Promise<void> {
  const { workspace, defaultTeam } = await workspaceOf(deps, turn);
  const conversationId = baseConversationId(turn.activity.conversation.id);
  const known = await deps.store.find(workspace.id, conversationId);
  await rememberConversation(deps, turn, workspace.id, true);
  // A team's shoutouts and digest go to the channel Spur was installed in, until someone picks another; the
  // welcome says which team the channel is mapped to, or how to map it.
  const teamsTeamId = teamsTeamIdOf(turn);
  const channel =
    turn.activity.conversation.conversationType === "channel" && teamsTeamId
      ? await channelAtInstall(deps.services, { workspace, defaultTeam, channel: { channelId: conversationId, groupId: teamsTeamId } })
      : undefined;
  await adminsAtInstall(deps, turn, workspace, defaultTeam.id);
  if (!known?.active) {
    await turn.sendActivity(toActivity(renderCard(appHelp({ welcome: true, ...(channel ? { channel } : {}) }), workspace.locale)));
  }
}

async function uninstalled(deps: TeamsDeps, turn: TurnContext): Promise<void> {
  const { workspace } = await workspaceOf(deps, turn);
  await deps.store.deactivate(workspace.id, baseConversationId(turn.activity.conversation.id));
}
