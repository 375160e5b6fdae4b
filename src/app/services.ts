// What the chat adapters and job processors are given: the domain's collaborators, wired in main.
import type { MemberDirectory } from "../core/member-directory.ts";
import type { Team } from "../core/model.ts";
import type {
  Clock,
  DigestRunRepository,
  KpiRepository,
  KudosRepository,
  MemberRepository,
  WorkspaceRepository,
} from "../core/ports.ts";
import type {
  ApiTokenRepository,
  CustomerKudosWriter,
  HelpdeskRepository,
  KpiRecordWriter,
  KpiTargetRepository,
  MemberLookup,
  ScorecardReads,
} from "../core/kpi-ports.ts";
import type { Logger } from "../logger.ts";

/** Slow or outbound work the request path hands to background jobs. */
export interface JobDispatch {
  shoutout(input: { giftId: string; channelId: string }): Promise<void>;
  /** Creates or moves the team's scheduled jobs after it was created or its schedule changed. */
  syncTeamSchedules(team: Team): Promise<void>;
}

export interface Services {
  clock: Clock;
  logger: Logger;
  defaultTimeZone: string;
  workspaces: WorkspaceRepository;
  memberRepo: MemberRepository;
  members: MemberDirectory;
  kudos: KudosRepository;
  kpis: KpiRepository;
  runs: DigestRunRepository;
  jobs: JobDispatch;
  // kpi: ingestion, targets and scorecards
  scorecardReads: ScorecardReads;
  kpiTargets: KpiTargetRepository;
  kpiWriter: KpiRecordWriter;
  memberLookup: MemberLookup;
  customerKudos: CustomerKudosWriter;
  apiTokens: ApiTokenRepository;
  helpdesks: HelpdeskRepository;
}
