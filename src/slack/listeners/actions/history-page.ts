// The Newer / Older buttons of `/kudos history`: re-render the ephemeral message in place.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import type { MentionRef } from "../../../core/shared/command-text.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { historyFor } from "../../../core/recognition/kudos-history.ts";
import type { Team, Workspace } from "../../../core/shared/model.ts";
import { HISTORY_PAGE_ACTION, historyMessage } from "../../blocks/recognition.ts";
import { errorReply, type SlackMessage } from "../../blocks/replies.ts";
import { BlockAction } from "../../recognition-payloads.ts";
import { z } from "zod";

const Cursor = z.object({ u: z.string().regex(/^[UW][A-Z0-9]+$/), o: z.number().int().min(0).max(100_000) });

export async function showHistory(
  services: Services,
  workspace: Workspace,
  defaultTeam: Team,
  viewerId: string,
  subjectRef: MentionRef | null,
  offset: number,
): Promise<SlackMessage> {
  const { page, timeZone } = await historyFor(services, { workspace, defaultTeam, viewerPlatformId: viewerId, subjectRef, offset });
  return historyMessage(page, timeZone);
}

export function registerHistoryPageAction(app: App, services: Services): void {
  app.action(new RegExp(`^${HISTORY_PAGE_ACTION}_`), async ({ ack, body, respond }) => {
    await ack();
    const parsed = BlockAction.safeParse(body);
    const cursor = parsed.success ? Cursor.safeParse(safeJson(parsed.data.actions[0]?.value)) : null;
    if (!parsed.success || !cursor?.success) {
      services.logger.warn("malformed history page action");
      return;
    }
    try {
      const { workspace, defaultTeam } = await services.workspaces.ensure("slack", parsed.data.team.id, { teamTimeZone: services.defaultTimeZone });
      const message = await showHistory(services, workspace, defaultTeam, parsed.data.user.id, { kind: "id", id: cursor.data.u }, cursor.data.o);
      await respond({ replace_original: true, response_type: "ephemeral", text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    } catch (err) {
      if (!isSpurError(err)) services.logger.error({ err }, "history page failed");
      const text = isSpurError(err) ? err.userMessage : "Something went wrong on Spur's side. Please try again.";
      await respond({ replace_original: false, response_type: "ephemeral", text: errorReply(text).text });
    }
  });
}

function safeJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return null;
  }
}
