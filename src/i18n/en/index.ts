// The English catalogue: the source of every message key. One file per feature.
import { common } from "./common.ts";
import { posts } from "./posts.ts";
import { recognition } from "./recognition.ts";

export const en = {
  ...common,
  ...recognition,
  ...posts,
} as const;
