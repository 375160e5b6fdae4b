// What the chat adapters and job processors are given: the domain's collaborators, wired in main.
import type { AuditLogReads } from "../core/admin/audit-log-ports.ts";
import type {
  FeedbackRepository,
  FeedbackRequestRepository,
  MessengerFor,
  RecognitionPromptRepository,
  TeamRoster,
} from "../core/feedback/feedback-ports.ts";
import type { AuditWriter, ExportRequest, MemberEraser } from "../core/data-rights/data-rights-ports.ts";
import type { TeamPostSettings } from "../core/admin/team-post-settings.ts";
import type { DigestReads } from "../core/digests/digest-ports.ts";
import type { MemberDirectory } from "../core/shared/member-directory.ts";
import type { Platform, Team } from "../core/shared/model.ts";
import type {
  Clock,
  DigestRunRepository,
  KpiRepository,
  KudosRepository,
  MemberRepository,
  TeamLeadership,
  WorkspaceRepository,
} from "../core/shared/ports.ts";
import type { ChannelTeams, TeamAdminRepository } from "../core/admin/team-ports.ts";
import type { LevelRepository } from "../core/admin/level-ports.ts";
import type { FollowedGroupRepository, UserGroupDirectory } from "../core/admin/user-group-ports.ts";
import type {
  ApiTokenRepository,
  CustomerKudosWriter,
  HelpdeskRepository,
  KpiBulkImport,
  KpiRecordWriter,
  KpiTargetRepository,
  MemberLookup,
  ScorecardReads,
} from "../core/kpi/kpi-ports.ts";
import type { Logger } from "../logger.ts";
import type { SlackInstallRegistry } from "../store/slack-installation-store.ts";
import type { SpurMetrics } from "../metrics.ts";
import type {
  KudosLedger,
  ProcessedEvents,
  ReactionTombstones,
  RecognitionSettingsRepository,
} from "../core/recognition/recognition-ports.ts";

/** Slow or outbound work the request path hands to background jobs. */
export interface JobDispatch {
  /**
   * Runs the team's weekly digest now (still posted once per team and week), or with `forcedAt` (an admin's
   * forced send) posts it again even if the week's digest went out.
   */
  sendDigestNow(teamId: string, options?: { forcedAt?: string }): Promise<void>;
  /** Creates or moves the team's scheduled jobs after it was created or its schedule changed. */
  syncTeamSchedules(team: Team): Promise<void>;
  /** DMs the peers now, reminds them at `reminderAt` and closes the request at `dueAt`. */
  feedbackRequested(input: { requestId: string; reminderAt: Date; dueAt: Date }): Promise<void>;
  /**
   * Everyone asked has answered or skipped: close the request and summarise it for the lead now, or, when an
   * answer settled it (`byAnswer`), after a random delay, so the request's close does not follow that answer.
   */
  feedbackRequestSettled(requestId: string, options?: { byAnswer?: boolean }): Promise<void>;
  /** Builds a data export in the background and delivers it to the admin who asked. */
  exportData(request: ExportRequest): Promise<void>;
  /** Reads the workspace's people from its chat platform into the roster (at most once a day per workspace). */
  syncRoster(workspace: { platform: Platform; externalId: string }): Promise<void>;
  /**
   * Reads the workspace's followed user groups (or the one `groupId`) and places their members; `key` (an
   * event id) queues it once however often the event is delivered.
   */
  syncUserGroups(target: { platform: Platform; externalId: string; groupId?: string }, options?: { key?: string }): Promise<void>;
}

/** Process-wide: time, logs, metrics and the settings every part reads. */
export interface Runtime {
  clock: Clock;
  logger: Logger;
  metrics: SpurMetrics;
  defaultTimeZone: string;
  /** Keys anonymous answers (see src/core/feedback/feedback-anonymity.ts). */
  feedbackSecret: string;
}

/** The PostgreSQL ports (src/store), built by app/stores.ts. */
export interface Stores {
  workspaces: WorkspaceRepository;
  /** Per-team choices for the scheduled posts (what the weekly leaderboard ranks). */
  teamPosts: TeamPostSettings;
  memberRepo: MemberRepository;
  kudos: KudosRepository;
  kpis: KpiRepository;
  runs: DigestRunRepository;
  // recognition
  ledger: KudosLedger;
  recognitionSettings: RecognitionSettingsRepository;
  auditReads: AuditLogReads;
  processedEvents: ProcessedEvents;
  reactionTombstones: ReactionTombstones;
  // feedback
  feedback: FeedbackRepository;
  feedbackRequests: FeedbackRequestRepository;
  roster: TeamRoster;
  prompts: RecognitionPromptRepository;
  // kpi: ingestion, targets and scorecards
  scorecardReads: ScorecardReads;
  kpiTargets: KpiTargetRepository;
  kpiWriter: KpiRecordWriter;
  memberLookup: MemberLookup;
  kpiBulkImport: KpiBulkImport;
  customerKudos: CustomerKudosWriter;
  apiTokens: ApiTokenRepository;
  helpdesks: HelpdeskRepository;
  // data rights: exports and erasure
  auditLog: AuditWriter;
  eraser: MemberEraser;
  digestReads: DigestReads;
  // teams: their settings, leads and members
  teamAdmin: TeamAdminRepository;
  teamLeads: TeamLeadership;
  /** The workspace's ladder of levels and their target overrides. */
  levels: LevelRepository;
  /** Which team a channel is mapped to (`team <name> here`). */
  channelTeams: ChannelTeams;
  /** Which team follows which user group, and who each group held when last read. */
  followedGroups: FollowedGroupRepository;
}

/** What leaves the request path: background jobs, direct messages, and the chat platforms' own directories. */
export interface Outbound {
  jobs: JobDispatch;
  /** Direct messages to one person (feedback requests, prompts), through the workspace's own messenger. */
  messengerFor: MessengerFor;
  /** Members by platform id, looked up on the platform the first time Spur meets them. */
  members: MemberDirectory;
  /** Slack installs: what the app_uninstalled / tokens_revoked listener cleans up. */
  slackInstalls: SlackInstallRegistry;
  /** The chat platform's user groups (Slack), read on the request path. */
  userGroups: UserGroupDirectory;
}

/**
 * What the chat adapters are given, composed from the three parts above. Each use case declares the narrow
 * part it needs (its Deps type); the adapters hand it this.
 */
export type Services = Runtime & Stores & Outbound;
