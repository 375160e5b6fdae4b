// The English catalogue: the source of every message key. One file per feature.
import { common } from "./common.ts";
import { kudosForm } from "./kudos-form.ts";
import { kpi } from "./kpi.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";

export const en = {
  ...common,
  ...kpi,
  ...recognition,
  ...kudosForm,
  ...feedback,
} as const;
