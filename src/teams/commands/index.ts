// Every command Spur answers in Teams; the app manifest's command list is checked against this.
import type { TeamsCommand } from "./command.ts";
import { helpCommand } from "./help.ts";
import { kudosCommand } from "./kudos.ts";
import { scorecardCommand } from "./scorecard.ts";

export const TEAMS_COMMANDS: TeamsCommand[] = [kudosCommand, scorecardCommand, helpCommand(() => TEAMS_COMMANDS)];

export type { TeamsCommand } from "./command.ts";
