// The English catalogue: the source of every message key. One file per feature.
import { common } from "./common.ts";

export const en = {
  ...common,
} as const;
