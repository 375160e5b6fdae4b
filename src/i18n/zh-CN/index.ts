// The Simplified Chinese catalogue: every English key, checked by the type system and by a test.
import { common } from "./common.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";
import { leaderboard } from "./leaderboard.ts";
import { recognitionAdmin } from "./recognition-admin.ts";
import { prompts } from "./prompts.ts";

export const zhCN = {
  ...common,
  ...recognition,
  ...leaderboard,
  ...recognitionAdmin,
  ...prompts,
  ...feedback,
};
