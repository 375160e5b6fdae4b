// The PostgreSQL side of the composition root: one Prisma implementation per port, built once per process.
import { PrismaAuditLogStore } from "../store/audit-log-store.ts";
import type { Db } from "../store/prisma.ts";
import { PrismaApiTokenStore } from "../store/api-token-store.ts";
import { PrismaDataExportStore } from "../store/data-export-store.ts";
import { PrismaDigestChartStore } from "../store/digest-chart-store.ts";
import { PrismaDigestReads } from "../store/digest-reads-store.ts";
import { PrismaDigestRunStore } from "../store/digest-run-store.ts";
import { PrismaFeedbackRequestStore } from "../store/feedback-request-store.ts";
import { PrismaFeedbackStore } from "../store/feedback-store.ts";
import { PrismaFollowedGroupStore } from "../store/followed-group-store.ts";
import { PrismaHelpdeskStore } from "../store/helpdesk-store.ts";
import type { TokenCipher } from "../store/token-cipher.ts";
import { PrismaKpiBulkImport } from "../store/kpi-bulk-import-store.ts";
import { PrismaKpiIngestStore } from "../store/kpi-ingest-store.ts";
import { PrismaKpiStore } from "../store/kpi-store.ts";
import { PrismaKpiTargetStore } from "../store/kpi-target-store.ts";
import { PrismaKudosLedger } from "../store/kudos-ledger-store.ts";
import { PrismaKudosStore } from "../store/kudos-store.ts";
import { PrismaMemberEraser } from "../store/member-erasure-store.ts";
import { PrismaMemberStore } from "../store/member-store.ts";
import { PrismaMonthlyTeamScores } from "../store/monthly-team-scores-store.ts";
import { PrismaProcessedEvents, PrismaRecognitionSettingsStore } from "../store/recognition-settings-store.ts";
import { PrismaReactionTombstones } from "../store/reaction-tombstone-store.ts";
import { PrismaRecognitionPromptStore } from "../store/recognition-prompt-store.ts";
import { PrismaRosterSyncStore } from "../store/roster-sync-store.ts";
import { PrismaScorecardReads } from "../store/scorecard-reads-store.ts";
import { PrismaLevelStore } from "../store/level-store.ts";
import { PrismaTeamAdminStore } from "../store/team-admin-store.ts";
import { TeamsStore } from "../store/teams-store.ts";
import { PrismaWorkspaceStore } from "../store/workspace-store.ts";
import type { Stores } from "./services.ts";

/** What only the composition root and the workers use, beside the ports the adapters see. */
export interface StoreInternals {
  /** The same objects as stores.workspaces and stores.ledger, with every port they implement. */
  workspaces: PrismaWorkspaceStore;
  ledger: PrismaKudosLedger;
  teamsStore: TeamsStore;
  charts: PrismaDigestChartStore;
  dataExports: PrismaDataExportStore;
  teamScores: PrismaMonthlyTeamScores;
  rosterRuns: PrismaRosterSyncStore;
  helpdesks: PrismaHelpdeskStore;
}

/**
 * `cipher` encrypts secrets at rest (helpdesk signing secrets); `outboxWritten` is told after each commit that
 * wrote outbox rows (the outbox relay then runs at once).
 */
export function createStores(db: Db, options: { cipher: TokenCipher; outboxWritten?: () => void }): { stores: Stores; internals: StoreInternals } {
  const workspaces = new PrismaWorkspaceStore(db);
  const recognitionSettings = new PrismaRecognitionSettingsStore(db);
  const feedbackRequests = new PrismaFeedbackRequestStore(db);
  const kpiIngest = new PrismaKpiIngestStore(db, options.outboxWritten);
  const dataExports = new PrismaDataExportStore(db);
  const ledger = new PrismaKudosLedger(db, options.outboxWritten);
  const helpdesks = new PrismaHelpdeskStore(db, options.cipher);
  const teamAdmin = new PrismaTeamAdminStore(db, () => workspaces.forgetCached());
  const stores: Stores = {
    workspaces,
    teamPosts: workspaces,
    memberRepo: new PrismaMemberStore(db, options.outboxWritten),
    kudos: new PrismaKudosStore(db),
    kpis: new PrismaKpiStore(db),
    runs: new PrismaDigestRunStore(db),
    ledger,
    recognitionSettings,
    auditReads: new PrismaAuditLogStore(db),
    processedEvents: new PrismaProcessedEvents(db),
    reactionTombstones: new PrismaReactionTombstones(db),
    feedback: new PrismaFeedbackStore(db),
    feedbackRequests,
    roster: feedbackRequests,
    prompts: new PrismaRecognitionPromptStore(db),
    scorecardReads: new PrismaScorecardReads(db),
    kpiTargets: new PrismaKpiTargetStore(db),
    kpiWriter: kpiIngest,
    memberLookup: kpiIngest,
    kpiBulkImport: new PrismaKpiBulkImport(db),
    customerKudos: kpiIngest,
    apiTokens: new PrismaApiTokenStore(db),
    helpdesks,
    auditLog: dataExports,
    eraser: new PrismaMemberEraser(db),
    digestReads: new PrismaDigestReads(db),
    teamAdmin,
    teamLeads: teamAdmin,
    levels: new PrismaLevelStore(db),
    channelTeams: teamAdmin,
    followedGroups: new PrismaFollowedGroupStore(db),
  };
  return {
    stores,
    internals: { workspaces, ledger, teamsStore: new TeamsStore(db), charts: new PrismaDigestChartStore(db), dataExports, teamScores: new PrismaMonthlyTeamScores(db), rosterRuns: new PrismaRosterSyncStore(db), helpdesks },
  };
}
