// After a gift was stored, whichever way and wherever it was given: one rule for the shoutout's channel, and
// the posts handed to jobs.
import type { JobDispatch } from "../../app/services.ts";
import type { GiftOutcome } from "../../core/recognition/kudos.ts";

/** The workspace's recognition channel, else the giver team's channel, else where the kudos were given. */
export function shoutoutChannelFor(outcome: GiftOutcome, originChannelId: string | null): string | null {
  return outcome.settings.recognitionChannelId ?? outcome.giverTeam.channelId ?? originChannelId;
}

export async function deliverGift(
  deps: { jobs: Pick<JobDispatch, "shoutout" | "notifyRecipients"> },
  outcome: GiftOutcome,
  originChannelId: string | null,
): Promise<string | null> {
  const channelId = shoutoutChannelFor(outcome, originChannelId);
  if (!outcome.stored.created) return channelId;
  if (channelId) await deps.jobs.shoutout({ giftId: outcome.stored.giftId, channelId });
  await deps.jobs.notifyRecipients({ giftId: outcome.stored.giftId });
  return channelId;
}
