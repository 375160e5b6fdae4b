// The English catalogue: the source of every message key. One file per feature.
import { common } from "./common.ts";
import { posts } from "./posts.ts";
import { kpi } from "./kpi.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";

export const en = {
  ...common,
  ...kpi,
  ...recognition,
  ...posts,
  ...feedback,
} as const;
