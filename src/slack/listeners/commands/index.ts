import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { registerFeedbackCommand } from "./feedback.ts";
import { registerKudosCommand } from "./kudos.ts";
import { registerLeaderboardCommand } from "./leaderboard.ts";
import { registerScorecardCommand } from "./scorecard.ts";
import { registerSpurCommand } from "./spur.ts";

export function register(app: ListenerTable, services: Services): void {
  registerKudosCommand(app, services);
  registerScorecardCommand(app, services);
  registerSpurCommand(app, services);
  registerLeaderboardCommand(app, services);
  registerFeedbackCommand(app, services);
}
