// The Newer / Older buttons of a kudos history page: the neighbouring page replaces it. Whose history comes
// from the button, so privacy is checked again for whoever clicked.
import { z } from "zod";
import { historyFor } from "../../core/recognition/kudos-history.ts";
import type { KudosDeps } from "../../core/recognition/kudos.ts";
import type { TeamLeadership } from "../../core/shared/ports.ts";
import type { Interaction } from "../interaction.ts";
import { historyBody } from "./kudos-bodies.ts";

/** What a history button carries: whose history (platform user id) and from which offset. */
export const HistoryCursor = z.object({ u: z.string().min(1).max(200), o: z.number().int().min(0).max(100_000) });
export type HistoryCursor = z.infer<typeof HistoryCursor>;

export const kudosHistoryPage: Interaction<Pick<KudosDeps, "members" | "ledger" | "workspaces"> & { teamLeads: TeamLeadership }, HistoryCursor> = {
  name: "kudos.history.page",
  async run(deps, req) {
    const { page, timeZone } = await historyFor(deps, {
      workspace: req.workspace,
      defaultTeam: req.team,
      viewer: req.actor,
      subjectRef: { kind: "id", id: req.args.u },
      offset: req.args.o,
    });
    return [{ kind: "update", body: historyBody(page, timeZone) }];
  },
};
