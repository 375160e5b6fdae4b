// Erasing a member's personal data, in one transaction. The rules:
// - member row: kept as a tombstone (same id) so kudos, KPI records and ratings still count in team totals;
//   platform id → "forgotten:<random>", name → "Former member", handle/email/time zone cleared, deactivated.
// - kudos: every gift the member gave or received keeps its points and values, loses its reason, source link
//   and idempotency key (which can carry chat ids); the member's name or chat id in other reasons is replaced.
// - feedback: comments about the member are cleared; ratings stay. Their named answers lose the giver id and
//   comments. Their anonymous answers are not touched (nothing ties them to the member, and changing them would
//   say which were theirs): the member's feedback salt is replaced, so nobody can recompute their marks any more,
//   and the unsalted marks of older answers are deleted among all the others' (marks are not joined to answers).
//   Released figures stay as they were. The DM references of requests and prompts are cleared; prompts and the
//   prompt opt-out are deleted.
// - KPI records: numbers stay; the source's ticket ids are replaced. Helpdesk agent mappings are deleted.
// - Teams: the roster identity (AAD id, sign-in name) and personal chats are deleted; the member is removed
//   from other stored conversation references.
// - audit log: entries naming the member get the tombstone id instead; other personal details are redacted.
import { randomUUID } from "node:crypto";
import type { ErasureCounts, MemberEraser } from "../core/data-rights/data-rights-ports.ts";
import { FORGOTTEN_ID_PREFIX, FORMER_MEMBER_NAME } from "../core/data-rights/member-erasure.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

type Tx = Prisma.TransactionClient;
const REDACTED = "[former member]";

export class PrismaMemberEraser implements MemberEraser {
  constructor(private readonly db: Db) {}

  async erase(input: Parameters<MemberEraser["erase"]>[0]): Promise<{ tombstoneUserId: string; counts: ErasureCounts }> {
    const { workspaceId, memberId } = input;
    return this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
        const member = await tx.member.findFirstOrThrow({ where: { id: memberId, workspaceId } });
        // A second confirmation that waited for the first one's lock: nothing is left to erase.
        if (member.platformUserId.startsWith(FORGOTTEN_ID_PREFIX)) return { tombstoneUserId: member.platformUserId, counts: {} };
        const teamsUser = await tx.teamsUser.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId: member.platformUserId } } });
        const tombstone = `${FORGOTTEN_ID_PREFIX}${randomUUID()}`;
        const uid = member.platformUserId;
        // Strings that identify the person wherever free text or JSON may hold them (short ones would match too much).
        const needles = [uid, member.displayName, member.email, teamsUser?.aadObjectId, teamsUser?.userPrincipalName].filter(
          (n): n is string => typeof n === "string" && n.length >= 4,
        );
        const counts: ErasureCounts = {};

        counts.kudosReasons = await tx.$executeRaw`
          UPDATE kudos SET reason = '', source_ref = NULL, idempotency_key = ${FORGOTTEN_ID_PREFIX} || id::text
          WHERE gift_id IN (SELECT gift_id FROM kudos WHERE giver_id = ${memberId}::uuid OR recipient_id = ${memberId}::uuid)`;
        counts.kpiRefs = await tx.$executeRaw`
          UPDATE kpi_record SET ref = ${FORGOTTEN_ID_PREFIX} || id::text WHERE member_id = ${memberId}::uuid AND ref <> ''`;
        counts.helpdeskAgents = await tx.helpdeskAgent.deleteMany({ where: { memberId } }).then((r) => r.count);
        counts.feedbackAbout =
          (await tx.feedbackAnswer.updateMany({ where: { subjectId: memberId }, data: { keepDoing: null, improve: null } })).count +
          (await tx.feedbackPendingAnswer.updateMany({ where: { subjectId: memberId }, data: { keepDoing: null, improve: null } })).count;
        counts.feedbackGiven = await this.eraseAnswersGiven(tx, workspaceId, memberId, input.legacyKeyOf);
        counts.feedbackRequestRefs =
          (await tx.feedbackRecipient.updateMany({ where: { peerId: memberId }, data: { dmRef: null } })).count +
          (await tx.feedbackRequest.updateMany({ where: { OR: [{ leadId: memberId }, { subjectId: memberId }] }, data: { summaryRef: null } })).count;
        counts.recognitionPrompts = (await tx.recognitionPrompt.deleteMany({ where: { memberId } })).count;
        counts.promptOptOuts = (await tx.recognitionPromptOptOut.deleteMany({ where: { memberId } })).count;
        counts.teamsUsers = (await tx.teamsUser.deleteMany({ where: { workspaceId, platformUserId: uid } })).count;
        counts.teamsConversations =
          (await tx.$executeRaw`
            DELETE FROM teams_conversation WHERE workspace_id = ${workspaceId}::uuid AND conversation_type = 'personal'
              AND reference -> 'user' ->> 'id' = ${uid}`) +
          (await tx.$executeRaw`
            UPDATE teams_conversation SET reference = reference - 'user', updated_at = now()
            WHERE workspace_id = ${workspaceId}::uuid AND reference -> 'user' ->> 'id' = ${uid}`);
        counts.mentions = await this.replaceMentions(tx, workspaceId, needles);
        counts.auditEntries = await this.scrubAudit(tx, workspaceId, uid, needles.filter((n) => n !== uid), tombstone);
        await tx.member.update({
          where: { id: memberId },
          data: {
            platformUserId: tombstone, displayName: FORMER_MEMBER_NAME, handle: null, email: null, timeZone: null, role: "agent",
            isBot: false, isDeactivated: true, feedbackSalt: randomUUID(),
          },
        });
        // The roster sync and profile events must not bring the person back: remember a hash of their account.
        await tx.$executeRaw`
          INSERT INTO erased_identity (workspace_id, id_hash)
          VALUES (${workspaceId}::uuid, encode(sha256(convert_to(${workspaceId}::text || ':' || ${uid}::text, 'UTF8')), 'hex'))
          ON CONFLICT DO NOTHING`;
        await tx.auditLogEntry.create({ data: { ...input.audit, target: tombstone, details: { counts } } });
        return { tombstoneUserId: tombstone, counts };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  /** The member's named answers (by giver id) and the unsalted marks of their older answers (recomputed). */
  private async eraseAnswersGiven(tx: Tx, workspaceId: string, memberId: string, legacyKeyOf: (subjectId: string, periodKey: string) => string): Promise<number> {
    const named = await tx.feedbackAnswer.updateMany({ where: { workspaceId, giverId: memberId }, data: { giverId: null, keepDoing: null, improve: null } });
    const pairs = await tx.$queryRaw<{ subject_id: string; period_key: string }[]>`
      SELECT DISTINCT k.subject_id::text AS subject_id, k.period_key FROM feedback_giver_mark k JOIN member m ON m.id = k.subject_id
      WHERE m.workspace_id = ${workspaceId}::uuid`;
    const keys = pairs.map((p) => legacyKeyOf(p.subject_id, p.period_key));
    const legacy = await tx.$executeRaw`
      DELETE FROM feedback_giver_mark k USING member m
      WHERE m.id = k.subject_id AND m.workspace_id = ${workspaceId}::uuid AND k.mark = ANY(${keys})`;
    return named.count + legacy;
  }

  /** Other people's words that name the member (a mention in a kudos reason or a comment). */
  private async replaceMentions(tx: Tx, workspaceId: string, needles: string[]): Promise<number> {
    let changed = 0;
    for (const needle of needles) {
      changed += await tx.$executeRaw`
        UPDATE kudos SET reason = replace(reason, ${needle}, ${REDACTED})
        WHERE workspace_id = ${workspaceId}::uuid AND strpos(reason, ${needle}) > 0`;
      for (const table of [Prisma.raw("feedback_answer"), Prisma.raw("feedback_pending_answer")]) {
        changed += await tx.$executeRaw`
          UPDATE ${table} SET keep_doing = replace(keep_doing, ${needle}, ${REDACTED}), improve = replace(improve, ${needle}, ${REDACTED})
          WHERE workspace_id = ${workspaceId}::uuid AND (strpos(keep_doing, ${needle}) > 0 OR strpos(improve, ${needle}) > 0)`;
      }
    }
    return changed;
  }

  /**
   * Audit entries keep what happened; the member's chat id (whatever its length: entries name members by it)
   * becomes the tombstone id, other details are redacted.
   */
  private async scrubAudit(tx: Tx, workspaceId: string, uid: string, others: string[], tombstone: string): Promise<number> {
    const needles = [uid, ...others];
    const rows = await tx.$queryRaw<{ id: string; actor_user_id: string; target: string | null; details: string; reason: string | null }[]>`
      SELECT id::text AS id, actor_user_id, target, details::text AS details, reason FROM audit_log
      WHERE workspace_id = ${workspaceId}::uuid
        AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) n
                    WHERE strpos(actor_user_id, n) > 0 OR strpos(coalesce(target, ''), n) > 0 OR strpos(details::text, n) > 0
                       OR strpos(coalesce(reason, ''), n) > 0)`;
    const redact = (text: string, json: boolean) =>
      others.reduce((t, n) => t.replaceAll(json ? JSON.stringify(n).slice(1, -1) : n, REDACTED), text.replaceAll(uid, tombstone));
    for (const row of rows) {
      await tx.$executeRaw`
        UPDATE audit_log SET actor_user_id = ${redact(row.actor_user_id, false)}, target = ${row.target === null ? null : redact(row.target, false)},
          details = ${redact(row.details, true)}::jsonb, reason = ${row.reason === null ? null : redact(row.reason, false)}
        WHERE id = ${row.id}::uuid`;
    }
    return rows.length;
  }
}
