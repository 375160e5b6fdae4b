// A followed user group changed on Slack (its members: subteam_members_changed; its handle, settings or
// members: subteam_updated): the group is read again in the background and its members placed (see
// jobs/user-group-sync.ts). Once per event, however often Slack delivers it.
import type { ListenerTable } from "../../listener-table.ts";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { EventEnvelope } from "../../recognition-payloads.ts";

const GroupId = z.string().regex(/^S[A-Z0-9]+$/);
const MembersChanged = z.object({ type: z.literal("subteam_members_changed"), subteam_id: GroupId });
const Updated = z.object({ type: z.literal("subteam_updated"), subteam: z.object({ id: GroupId }) });

async function onGroupEvent(services: Services, event: unknown, body: unknown): Promise<void> {
  const members = MembersChanged.safeParse(event);
  const updated = Updated.safeParse(event);
  const envelope = EventEnvelope.safeParse(body);
  const groupId = members.success ? members.data.subteam_id : updated.success ? updated.data.subteam.id : null;
  if (!groupId || !envelope.success) {
    services.logger.warn({ event: (event as { type?: unknown } | null)?.type }, "unreadable Slack user group event");
    return;
  }
  await services.jobs.syncUserGroups({ platform: "slack", externalId: envelope.data.team_id, groupId }, { key: envelope.data.event_id });
}

export function registerUserGroupChanges(app: ListenerTable, services: Services): void {
  app.event("subteam_members_changed", ({ event, body }) => onGroupEvent(services, event, body));
  app.event("subteam_updated", ({ event, body }) => onGroupEvent(services, event, body));
}
