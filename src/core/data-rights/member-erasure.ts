// spur forget @member: an admin erases a member's personal data after confirming. The member row stays as
// an anonymous "Former member" tombstone so kudos points, KPI numbers and ratings keep adding up in team
// totals; everything that names or identifies the person is deleted or blanked (see the store for the rules).
import { mentionKey, mentionParam, type MentionRef } from "../shared/command-text.ts";
import type { ErasureCounts, MemberEraser } from "./data-rights-ports.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { legacyFeedbackGiverKey } from "../feedback/feedback-anonymity.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";

export const FORMER_MEMBER_NAME = "Former member";
/** Platform ids of tombstones start with this; no chat platform issues such ids. */
export const FORGOTTEN_ID_PREFIX = "forgotten:";

export interface ForgetDeps {
  members: Pick<MemberDirectory, "resolve" | "invalidate">;
  eraser: MemberEraser;
  feedbackSecret: string;
}

function assertEraseAdmin(actor: Member): void {
  if (actor.role !== "admin") {
    throw new SpurError(ErrorCode.NotAllowed, msg("dataRights.forget.refused"));
  }
}

function assertCanForget(actor: Member, target: Member): void {
  assertEraseAdmin(actor);
  if (target.id === actor.id) throw new SpurError(ErrorCode.NotAllowed, msg("dataRights.forget.self"));
  if (target.platformUserId.startsWith(FORGOTTEN_ID_PREFIX)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("dataRights.forget.already"));
  }
}

/** The member an admin named, checked: what the confirmation step shows before anything is erased. */
export async function memberToForget(
  deps: Pick<ForgetDeps, "members">,
  input: { workspace: Workspace; team: Team; actor: Member; target: MentionRef },
): Promise<Member> {
  assertEraseAdmin(input.actor);
  const target = (await deps.members.resolve(input.workspace, input.team.id, [input.target])).get(mentionKey(input.target));
  if (!target) throw new SpurError(ErrorCode.UnknownUser, msg("dataRights.forget.unknown", { who: mentionParam(input.target) }));
  assertCanForget(input.actor, target);
  return target;
}

/** Erases the member's personal data (confirmed by the admin); audited without the personal data itself. */
export async function forgetMember(
  deps: ForgetDeps,
  input: { workspace: Workspace; actor: Member; target: Member },
): Promise<{ counts: ErasureCounts }> {
  assertCanForget(input.actor, input.target);
  const { target } = input;
  const result = await deps.eraser.erase({
    workspaceId: input.workspace.id,
    memberId: target.id,
    legacyKeyOf: (subjectId, periodKey) => legacyFeedbackGiverKey(deps.feedbackSecret, target.id, subjectId, periodKey),
    audit: { workspaceId: input.workspace.id, actorUserId: input.actor.platformUserId, action: "member.forget", reason: null },
  });
  deps.members.invalidate(input.workspace.id, target.platformUserId);
  return { counts: result.counts };
}

export function forgetConfirmation(target: Member): Msg {
  return msg("dataRights.forget.confirm", { name: target.displayName, former: FORMER_MEMBER_NAME });
}

export function forgetDone(counts: ErasureCounts): Msg {
  return msg("dataRights.forget.done", { count: Object.values(counts).reduce((a, b) => a + b, 0) });
}
