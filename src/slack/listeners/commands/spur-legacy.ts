// The /spur subcommands not yet ported to the use-case layer: KPI administration.
import type { RespondFn, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { runKpiAdmin } from "./spur-kpi.ts";

export async function runLegacySpur(
  services: Services,
  args: Pick<SlackCommandMiddlewareArgs, "command"> & { respond: RespondFn; client: webApi.WebClient },
): Promise<void> {
  const ctx = await commandContext(services, args);
  if (!ctx) return;
  await withErrorReplies(services, ctx, async () => {
    await runKpiAdmin(services, ctx, args.client);
  });
}
