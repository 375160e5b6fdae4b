// Spur removed from a workspace (app_uninstalled), or its bot token revoked (tokens_revoked): the stored install
// and its token are deleted and the workspace is deactivated, so its scheduled jobs skip instead of posting.
import type { ListenerTable } from "../../listener-table.ts";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";

/** The envelope fields that name the install, as Bolt puts them in the listener's context. */
const InstallContext = z.object({
  teamId: z.string().min(1).optional(),
  enterpriseId: z.string().min(1).optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

const TokensRevoked = z.object({
  type: z.literal("tokens_revoked"),
  tokens: z.object({ bot: z.array(z.string()).optional(), oauth: z.array(z.string()).optional() }),
});

async function uninstall(services: Services, context: unknown, event: string): Promise<void> {
  const parsed = InstallContext.safeParse(context);
  if (!parsed.success || !(parsed.data.teamId || parsed.data.enterpriseId)) {
    services.logger.warn({ event }, "Slack uninstall event without a team or enterprise id");
    return;
  }
  await services.slackInstalls.uninstall(parsed.data);
  services.logger.info({ event, teamId: parsed.data.teamId, enterpriseId: parsed.data.enterpriseId }, "Slack install removed");
}

export function registerUninstall(app: ListenerTable, services: Services): void {
  app.event("app_uninstalled", ({ context }) => uninstall(services, context, "app_uninstalled"));
  app.event("tokens_revoked", async ({ event, context }) => {
    // Spur stores bot tokens only; revoked user tokens leave the install working.
    const parsed = TokensRevoked.safeParse(event);
    if (parsed.success && (parsed.data.tokens.bot?.length ?? 0) > 0) await uninstall(services, context, "tokens_revoked");
  });
}
