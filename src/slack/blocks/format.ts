// Block Kit's block type, for the few Slack-only blocks still built by hand.
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
