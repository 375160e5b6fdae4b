// Who may see whose individual numbers: yourself; a lead their own team; an admin everyone.
import { ErrorCode, SpurError } from "./errors.ts";
import type { Member } from "./model.ts";

export function canViewMember(viewer: Member, subject: Member): boolean {
  if (viewer.id === subject.id) return true;
  if (viewer.role === "admin") return true;
  return viewer.role === "lead" && viewer.teamId !== null && viewer.teamId === subject.teamId;
}

export function assertCanViewMember(viewer: Member, subject: Member): void {
  if (!canViewMember(viewer, subject)) {
    throw new SpurError(
      ErrorCode.NotAllowed,
      `Scorecards are private: you can see your own, and leads can see their team's. ` +
        `Ask ${subject.displayName} or their lead if you'd like to talk about it.`,
    );
  }
}
