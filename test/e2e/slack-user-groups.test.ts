// A team follows a Slack user group, through signed /spur commands and Events API callbacks on the real Bolt
// app and the real workers: following moves the group's members at once (people Spur hasn't met become
// provisional members), a person in two followed groups stays with the first, subteam events add and remove,
// the daily roster sync reconciles what no event said, and each change reads back in /spur audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { syncRoster } from "../support/roster.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;
const clock = new TestClock(new Date("2026-11-10T10:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  h.slack.userGroups.set({ id: "STIER1", handle: "tier1", name: "Tier 1 agents", users: [USERS.ana.id, USERS.bo.id, USERS.bot.id] });
  h.slack.userGroups.set({ id: "STIER2", handle: "tier2", name: "Tier 2 agents", users: [USERS.carl.id, USERS.bo.id] });
});
afterAll(async () => {
  await h?.stop();
});

async function admin(text: string, expectText: string): Promise<string> {
  const since = h.commands.length;
  await h.command("/spur", text, { user: USERS.admin.id });
  const answer = await waitForCommandReply(h, USERS.admin.id, expectText, since);
  return `${String(answer.args.text)}\n${JSON.stringify(answer.args.blocks ?? [])}`;
}

const teamOf = async (userId: string) => (await h.spur.db.member.findFirst({ where: { platformUserId: userId }, include: { team: true } }))?.team?.name ?? null;
const teamsOf = async (...userIds: string[]) => Promise.all(userIds.map(teamOf));
const defaultTeam = () => h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });

describe("a team following a Slack user group", () => {
  it("moves the group's members at once, leaving bots out, and says who stays with a group followed first", async () => {
    await admin("team create Tier 1", "Team Tier 1 created");
    await admin("team create Tier 2", "Team Tier 2 created");
    // Spur knows the bot (it joined the workspace); Ana and Bo it has never met.
    await h.event({ type: "team_join", user: { id: USERS.bot.id, name: USERS.bot.name, is_bot: true } });
    await h.slack.waitFor(async () => (await h.spur.db.member.count({ where: { platformUserId: USERS.bot.id } })) === 1);
    const general = (await defaultTeam()).name;

    const followed = await admin("team Tier 1 follow <!subteam^STIER1|@tier1>", "now follows");
    expect(followed).toContain("Tier 1 now follows @tier1: its 2 members are Tier 1's members");
    expect(followed).toContain(`Whoever leaves the group goes back to ${general}`);
    expect(followed).toMatch(/Moved to Tier 1: <@UANA> and <@UBO>\./);
    expect(await teamsOf(USERS.ana.id, USERS.bo.id)).toEqual(["Tier 1", "Tier 1"]);
    // They were added provisionally and their profiles are read in the background.
    await h.slack.waitFor(async () => (await h.spur.db.member.count({ where: { platformUserId: { in: [USERS.ana.id, USERS.bo.id] }, provisional: false } })) === 2, 15_000);
    expect(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } })).toMatchObject({ displayName: "ana" });
    // The bot is in the group, but not in the team.
    expect(await teamOf(USERS.bot.id)).toBe(general);

    const second = await admin("team Tier 2 follow <!subteam^STIER2|@tier2>", "now follows");
    expect(second).toContain("Moved to Tier 2: <@UCARL>.");
    expect(second).toContain("Staying in Tier 1 (its user group was followed first): <@UBO>.");
    expect(await teamsOf(USERS.bo.id, USERS.carl.id)).toEqual(["Tier 1", "Tier 2"]);
  });

  it("refuses a second group for a team, a group another team follows, and a group Slack doesn't have", async () => {
    expect(await admin("team Tier 2 follow <!subteam^STIER1|@tier1>", "already follows")).toContain("Tier 2 already follows @tier2; a team follows one user group. Stop with `/spur team Tier 2 unfollow` first.");
    await admin("team create Tier 3", "Team Tier 3 created");
    expect(await admin("team Tier 3 follow <!subteam^STIER1|@tier1>", "already followed")).toContain("@tier1 is already followed by Tier 1");
    expect(await admin("team Tier 3 follow <!subteam^SNONE|@nobody>", "couldn't find")).toContain("I couldn't find the user group @nobody");
    expect(await admin("team Tier 3 follow tier1", "Usage")).toContain("/spur team Tier 3 follow @group");
    expect(await h.spur.db.team.findFirstOrThrow({ where: { name: "Tier 3" } })).toMatchObject({ userGroupId: null });
    const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });
    await h.command("/spur", "team Tier 3 follow <!subteam^STIER1|@tier1>", { user: bo.platformUserId });
    await waitForCommandReply(h, USERS.bo.id, "Only Spur admins");
  });

  it("follows the group's changes: subteam_members_changed adds and removes, subteam_updated too", async () => {
    // Bo leaves @tier1 (he is still in @tier2, so he goes to Tier 2); Dee joins it.
    h.slack.userGroups.setMembers("STIER1", [USERS.ana.id, USERS.dee.id]);
    const event = { type: "subteam_members_changed", subteam_id: "STIER1", team_id: "T0001", added_users: [USERS.dee.id], removed_users: [USERS.bo.id] };
    expect((await h.event(event, { eventId: "EvGROUP1" })).status).toBe(200);
    await h.slack.waitFor(async () => (await teamsOf(USERS.dee.id, USERS.bo.id)).join() === "Tier 1,Tier 2", 15_000);
    // Slack's retry of the same event queues nothing more.
    await h.event(event, { eventId: "EvGROUP1", retryNum: 1 });

    // Bo leaves @tier2 too: no followed group holds him, so he goes back to the default team.
    h.slack.userGroups.setMembers("STIER2", [USERS.carl.id]);
    await h.event({ type: "subteam_updated", subteam: { id: "STIER2", handle: "tier2", team_id: "T0001" } });
    const general = (await defaultTeam()).name;
    await h.slack.waitFor(async () => (await teamOf(USERS.bo.id)) === general, 15_000);
    expect(await teamsOf(USERS.ana.id, USERS.carl.id, USERS.dee.id)).toEqual(["Tier 1", "Tier 2", "Tier 1"]);
  });

  it("reconciles with the daily roster sync what no event said", async () => {
    h.slack.userGroups.setMembers("STIER1", [USERS.ana.id]);
    const calls = h.slack.callsTo("usergroups.users.list").length;
    await syncRoster(h);
    const general = (await defaultTeam()).name;
    await h.slack.waitFor(async () => (await teamOf(USERS.dee.id)) === general, 15_000);
    // Both followed groups were read (the second may still be in flight when Dee has moved).
    const read = () => h.slack.callsTo("usergroups.users.list").slice(calls).map((c) => String(c.args.usergroup)).sort();
    await h.slack.waitFor(() => read().length >= 2, 15_000);
    expect(read()).toEqual(["STIER1", "STIER2"]);
  });

  it("keeps members where they are on unfollow, and reads every change back in /spur audit", async () => {
    expect(await admin("team Tier 2 unfollow", "no longer follows")).toContain("Tier 2 no longer follows @tier2. Its members stay in Tier 2");
    expect(await teamOf(USERS.carl.id)).toBe("Tier 2");
    expect(await admin("team Tier 2 unfollow", "follows no")).toContain("Tier 2 follows no user group.");

    const audit = await h.spur.db.auditLogEntry.findMany({ where: { action: { in: ["team.follow", "team.unfollow", "team.group_sync"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["team.follow", USERS.admin.id],
      ["team.group_sync", "spur"],
      ["team.follow", USERS.admin.id],
      ["team.group_sync", "spur"],
      ["team.group_sync", "spur"],
      ["team.group_sync", "spur"],
      ["team.group_sync", "spur"],
      ["team.unfollow", USERS.admin.id],
    ]);
    const log = await admin("audit", "Audit log");
    expect(log).toContain("<@UADMIN> made Tier 1 follow the user group @tier1");
    expect(log).toMatch(/Spur moved <@UANA> and <@UBO> to Tier 1, following the user group @tier1/);
    expect(log).toMatch(/Spur moved <@UDEE> to Tier 1 and <@UBO> to Tier 2, following the user group @tier1/);
    expect(log).toContain("<@UADMIN> stopped Tier 2 following the user group @tier2");
  });
});
