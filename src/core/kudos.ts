// Giving kudos: the rules every path (slash command, modal, reaction, shortcut, Teams) goes through.
import { describeMention, mentionKey } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { GiveKudosText } from "./kudos-command.ts";
import type { MemberDirectory } from "./member-directory.ts";
import type { KudosSource, Member, StoredGift, Team, Workspace } from "./model.ts";
import type { Clock, KudosRepository } from "./ports.ts";

export interface GiveKudosInput {
  workspace: Workspace;
  /** Team new members are placed in when first seen. */
  defaultTeam: Team;
  giverPlatformId: string;
  command: GiveKudosText;
  source: KudosSource;
  sourceRef: string | null;
  /** Unique per delivery of the request (e.g. Slack's trigger_id or event id). */
  idempotencyKey: string;
}

export interface GiftOutcome {
  stored: StoredGift;
  giver: Member;
  recipients: Member[];
  points: number;
  reason: string;
  values: string[];
}

export interface KudosDeps {
  members: MemberDirectory;
  kudos: KudosRepository;
  clock: Clock;
}

export async function giveKudos(deps: KudosDeps, input: GiveKudosInput): Promise<GiftOutcome> {
  const { workspace, defaultTeam, command } = input;
  const [giver, resolved] = await Promise.all([
    deps.members.byPlatformId(workspace, defaultTeam.id, input.giverPlatformId),
    deps.members.resolve(workspace, defaultTeam.id, command.recipients),
  ]);
  if (!giver) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
  if (giver.isBot) throw new SpurError(ErrorCode.BotGiver, "Bots can't give kudos.");
  if (giver.isDeactivated) throw new SpurError(ErrorCode.DeactivatedMember, "Deactivated accounts can't give kudos.");

  const recipients: Member[] = [];
  for (const ref of command.recipients) {
    const member = resolved.get(mentionKey(ref)) ?? null;
    if (!member) {
      throw new SpurError(
        ErrorCode.UnknownUser,
        `I couldn't find ${describeMention(ref)} in this workspace. Pick people from the @mention list.`,
      );
    }
    checkRecipient(giver, member);
    if (!recipients.some((r) => r.id === member.id)) recipients.push(member);
  }

  const stored = await deps.kudos.recordGift({
    workspaceId: workspace.id,
    giverId: giver.id,
    recipients: recipients.map((r) => ({ memberId: r.id, teamId: r.teamId ?? defaultTeam.id })),
    points: command.points,
    reason: command.reason,
    values: command.values,
    source: input.source,
    sourceRef: input.sourceRef,
    idempotencyKey: input.idempotencyKey,
    givenAt: deps.clock.now(),
  });
  return { stored, giver, recipients, points: command.points, reason: command.reason, values: command.values };
}

function checkRecipient(giver: Member, recipient: Member): void {
  if (recipient.id === giver.id) {
    throw new SpurError(
      ErrorCode.SelfKudos,
      "You can't give kudos to yourself — recognition means most coming from a teammate.",
    );
  }
  if (recipient.isBot) {
    throw new SpurError(
      ErrorCode.BotRecipient,
      `${recipient.displayName} is a bot — kudos are for people. Thank the human behind it instead!`,
    );
  }
  if (recipient.isDeactivated) {
    throw new SpurError(
      ErrorCode.DeactivatedMember,
      `${recipient.displayName}'s account is deactivated, so they can't receive kudos.`,
    );
  }
}
