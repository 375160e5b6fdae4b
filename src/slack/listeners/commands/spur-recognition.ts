// /spur settings … and /spur revoke …: the recognition administration use case. `/spur settings` alone opens
// the settings form (a Slack modal; the text settings are the same use case as Teams').
import type { RespondFn, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { assertAdmin } from "../../../core/admin/admin-command.ts";
import { isRecognitionAdmin } from "../../../core/recognition/recognition-admin.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { recognitionAdminCommand } from "../../../use-cases/recognition/recognition-admin-command.ts";
import { settingsModal } from "../../blocks/settings-modal.ts";
import { commandContext, slashCommandTurn, withErrorReplies } from "../../command-context.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { runOnSlack } from "../../run-interaction.ts";

type SlashArgs = Pick<SlackCommandMiddlewareArgs, "command"> & { respond: RespondFn; client: webApi.WebClient };

/** Runs the subcommand when it is one of recognition administration's; false otherwise. */
export async function runSpurRecognition(services: Services, args: SlashArgs): Promise<boolean> {
  const tokens = slackCommandTokens(typeof args.command.text === "string" ? args.command.text : "");
  if (!isRecognitionAdmin(tokens)) return false;
  if (tokens.length === 1 && tokens[0]?.text.toLowerCase() === "settings") {
    await openSettingsForm(services, args);
    return true;
  }
  const slash = await slashCommandTurn(services, args);
  if (slash) await runOnSlack(services, slash.turn, recognitionAdminCommand, services, { tokens });
  return true;
}

async function openSettingsForm(services: Services, args: SlashArgs): Promise<void> {
  const ctx = await commandContext(services, args);
  if (!ctx) return;
  await withErrorReplies(services, ctx, async () => {
    const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
    if (!actor) throw unknownActor();
    assertAdmin(actor.role);
    const settings = await services.recognitionSettings.get(ctx.workspace.id);
    await args.client.views.open({ trigger_id: ctx.payload.trigger_id, view: settingsModal(settings) });
  });
}
