// A member's recent kudos, given and received, one page at a time. Private like scorecards.
import { canViewMember } from "./access.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { Member } from "./model.ts";
import type { HistoryItem, KudosLedger } from "./recognition-ports.ts";

export const HISTORY_PAGE_SIZE = 5;

export interface HistoryPage {
  subject: Member;
  isSelf: boolean;
  items: HistoryItem[];
  offset: number;
  pageSize: number;
  total: number;
}

export async function kudosHistory(
  deps: { ledger: KudosLedger },
  input: { viewer: Member; subject: Member; offset: number; pageSize?: number },
): Promise<HistoryPage> {
  const { viewer, subject } = input;
  if (!canViewMember(viewer, subject)) {
    throw new SpurError(
      ErrorCode.NotAllowed,
      `Kudos history is private: you can see your own, and leads can see their team's.`,
    );
  }
  const pageSize = input.pageSize ?? HISTORY_PAGE_SIZE;
  const offset = Math.max(0, Math.floor(input.offset));
  const { items, total } = await deps.ledger.history(subject.id, { offset, limit: pageSize });
  return { subject, isSelf: viewer.id === subject.id, items, offset, pageSize, total };
}
