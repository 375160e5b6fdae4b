// The English catalogue: the source of every message key. One file per feature.
import { admin } from "./admin.ts";
import { common } from "./common.ts";
import { dataRights } from "./data-rights.ts";
import { kudosForm } from "./kudos-form.ts";
import { posts } from "./posts.ts";
import { kpi } from "./kpi.ts";
import { feedback } from "./feedback.ts";
import { recognition } from "./recognition.ts";
import { leaderboard } from "./leaderboard.ts";
import { recognitionAdmin } from "./recognition-admin.ts";
import { prompts } from "./prompts.ts";
import { settingsForm } from "./settings-form.ts";
import { kpiAdmin } from "./kpi-admin.ts";
import { audit } from "./audit.ts";
import { teamsAdmin } from "./teams-admin.ts";
import { levels } from "./levels.ts";
import { teamGroups } from "./team-groups.ts";

export const en = {
  ...common,
  ...kpi,
  ...recognition,
  ...admin,
  ...dataRights,
  ...kudosForm,
  ...posts,
  ...leaderboard,
  ...recognitionAdmin,
  ...prompts,
  ...feedback,
  ...settingsForm,
  ...kpiAdmin,
  ...audit,
  ...teamsAdmin,
  ...levels,
  ...teamGroups,
} as const;
