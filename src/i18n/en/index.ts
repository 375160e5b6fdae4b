// The English catalogue: the source of every message key. One file per feature.
import { admin } from "./admin.ts";
import { common } from "./common.ts";
import { dataRights } from "./data-rights.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";

export const en = {
  ...common,
  ...recognition,
  ...admin,
  ...dataRights,
  ...feedback,
} as const;
