// Who may see whose individual numbers: yourself; a lead their own team; an admin everyone.
import { msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { Member } from "./model.ts";

export function canViewMember(viewer: Member, subject: Member): boolean {
  if (viewer.id === subject.id) return true;
  if (viewer.role === "admin") return true;
  return viewer.role === "lead" && viewer.teamId !== null && viewer.teamId === subject.teamId;
}

export function assertCanViewMember(viewer: Member, subject: Member): void {
  if (!canViewMember(viewer, subject)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("scorecard.private", { name: subject.displayName }));
  }
}
