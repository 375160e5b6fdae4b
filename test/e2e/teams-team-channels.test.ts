// Microsoft Teams channels mapped to Spur teams: `admin team <name> here` sent in a channel maps it (the Teams team
// id kept) and makes it the team's post channel; sent elsewhere it moves; `admin team list` shows it. Commands
// typed in a mapped channel act on its team (settings shortcuts, leaderboard, digest preview, prompts), a lead
// only on a team they lead; each change is in `admin audit`. Spur's welcome says how to map a channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, message, TEAM, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
const TIER_1 = { id: "19:tier-1@thread.tacv2", name: "Tier 1 desk" };
const TIER_2 = { id: "19:tier-2@thread.tacv2", name: "Tier 2 desk" };
let h: Harness;
let connector: FakeBotConnector;
const clock = new TestClock(new Date("2026-11-18T10:00:00Z")); // a Wednesday

type In = typeof TIER_1 | "general" | "personal";

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string, where: In = "general"): Promise<string> {
  const scope = where === "personal" ? "personal" : "channel";
  const activity = message(from, parts, { serviceUrl: connector.url, scope, ...(typeof where === "object" ? { channel: where } : {}) });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  const text = textOf(reply);
  expect(text).toContain(expectText);
  return text;
}

const teamNamed = (name: string) => h.spur.db.team.findFirstOrThrow({ where: { name } });

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock });
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe("Teams: channels mapped to teams", () => {
  it("welcomes with how to map a channel when Spur is added to a team", async () => {
    expect((await h.teams(botAddedToTeam(connector.url))).status).toBe(200);
    const welcome = await connector.waitFor(() => connector.sentTo(GENERAL).find((s) => textOf(s).includes("isn't mapped to a Spur team")));
    expect(textOf(welcome)).toContain("an admin sends `admin team <name> here` in it, for example `admin team Tier 1 here`");
    expect(await h.spur.db.teamChannel.count()).toBe(0);
  });

  it("maps a channel with admin team <name> here, keeps the Teams team id, and lists it", async () => {
    await say(carl, ["admin team create Tier 1"], "Team Tier 1 created");
    await say(carl, ["admin team create Tier 2"], "Team Tier 2 created");
    await say(carl, ["admin team Tier 1 lead add ", dee], "Now leading Tier 1");
    await say(carl, ["admin team Tier 2 lead add ", bo], "Now leading Tier 2");
    await say(carl, ["admin team Tier 1 add ", dee], "Moved to Tier 1");
    await say(carl, ["admin team Tier 2 add ", ana, " ", bo], "Moved to Tier 2");

    await say(ana, ["admin team Tier 2 here"], "Only Spur admins can change settings", TIER_2);
    await say(carl, ["admin team Tier 2 here"], "Send `admin team Tier 2 here` in the channel to map", "personal");
    await say(carl, ["admin team Tier 2 here please"], "Usage: `admin team Tier 2 here`", TIER_2);
    await say(carl, ["admin team Tier 2 here"], "this channel is now Tier 2's channel: commands typed here act on Tier 2", TIER_2);
    await say(carl, ["admin team Tier 1 here"], "is now Tier 1's channel", TIER_1);
    // Again in the same channel: nothing changes, and no second entry is written (counted below).
    await say(carl, ["admin team Tier 1 here"], "is now Tier 1's channel", TIER_1);

    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    expect(tier2.channelId).toBe(TIER_2.id);
    expect(tier1.channelId).toBe(TIER_1.id);
    const mapped = await h.spur.db.teamChannel.findMany({ orderBy: { createdAt: "asc" } });
    expect(mapped.map((m) => [m.channelId, m.groupId, m.teamId])).toEqual([
      [TIER_2.id, TEAM.id, tier2.id],
      [TIER_1.id, TEAM.id, tier1.id],
    ]);
    const list = await say(carl, ["admin team list"], "3 teams:", TIER_2);
    expect(list).toContain("Tier 2 — this channel · UTC · digest Mondays 09:00 · leads: Bo Berg · 2 members · commands in this channel act on it");
    expect(list).toMatch(/Tier 1 — [^\n]+ · 1 member · commands in [^\n]+ act on it/);
    expect(list).toMatch(/Default team \(default\) — [^\n]+ · 1 member\n/);
  });

  it("acts on the mapped channel's team: settings shortcuts, leaderboard and digest preview", async () => {
    await say(carl, ["admin timezone Asia/Shanghai"], "Tier 2 now runs on Asia/Shanghai time", TIER_2);
    expect((await teamNamed("Tier 2")).timeZone).toBe("Asia/Shanghai");
    expect((await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } })).timeZone).toBe("UTC");

    await say(bo, ["kudos ", ana, " 2 took the angry caller"], "Kudos sent", TIER_2);
    // Dee is in Tier 1; in Tier 2's channel the board is Tier 2's, in Tier 1's it is Tier 1's.
    const tier2Board = await say(dee, ["leaderboard"], "Most recognised — Tier 2", TIER_2);
    expect(tier2Board).toContain("Ana Alves");
    const tier1Board = await say(dee, ["leaderboard"], "Most recognised — Tier 1", TIER_1);
    expect(tier1Board).not.toContain("Ana Alves");

    await say(bo, ["admin digest preview"], "Weekly digest — Tier 2", TIER_2);
    await say(bo, ["admin digest preview"], "You don't lead Tier 1: leads act on the teams they lead (yours: Tier 2).", TIER_1);
    await say(dee, ["admin digest preview"], "Weekly digest — Tier 1", "general");
  });

  it("sets a mapped team's prompts there, and refuses a lead another team's", async () => {
    await say(bo, ["admin prompts schedule thursday 16:30"], 'Tier 2 gets "Who helped you this week?" on Thursdays at 16:30 (Asia/Shanghai).', TIER_2);
    await say(bo, ["admin prompts team off"], "You don't lead Tier 1", TIER_1);
    await say(ana, ["admin prompts team off"], "Only Spur admins and team leads can set a team's prompts", TIER_2);
    const tier2 = await teamNamed("Tier 2");
    expect(await h.spur.db.recognitionPromptSchedule.findUnique({ where: { teamId: tier2.id } })).toMatchObject({ enabled: true, day: 4, minuteOfDay: 990 });
    expect(await h.spur.db.recognitionPromptSchedule.count()).toBe(1);
  });

  it("moves a mapping when here is sent in another channel, and audits each mapping", async () => {
    await say(carl, ["admin team Tier 2 here"], "It was Tier 1's before.", TIER_1);
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    expect(await h.spur.db.teamChannel.findMany({ select: { channelId: true, teamId: true } })).toEqual([{ channelId: TIER_1.id, teamId: tier2.id }]);
    expect(tier2.channelId).toBe(TIER_1.id);
    // Tier 2's old channel is mapped to no team now: Dee's leaderboard there is her own team's.
    await say(dee, ["leaderboard"], `Most recognised — ${tier1.name}`, TIER_2);

    const entries = await h.spur.db.auditLogEntry.findMany({ where: { action: "team.map_channel" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.target, (e.details as { mapped: { to: string } }).mapped.to, (e.details as { groupId?: string }).groupId])).toEqual([
      [tier2.id, TIER_2.id, TEAM.id],
      [tier1.id, TIER_1.id, TEAM.id],
      [tier2.id, TIER_1.id, TEAM.id],
    ]);
    const audit = await say(carl, ["admin audit"], "Audit log", "personal");
    expect(audit).toContain("Carl Cruz mapped");
    expect(audit).toContain("to the team Tier 2 (it was Tier 1's)");
    expect(audit).toContain("Bo Berg set Tier 2's recognition prompts from Fridays at 15:00 (Asia/Shanghai) to Thursdays at 16:30 (Asia/Shanghai)");
  });
});
