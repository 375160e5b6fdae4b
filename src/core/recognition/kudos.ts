// Giving kudos: the rules every path (slash command, modal, reaction, shortcut, Teams) goes through.
import { DateTime } from "luxon";
import { unknownActor } from "../shared/errors.ts";
import { mentionKey, mentionParam } from "../shared/command-text.ts";
import { msg, type Msg, when } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { GiveKudosText } from "./kudos-command.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { KudosSource, Member, StoredGift, Team, Workspace } from "../shared/model.ts";
import type { Clock, WorkspaceRepository } from "../shared/ports.ts";
import { giftFollowUps, shoutoutChannelFor } from "./gift-follow-ups.ts";
import { allowanceWindow, balanceOf, type Balance, resetParam } from "./allowance.ts";
import { GiftRefusedError, type GiftLimitBreach, type KudosLedger, type RecognitionSettingsRepository } from "./recognition-ports.ts";
import { checkPointsCap, checkValues, type RecognitionSettings } from "./recognition-settings.ts";

export interface GiveKudosInput {
  workspace: Workspace;
  /** Team new members are placed in when first seen. */
  defaultTeam: Team;
  giverPlatformId: string;
  /** The giver as the caller already resolved them (the interaction's actor); looked up by giverPlatformId otherwise. */
  giver?: Member;
  command: GiveKudosText;
  source: KudosSource;
  sourceRef: string | null;
  /** Unique per delivery of the request (e.g. Slack's trigger_id or event id). */
  idempotencyKey: string;
  /** Reaction kudos can't carry a value, so "value required" doesn't apply to them. */
  valuesOptional?: boolean;
  /** Where the kudos were given (a channel or Teams conversation), null when nowhere public. */
  originChannelId: string | null;
}

export interface GiftOutcome {
  stored: StoredGift;
  giver: Member;
  recipients: Member[];
  points: number;
  reason: string;
  values: string[];
  /** The giver's team (its time zone drives the allowance) and the workspace rules applied. */
  giverTeam: Team;
  settings: RecognitionSettings;
  /** Where the gift's shoutout goes (written with the gift, posted by a job), null when nowhere. */
  shoutoutChannelId: string | null;
}

/** "You have 2 points left to give today." after a new gift; null when the ledger did not say what was spent. */
export function allowanceLeftAfter(outcome: GiftOutcome): Msg | null {
  const spent = outcome.stored.giverSpent;
  if (spent === undefined) return null;
  const left = Math.max(0, outcome.settings.allowancePoints - spent);
  return msg("kudos.allowanceLeft", { left, period: outcome.settings.allowancePeriod });
}

export interface KudosDeps {
  members: MemberDirectory;
  ledger: KudosLedger;
  recognitionSettings: RecognitionSettingsRepository;
  workspaces: Pick<WorkspaceRepository, "teamById">;
  clock: Clock;
}

export async function giveKudos(deps: KudosDeps, input: GiveKudosInput): Promise<GiftOutcome> {
  const { workspace, defaultTeam, command } = input;
  const [giver, resolved, settings] = await Promise.all([
    input.giver ?? deps.members.byPlatformId(workspace, defaultTeam.id, input.giverPlatformId),
    deps.members.resolve(workspace, defaultTeam.id, command.recipients, "provisional"),
    deps.recognitionSettings.get(workspace.id),
  ]);
  if (!giver) throw unknownActor();
  if (giver.isBot) throw new SpurError(ErrorCode.BotGiver, msg("kudos.refused.botGiver"));
  if (giver.isDeactivated) throw new SpurError(ErrorCode.DeactivatedMember, msg("kudos.refused.deactivatedGiver"));

  const recipients: Member[] = [];
  for (const ref of command.recipients) {
    const member = resolved.get(mentionKey(ref)) ?? null;
    if (!member) {
      throw new SpurError(ErrorCode.UnknownUser, msg("kudos.refused.unknownRecipient", { who: mentionParam(ref) }));
    }
    checkRecipient(giver, member);
    if (!recipients.some((r) => r.id === member.id)) recipients.push(member);
  }

  checkPointsCap(command.points, settings);
  checkValues(command.values, input.valuesOptional ? { ...settings, valueRequired: false } : settings);

  const giverTeam = await teamOf(deps, giver, defaultTeam);
  const now = deps.clock.now();
  const window = allowanceWindow(now, giverTeam.timeZone, settings.allowancePeriod);
  const gift = {
    workspaceId: workspace.id,
    giverId: giver.id,
    recipients: recipients.map((r) => ({ memberId: r.id, teamId: r.teamId ?? defaultTeam.id })),
    points: command.points,
    reason: command.reason,
    values: command.values,
    source: input.source,
    sourceRef: input.sourceRef,
    idempotencyKey: input.idempotencyKey,
    givenAt: now,
  };
  const cooldownSince = settings.cooldownMinutes > 0 ? new Date(now.getTime() - settings.cooldownMinutes * 60_000) : null;
  const places = { recognitionChannelId: settings.recognitionChannelId, teamChannelId: giverTeam.channelId, originChannelId: input.originChannelId };
  let stored: StoredGift;
  try {
    stored = await deps.ledger.recordLimitedGift(
      gift,
      { allowancePoints: settings.allowancePoints, windowStart: window.start, cooldownSince },
      (giftId) => giftFollowUps({ giftId }, places),
    );
  } catch (err) {
    if (err instanceof GiftRefusedError) {
      throw refusal(err.breach, { settings, window, recipients, cost: command.points * recipients.length });
    }
    throw err;
  }
  return {
    stored,
    giver,
    recipients,
    points: command.points,
    reason: command.reason,
    values: command.values,
    giverTeam,
    settings,
    shoutoutChannelId: shoutoutChannelFor(places),
  };
}

export async function teamOf(deps: Pick<KudosDeps, "workspaces">, member: Member, defaultTeam: Team): Promise<Team> {
  if (!member.teamId || member.teamId === defaultTeam.id) return defaultTeam;
  return (await deps.workspaces.teamById(member.teamId)) ?? defaultTeam;
}

/** The giver's remaining allowance in the current window of their team's time zone. */
export async function kudosBalance(deps: KudosDeps, workspace: Workspace, defaultTeam: Team, giverPlatformId: string): Promise<Balance> {
  const [giver, settings] = await Promise.all([
    deps.members.byPlatformId(workspace, defaultTeam.id, giverPlatformId),
    deps.recognitionSettings.get(workspace.id),
  ]);
  if (!giver) throw unknownActor();
  const team = await teamOf(deps, giver, defaultTeam);
  const window = allowanceWindow(deps.clock.now(), team.timeZone, settings.allowancePeriod);
  return balanceOf(settings, await deps.ledger.pointsGivenSince(giver.id, window.start), window);
}

function refusal(
  breach: GiftLimitBreach,
  ctx: { settings: RecognitionSettings; window: ReturnType<typeof allowanceWindow>; recipients: Member[]; cost: number },
): SpurError {
  if (breach.kind === "allowance") {
    return new SpurError(
      ErrorCode.AllowanceExceeded,
      msg("kudos.refused.allowance", {
        several: ctx.recipients.length > 1 ? "yes" : "no",
        cost: ctx.cost,
        left: Math.max(0, ctx.settings.allowancePoints - breach.spent),
        allowance: ctx.settings.allowancePoints,
        period: ctx.settings.allowancePeriod,
        reset: resetParam(ctx.window),
      }),
    );
  }
  const who = ctx.recipients.find((r) => r.id === breach.recipientId);
  const again = DateTime.fromJSDate(breach.lastGivenAt).plus({ minutes: ctx.settings.cooldownMinutes }).toJSDate();
  return new SpurError(
    ErrorCode.Cooldown,
    msg("kudos.refused.cooldown", { name: who?.displayName ?? "—", again: when(again, ctx.window.timeZone, "dayTime"), timeZone: ctx.window.timeZone }),
  );
}

function checkRecipient(giver: Member, recipient: Member): void {
  if (recipient.id === giver.id) {
    throw new SpurError(ErrorCode.SelfKudos, msg("kudos.refused.self"));
  }
  if (recipient.isBot) {
    throw new SpurError(ErrorCode.BotRecipient, msg("kudos.refused.botRecipient", { name: recipient.displayName }));
  }
  if (recipient.isDeactivated) {
    throw new SpurError(ErrorCode.DeactivatedMember, msg("kudos.refused.deactivatedRecipient", { name: recipient.displayName }));
  }
}
