// Every command Spur answers in Teams; the app manifest's command list is checked against this.
import type { TeamsCommand } from "./command.ts";
import { adminCommand } from "./admin.ts";
import { feedbackCommand } from "./feedback.ts";
import { helpCommand } from "./help.ts";
import { kudosCommand } from "./kudos.ts";
import { leaderboardCommand } from "./leaderboard.ts";
import { scorecardCommand } from "./scorecard.ts";

export const TEAMS_COMMANDS: TeamsCommand[] = [
  kudosCommand,
  scorecardCommand,
  leaderboardCommand,
  feedbackCommand,
  adminCommand,
  helpCommand,
];

/** Slack's slash commands and the Teams command that does the same; a test keeps the two in step. */
export const TEAMS_COMMAND_FOR_SLACK: Record<string, string> = {
  "/kudos": "kudos",
  "/scorecard": "scorecard",
  "/leaderboard": "leaderboard",
  "/feedback": "feedback",
  "/spur": "admin",
};

export type { TeamsCommand } from "./command.ts";
