// The Simplified Chinese catalogue: every English key, checked by the type system and by a test.
import { common } from "./common.ts";
import { posts } from "./posts.ts";
import { kpi } from "./kpi.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";

export const zhCN = {
  ...common,
  ...kpi,
  ...recognition,
  ...posts,
  ...feedback,
};
