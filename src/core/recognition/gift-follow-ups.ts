// What has to happen after a gift is stored: its public shoutout and the private notes to its recipients (and
// their leads). The store writes these follow-ups in the same transaction as the gift, so a gift is never kept
// without them and never announced without being kept; src/jobs/outbox-relay.ts hands them to the jobs.
export type GiftFollowUp =
  /** Posts the gift's shoutout in a channel (or Teams conversation). */
  | { topic: "gift.shoutout"; giftId: string; channelId: string }
  /** Sends each recipient a note, and each recipient's leads one when the workspace asks for it. */
  | { topic: "gift.notify_recipients"; giftId: string };

export type GiftFollowUpTopic = GiftFollowUp["topic"];

/** Where a gift is announced, the same on every platform. */
export interface ShoutoutPlaces {
  /** The workspace's recognition channel, when an admin picked one. */
  recognitionChannelId: string | null;
  /** The giver's team's channel (where its digest goes). */
  teamChannelId: string | null;
  /** Where the kudos were given (a channel, a Teams conversation); null for a direct message or a form. */
  originChannelId: string | null;
}

/** The workspace's recognition channel, else the giver team's channel, else where the kudos were given. */
export function shoutoutChannelFor(places: ShoutoutPlaces): string | null {
  return places.recognitionChannelId ?? places.teamChannelId ?? places.originChannelId;
}

/** A peer gift's follow-ups: its shoutout (when there is a channel for it) and its recipients' notes. */
export function giftFollowUps(gift: { giftId: string }, places: ShoutoutPlaces): GiftFollowUp[] {
  const channelId = shoutoutChannelFor(places);
  return [
    ...(channelId ? [{ topic: "gift.shoutout" as const, giftId: gift.giftId, channelId }] : []),
    { topic: "gift.notify_recipients", giftId: gift.giftId },
  ];
}

/**
 * A customer's kudos (a 5-star rating with a comment) are announced only in the recipient team's channel and
 * only when the workspace turned customer shoutouts on; nobody is sent a note.
 */
export function customerKudosFollowUps(gift: { giftId: string }, options: { announce: boolean; teamChannelId: string | null }): GiftFollowUp[] {
  if (!options.announce || !options.teamChannelId) return [];
  return [{ topic: "gift.shoutout", giftId: gift.giftId, channelId: options.teamChannelId }];
}

/** A gift's follow-ups once the store has given it its id (called inside the gift's transaction). */
export type FollowUpsOf = (giftId: string) => GiftFollowUp[];
