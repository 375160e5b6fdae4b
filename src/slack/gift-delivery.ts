// After a gift was stored, whichever way it was given: pick the shoutout channel and hand the posts to jobs.
import type { Services } from "../app/services.ts";
import type { GiftOutcome } from "../core/recognition/kudos.ts";

/** The workspace's recognition channel, else the giver team's channel, else where the kudos were given. */
export function shoutoutChannelFor(outcome: GiftOutcome, originChannelId: string | null): string | null {
  return outcome.settings.recognitionChannelId ?? outcome.giverTeam.channelId ?? originChannelId;
}

export async function deliverGift(services: Services, outcome: GiftOutcome, originChannelId: string | null): Promise<string | null> {
  const channelId = shoutoutChannelFor(outcome, originChannelId);
  if (!outcome.stored.created) return channelId;
  if (channelId) await services.jobs.shoutout({ giftId: outcome.stored.giftId, channelId });
  await services.jobs.notifyRecipients({ giftId: outcome.stored.giftId });
  return channelId;
}
