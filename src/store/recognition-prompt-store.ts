// Recognition prompt settings, opt-outs and the per-member-per-week claims that make each prompt go out once.
import { DEFAULT_PROMPT_SCHEDULE, type PromptSchedule } from "../core/feedback/feedback-model.ts";
import type { RecognitionPromptRepository } from "../core/feedback/feedback-ports.ts";
import type { Member } from "../core/shared/model.ts";
import { toMember } from "./mappers.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import type { Db } from "./prisma.ts";

export class PrismaRecognitionPromptStore implements RecognitionPromptRepository {
  constructor(private readonly db: Db) {}

  async schedule(teamId: string): Promise<PromptSchedule> {
    const row = await this.db.recognitionPromptSchedule.findUnique({ where: { teamId } });
    return row ? { enabled: row.enabled, day: row.day, minuteOfDay: row.minuteOfDay } : { ...DEFAULT_PROMPT_SCHEDULE };
  }

  async setSchedule(teamId: string, schedule: PromptSchedule, audit?: AuditEntry): Promise<PromptSchedule> {
    const row = await audited(this.db, (tx) => tx.recognitionPromptSchedule.upsert({ where: { teamId }, create: { teamId, ...schedule }, update: schedule }), audit);
    return { enabled: row.enabled, day: row.day, minuteOfDay: row.minuteOfDay };
  }

  async setOptedOut(memberId: string, optedOut: boolean): Promise<void> {
    if (optedOut) {
      await this.db.recognitionPromptOptOut.upsert({ where: { memberId }, create: { memberId }, update: {} });
    } else {
      await this.db.recognitionPromptOptOut.deleteMany({ where: { memberId } });
    }
  }

  async recipients(teamId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({
      where: { teamId, isBot: false, isDeactivated: false, recognitionPromptOptOut: { is: null } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toMember);
  }

  async claim(memberId: string, teamId: string, weekKey: string): Promise<string | null> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO recognition_prompt (member_id, team_id, week_key) VALUES (${memberId}::uuid, ${teamId}::uuid, ${weekKey})
      ON CONFLICT (member_id, week_key) DO NOTHING RETURNING id`;
    return rows[0]?.id ?? null;
  }

  async markSent(promptId: string, ref: string): Promise<void> {
    await this.db.recognitionPrompt.update({ where: { id: promptId }, data: { dmRef: ref } });
  }

  async release(promptId: string): Promise<void> {
    await this.db.recognitionPrompt.deleteMany({ where: { id: promptId, dmRef: null } });
  }

  async dismiss(memberId: string, weekKey: string): Promise<boolean> {
    const res = await this.db.recognitionPrompt.updateMany({ where: { memberId, weekKey }, data: { status: "dismissed" } });
    return res.count > 0;
  }
}
