import { TEAM_ID, type Harness } from "./spur-harness.ts";

/** The Slack workspace's roster sync of today (as at install), queued through Spur and waited for. */
export async function syncRoster(h: Harness, team = TEAM_ID): Promise<string> {
  const { workspace } = await h.spur.services.workspaces.ensure("slack", team, { teamTimeZone: h.config.DEFAULT_TIME_ZONE });
  await h.spur.services.jobs.syncRoster({ platform: "slack", externalId: team });
  await h.slack.waitFor(async () => (await h.spur.db.rosterSync.findFirst({ where: { workspaceId: workspace.id, status: "done" } })) !== null, 15_000);
  return workspace.id;
}
