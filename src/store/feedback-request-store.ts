// Feedback requests and the peers asked in them; also the team roster requests are sent to.
import type { FeedbackRequestView, NewFeedbackRequest } from "../core/feedback/feedback-model.ts";
import type { FeedbackRequestRepository, TeamRoster } from "../core/feedback/feedback-ports.ts";
import type { Member } from "../core/shared/model.ts";
import { toMember } from "./mappers.ts";
import type { Db } from "./prisma.ts";

const withPeople = {
  lead: true,
  subject: { include: { team: true } },
  recipients: { include: { peer: true }, orderBy: { peer: { displayName: "asc" } } },
} as const;

export class PrismaFeedbackRequestStore implements FeedbackRequestRepository, TeamRoster {
  constructor(private readonly db: Db) {}

  async create(input: NewFeedbackRequest): Promise<{ request: FeedbackRequestView; created: boolean }> {
    const existing = await this.db.feedbackRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: withPeople });
    if (existing) return { request: toView(existing), created: false };
    try {
      // Plain statements in one transaction (a nested create makes Prisma overlap queries on one connection).
      const id = await this.db.$transaction(async (tx) => {
        const row = await tx.feedbackRequest.create({
          data: {
            workspaceId: input.workspaceId,
            leadId: input.leadId,
            subjectId: input.subjectId,
            periodKey: input.periodKey,
            dueAt: input.dueAt,
            idempotencyKey: input.idempotencyKey,
          },
          select: { id: true },
        });
        await tx.feedbackRecipient.createMany({ data: input.peerIds.map((peerId) => ({ requestId: row.id, peerId })) });
        return row.id;
      });
      const request = await this.get(id);
      if (!request) throw new Error(`feedback request ${id} vanished after creation`);
      return { request, created: true };
    } catch (err) {
      // A concurrent redelivery won the unique key: report its request.
      const raced = await this.db.feedbackRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: withPeople });
      if (raced) return { request: toView(raced), created: false };
      throw err;
    }
  }

  async get(requestId: string): Promise<FeedbackRequestView | null> {
    const row = await this.db.feedbackRequest.findUnique({ where: { id: requestId }, include: withPeople });
    return row ? toView(row) : null;
  }

  async markSkipped(requestId: string, peerId: string): Promise<boolean> {
    const res = await this.db.feedbackRecipient.updateMany({ where: { requestId, peerId, status: "asked" }, data: { status: "skipped" } });
    return res.count > 0;
  }

  async markDmSent(recipientId: string, ref: string): Promise<void> {
    await this.db.feedbackRecipient.update({ where: { id: recipientId }, data: { dmRef: ref } });
  }

  async markReminded(recipientId: string, at: Date): Promise<void> {
    await this.db.feedbackRecipient.update({ where: { id: recipientId }, data: { remindedAt: at } });
  }

  async close(requestId: string, now: Date): Promise<boolean> {
    const res = await this.db.feedbackRequest.updateMany({ where: { id: requestId, status: "open" }, data: { status: "closed", closedAt: now } });
    return res.count > 0;
  }

  async claimSummary(requestId: string, now: Date, leaseMs: number): Promise<boolean> {
    const res = await this.db.feedbackRequest.updateMany({
      where: { id: requestId, summaryRef: null, OR: [{ summaryLeaseUntil: null }, { summaryLeaseUntil: { lt: now } }] },
      data: { summaryLeaseUntil: new Date(now.getTime() + leaseMs) },
    });
    return res.count > 0;
  }

  async markSummaryPosted(requestId: string, ref: string): Promise<void> {
    await this.db.feedbackRequest.update({ where: { id: requestId }, data: { summaryRef: ref, summaryLeaseUntil: null } });
  }

  async releaseSummary(requestId: string): Promise<void> {
    await this.db.feedbackRequest.updateMany({ where: { id: requestId, summaryRef: null }, data: { summaryLeaseUntil: null } });
  }

  async membersOf(teamId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({
      where: { teamId, isBot: false, isDeactivated: false },
      orderBy: { displayName: "asc" },
    });
    return rows.map(toMember);
  }

  async memberById(workspaceId: string, memberId: string): Promise<Member | null> {
    const row = await this.db.member.findFirst({ where: { id: memberId, workspaceId } });
    return row ? toMember(row) : null;
  }
}

type RequestRow = NonNullable<Awaited<ReturnType<Db["feedbackRequest"]["findUnique"]>>> & {
  lead: Parameters<typeof toMember>[0];
  subject: Parameters<typeof toMember>[0] & { team: { timeZone: string } | null };
  recipients: ({ peer: Parameters<typeof toMember>[0] } & {
    id: string;
    status: "asked" | "answered" | "skipped";
    dmRef: string | null;
    remindedAt: Date | null;
  })[];
};

function toView(row: RequestRow): FeedbackRequestView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    lead: toMember(row.lead),
    subject: toMember(row.subject),
    periodKey: row.periodKey,
    dueAt: row.dueAt,
    timeZone: row.subject.team?.timeZone ?? "UTC",
    status: row.status,
    recipients: row.recipients.map((r) => ({ id: r.id, peer: toMember(r.peer), status: r.status, dmRef: r.dmRef, remindedAt: r.remindedAt })),
    summaryRef: row.summaryRef,
  };
}
