// Teams as first-class, through signed /spur commands on the real Bolt app: an admin creates Tier 1 and Tier 2
// with their own channels, time zones, digests and leads, and assigns members; a lead sees only the teams they
// lead; a member moved mid-month leaves their earlier kudos with the team they were in; each team's digest is
// scheduled at its own local time and posted once.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_JOB, weeklyDigestSchedulerId } from "../../src/jobs/weekly-digest.ts";
import { TestClock } from "../support/clock.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const clock = new TestClock(new Date("2026-11-10T10:00:00Z")); // a Tuesday

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

async function reply(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  await h.command(command, text, { user });
  const answer = await waitForCommandReply(h, user, expectText, since);
  return `${String(answer.args.text)}\n${JSON.stringify(answer.args.blocks ?? [])}`;
}

const admin = (text: string, expectText: string) => reply(USERS.admin.id, "/spur", text, expectText);
const teamNamed = (name: string) => h.spur.db.team.findFirstOrThrow({ where: { name } });

describe("teams and leads", () => {
  it("lets only admins manage teams", async () => {
    expect(await reply(USERS.bo.id, "/spur", "team create Rogue", "Only Spur admins")).toContain("Only Spur admins can change settings");
    expect(await h.spur.db.team.count({ where: { name: "Rogue" } })).toBe(0);
  });

  it("creates Tier 1 and Tier 2 with their own channel, time zone, digest, leads and members, each change audited", async () => {
    expect(await admin("team create Tier 1", "Team Tier 1 created")).toContain("/spur team Tier 1 channel #channel");
    await admin("team create Tier 2", "Team Tier 2 created");
    expect(await admin("team create tier 2", "already a team")).toContain('There is already a team called "tier 2"');
    await admin("team create 一线客服", "Team 一线客服 created");

    await admin("team Tier 1 channel <#CTIER1|tier-1>", "now go to <#CTIER1>");
    await admin("team Tier 1 timezone Europe/Berlin", "Tier 1 now runs on Europe/Berlin time");
    await admin("team Tier 1 digest monday 09:00", "Mondays at 09:00 (Europe/Berlin)");
    await admin("team tier 2 channel <#CTIER2|tier-2>", "now go to <#CTIER2>");
    await admin("team Tier 2 timezone Asia/Shanghai", "Asia/Shanghai");
    expect(await admin("team Tier 2 timezone Mars/Base", "not a time zone")).toContain("/spur team Tier 2 timezone Europe/Berlin");
    await admin("team Tier 2 digest tuesday 08:30", "Tuesdays at 08:30 (Asia/Shanghai)");

    await admin(`team Tier 1 lead add ${esc(USERS.bo)}`, "Now leading Tier 1");
    await admin(`team Tier 2 lead add ${esc(USERS.dee)}`, "Now leading Tier 2");
    expect(await admin(`team Tier 2 lead add ${esc(USERS.dee)}`, "Already leading")).toContain("Already leading Tier 2: <@UDEE>");
    await admin(`team Tier 1 add ${esc(USERS.ana)} ${esc(USERS.bo)}`, "Moved to Tier 1");
    await admin(`team Tier 2 add ${esc(USERS.carl)} ${esc(USERS.dee)}`, "Moved to Tier 2");
    expect(await admin(`team Tier 2 add ${esc(USERS.bot)}`, "bot")).toContain("is a bot or no longer in the workspace");

    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    expect(tier1).toMatchObject({ channelId: "CTIER1", timeZone: "Europe/Berlin", digestDay: 1, digestMinuteOfDay: 540 });
    expect(tier2).toMatchObject({ channelId: "CTIER2", timeZone: "Asia/Shanghai", digestDay: 2, digestMinuteOfDay: 510 });
    const members = await h.spur.db.member.findMany({ where: { platformUserId: { in: ["UANA", "UBO", "UCARL", "UDEE"] } }, orderBy: { platformUserId: "asc" } });
    expect(members.map((m) => [m.platformUserId, m.teamId, m.role])).toEqual([
      ["UANA", tier1.id, "agent"],
      ["UBO", tier1.id, "lead"],
      ["UCARL", tier2.id, "agent"],
      ["UDEE", tier2.id, "lead"],
    ]);
    const audit = await h.spur.db.auditLogEntry.findMany({ where: { action: { startsWith: "team." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "team.create",
      "team.create",
      "team.create",
      "team.update",
      "team.update",
      "team.update",
      "team.update",
      "team.update",
      "team.update",
      "team.lead_add",
      "team.lead_add",
      "team.assign",
      "team.assign",
    ]);
    expect(audit.every((a) => a.actorUserId === USERS.admin.id)).toBe(true);
    expect(audit[3]).toMatchObject({ target: tier1.id, details: { channelId: { from: null, to: "CTIER1" } } });

    const list = await admin("team list", "teams:");
    expect(list).toContain("4 teams:");
    expect(list).toContain("*Tier 1* — <#CTIER1> · Europe/Berlin · digest Mondays 09:00 · leads: <@UBO> · 2 members");
    expect(list).toContain("*Tier 2* — <#CTIER2> · Asia/Shanghai · digest Tuesdays 08:30 · leads: <@UDEE> · 2 members");
    expect(list).toContain("*一线客服* — no channel");

    // The audit log reads each change back.
    const log = await admin("audit", "Audit log");
    expect(log).toContain("created the team Tier 1");
    expect(log).toContain("created the team 一线客服");
    expect(log).toMatch(/changed the team Tier 1: channel from .+ to <#CTIER1>/);
    expect(log).toMatch(/changed the team Tier 2: time zone from .+ to `?Asia\/Shanghai`?/);
    expect(log).toContain("made <@UBO> lead of Tier 1");
    expect(log).toMatch(/moved <@UCARL>.* to Tier 2/);
  });

  it("schedules each team's digest at its own local time", async () => {
    const schedulers = await h.spur.queues.scheduled.getJobSchedulers();
    for (const [name, zone, weekday, hour, minute] of [
      ["Tier 1", "Europe/Berlin", 1, 9, 0],
      ["Tier 2", "Asia/Shanghai", 2, 8, 30],
    ] as const) {
      const team = await teamNamed(name);
      const digest = schedulers.filter((s) => s.key === weeklyDigestSchedulerId(team.id));
      expect(digest).toHaveLength(1);
      expect(digest[0]).toMatchObject({ tz: zone });
      const next = DateTime.fromMillis(Number(digest[0]!.next), { zone });
      expect([next.weekday, next.hour, next.minute]).toEqual([weekday, hour, minute]);
    }
  });

  it("refuses a Tier 1 lead a Tier 2 member's scorecard and shows a Tier 1 one", async () => {
    expect(await reply(USERS.bo.id, "/scorecard", esc(USERS.carl), "private")).toContain("Scorecards are private");
    expect(await reply(USERS.bo.id, "/scorecard", esc(USERS.ana), "Scorecard for")).toContain("Scorecard for ana");
    // Dee leads Tier 2 and sees Carl; leading Tier 1 as well lets her see Ana too.
    expect(await reply(USERS.dee.id, "/scorecard", esc(USERS.carl), "Scorecard for")).toContain("Scorecard for carl");
    expect(await reply(USERS.dee.id, "/scorecard", esc(USERS.ana), "private")).toContain("Scorecards are private");
    await admin(`team Tier 1 lead add ${esc(USERS.dee)}`, "Now leading Tier 1");
    expect(await reply(USERS.dee.id, "/scorecard", esc(USERS.ana), "Scorecard for")).toContain("Scorecard for ana");
    await admin(`team Tier 1 lead remove ${esc(USERS.dee)}`, "No longer leading Tier 1");
    expect(await reply(USERS.dee.id, "/scorecard", esc(USERS.ana), "private")).toContain("Scorecards are private");
  });

  it("keeps a member's earlier kudos in the team they were in when moved mid-month", async () => {
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    clock.set("2026-11-10T12:00:00Z");
    await reply(USERS.dee.id, "/kudos", `${esc(USERS.carl)} 2 took my escalations`, "Kudos sent");
    clock.set("2026-11-12T12:00:00Z");
    expect(await admin(`team Tier 1 add ${esc(USERS.carl)}`, "Moved to Tier 1")).toContain("earlier kudos and KPI records stay");
    clock.set("2026-11-13T12:00:00Z");
    await reply(USERS.ana.id, "/kudos", `${esc(USERS.carl)} 3 welcome aboard`, "Kudos sent");

    const kudos = await h.spur.db.kudos.findMany({ where: { recipient: { platformUserId: "UCARL" } }, orderBy: { createdAt: "asc" } });
    expect(kudos.map((k) => [k.points, k.teamId])).toEqual([
      [2, tier2.id],
      [3, tier1.id],
    ]);
    // Each team's monthly board counts Carl's kudos where he got them.
    expect(await reply(USERS.dee.id, "/leaderboard", "month", "Most recognised")).toMatch(/Tier 2, November 2026.*<@UCARL> — 2 points \(1 kudos\)/s);
    expect(await reply(USERS.bo.id, "/leaderboard", "month", "Most recognised")).toMatch(/Tier 1, November 2026.*<@UCARL> — 3 points \(1 kudos\)/s);
  });

  it("posts each team's digest once, in its own channel, for the week just ended in its zone", async () => {
    const digestPosts = () =>
      h.slack.callsTo("chat.postMessage").filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === "spur_weekly_digest");
    for (const [name, at, channel] of [
      ["Tier 1", "2026-11-16T08:00:00Z", "CTIER1"], // Monday 09:00 in Berlin
      ["Tier 2", "2026-11-17T00:30:00Z", "CTIER2"], // Tuesday 08:30 in Shanghai
    ] as const) {
      const team = await teamNamed(name);
      clock.set(at);
      const before = digestPosts().length;
      const jobs = [await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id }), await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id })];
      await h.slack.waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === "completed"));
      const posts = digestPosts().slice(before);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.args.channel).toBe(channel);
      expect(posts[0]!.args.metadata).toMatchObject({ event_payload: { period_key: "2026-W46", team_id: team.id } });
    }
    const tier2Digest = JSON.stringify(digestPosts().find((c) => c.args.channel === "CTIER2")!.args.blocks);
    expect(tier2Digest).toContain("<@UCARL> — 2 points");
    const tier1Digest = JSON.stringify(digestPosts().find((c) => c.args.channel === "CTIER1")!.args.blocks);
    expect(tier1Digest).toContain("<@UCARL> — 3 points");
  });

  it("archives a team only once it has no members, never the default team", async () => {
    expect(await admin("team archive Default team", "default team")).toContain("can't be archived");
    expect(await admin("team archive Tier 2", "still has")).toContain("Tier 2 still has 1 member");
    expect(await admin("team archive 一线客服", "is archived")).toContain("一线客服 is archived");
    const archived = await teamNamed("一线客服");
    expect(archived.archivedAt).not.toBeNull();
    expect((await h.spur.queues.scheduled.getJobSchedulers()).filter((s) => s.key.endsWith(archived.id))).toEqual([]);
    expect(await admin(`team 一线客服 add ${esc(USERS.ana)}`, "archived")).toContain("一线客服 is archived");
    expect(await admin("team list", "teams:")).toContain("*一线客服* (archived)");
    expect(await admin("team rename Tier 1 to Tier One", "now called")).toContain("Tier 1 is now called Tier One");
    expect(await admin("team rename Tier One to TIER 2", "already a team")).toContain("There is already a team called");
  });
});
