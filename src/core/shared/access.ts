// Who may see whose individual numbers: yourself; a lead the members of the teams they lead; an admin everyone.
import { msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { Member } from "./model.ts";
import type { TeamLeadership } from "./ports.ts";

/** `teamsLed`: the ids of the teams the viewer leads (see teamsLedBy). */
export function canViewMember(viewer: Member, subject: Member, teamsLed: readonly string[]): boolean {
  if (viewer.id === subject.id) return true;
  if (viewer.role === "admin") return true;
  return viewer.role === "lead" && subject.teamId !== null && teamsLed.includes(subject.teamId);
}

export function assertCanViewMember(viewer: Member, subject: Member, teamsLed: readonly string[]): void {
  if (!canViewMember(viewer, subject, teamsLed)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("scorecard.private", { name: subject.displayName }));
  }
}

/** The teams a viewer leads; only leads are asked (an admin sees everyone, an agent only themselves). */
export async function teamsLedBy(deps: { teamLeads: TeamLeadership }, viewer: Member): Promise<string[]> {
  return viewer.role === "lead" ? deps.teamLeads.teamsLedBy(viewer.id) : [];
}
