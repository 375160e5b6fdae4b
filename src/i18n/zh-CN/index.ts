// The Simplified Chinese catalogue: every English key, checked by the type system and by a test.
import { common } from "./common.ts";
import { recognition } from "./recognition.ts";
import { leaderboard } from "./leaderboard.ts";

export const zhCN = {
  ...common,
  ...recognition,
  ...leaderboard,
};
