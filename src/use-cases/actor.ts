// Who is acting, and in which language to answer them: looked up once per interaction by each surface's runner.
import { unknownActor } from "../core/shared/errors.ts";
import { mentionKey, type MentionRef } from "../core/shared/command-text.ts";
import type { MemberDirectory, UnknownPeople } from "../core/shared/member-directory.ts";
import type { Member, Team, Workspace } from "../core/shared/model.ts";
import type { MemberRepository } from "../core/shared/ports.ts";
import { type Locale, localeFor, parseLocale } from "../i18n/locale.ts";

export interface ActorDeps {
  members: MemberDirectory;
  memberRepo: Pick<MemberRepository, "setLocale">;
}

export interface Acting {
  actor: Member;
  locale: Locale;
}

/**
 * The member behind a platform user id, and their language: the one the platform reports for this request
 * (Teams sends it on every activity; it is remembered for what Spur sends them later), else the one
 * remembered, else the workspace's.
 */
export async function actingMember(
  deps: ActorDeps,
  workspace: Workspace,
  team: Team,
  platformUserId: string,
  reportedLocale?: string | null,
  unknown: UnknownPeople = "look-up",
  alsoNamed: MentionRef[] = [],
): Promise<Acting> {
  // A provisional actor is resolved with the people the request names (`alsoNamed`): those met for the first time
  // are added in the same statement, not in one more after it.
  const self: MentionRef = { kind: "id", id: platformUserId };
  let actor =
    unknown === "provisional"
      ? ((await deps.members.resolve(workspace, team.id, [self, ...alsoNamed], "provisional")).get(mentionKey(self)) ?? null)
      : await deps.members.byPlatformId(workspace, team.id, platformUserId);
  if (!actor) throw unknownActor();
  // Met first through a gift: what they do now may depend on their role, so their profile is read now.
  if (unknown === "look-up" && actor.provisional) actor = await deps.members.completeProvisional(workspace, team.id, actor);
  if (reportedLocale && parseLocale(reportedLocale) && reportedLocale !== actor.locale) {
    actor = await deps.memberRepo.setLocale(actor.id, reportedLocale);
    deps.members.invalidate(workspace.id, platformUserId);
  }
  return { actor, locale: localeFor(actor.locale, workspace.locale) };
}
