// After a gift was given in Teams (message command, form or message action): the public shoutout and each
// recipient's private note (and their leads', if the workspace wants it), posted by jobs as on Slack.
import type { Services } from "../app/services.ts";
import type { GiftOutcome } from "../core/recognition/kudos.ts";
import type { Team } from "../core/shared/model.ts";

/** Until a channel is set for the team, the shoutout goes where the kudos were given. */
export async function shoutOutTeamsGift(services: Services, outcome: GiftOutcome, defaultTeam: Team, conversationId: string): Promise<void> {
  if (!outcome.stored.created) return;
  await services.jobs.shoutout({ giftId: outcome.stored.giftId, channelId: defaultTeam.channelId ?? conversationId });
  await services.jobs.notifyRecipients({ giftId: outcome.stored.giftId });
}
