// A Teams message command: the first word of a message to the bot picks it.
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";

export interface TeamsCommand {
  /** The first word of the message; also the command in the app manifest's command list. */
  name: string;
  /** How it is typed, for help and the manifest (at most 32 characters). */
  title: string;
  /** At most 128 characters (manifest limit). */
  description: string;
  run(deps: TeamsDeps, ctx: TeamsCommandContext, args: string): Promise<void>;
}
