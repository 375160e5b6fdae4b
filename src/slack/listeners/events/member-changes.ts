// The roster between syncs: a person who joins the workspace (team_join) or whose profile changes (user_change:
// a rename, a deactivation, a new language) is stored at once, so no gift or prompt waits for a look-up and a
// deactivated account leaves prompts and rankings the moment Slack says so.
import type { ListenerTable } from "../../listener-table.ts";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { SlackUser } from "../../payloads.ts";
import { EventEnvelope } from "../../recognition-payloads.ts";
import { profileFromSlackUser } from "../../slack-users.ts";

const MemberEvent = z.object({ type: z.enum(["team_join", "user_change"]), user: SlackUser });

async function onMemberEvent(services: Services, event: unknown, body: unknown): Promise<void> {
  const parsed = MemberEvent.safeParse(event);
  const envelope = EventEnvelope.safeParse(body);
  if (!parsed.success || !envelope.success) {
    services.logger.warn({ event: (event as { type?: unknown } | null)?.type }, "unreadable Slack member event");
    return;
  }
  const { workspace, defaultTeam } = await services.workspaces.ensure("slack", envelope.data.team_id, { teamTimeZone: services.defaultTimeZone });
  const profile = profileFromSlackUser(parsed.data.user);
  await services.memberRepo.upsertProfiles(workspace.id, defaultTeam.id, [profile], { fromDirectory: true });
  services.members.invalidate(workspace.id, profile.platformUserId);
}

export function registerMemberChanges(app: ListenerTable, services: Services): void {
  app.event("team_join", ({ event, body }) => onMemberEvent(services, event, body));
  app.event("user_change", ({ event, body }) => onMemberEvent(services, event, body));
}
