// The English catalogue: the source of every message key. One file per feature.
import { common } from "./common.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";
import { leaderboard } from "./leaderboard.ts";
import { recognitionAdmin } from "./recognition-admin.ts";
import { prompts } from "./prompts.ts";

export const en = {
  ...common,
  ...recognition,
  ...leaderboard,
  ...recognitionAdmin,
  ...prompts,
  ...feedback,
} as const;
