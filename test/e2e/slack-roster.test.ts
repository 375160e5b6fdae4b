// The roster Spur keeps of a Slack workspace: users.list read in pages (through rate limits) once a day and at
// install, team_join / user_change applied at once, departed members out of rankings and prompts with their
// history kept, and a gift to someone Spur has never seen stored without any user look-up on the request path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../support/fake-slack-api.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { TestClock } from "../support/clock.ts";
import { syncRoster } from "../support/roster.ts";
import { commandReplies, waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, TEAM_ID, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";
import { createSpur } from "../../src/spur.ts";
import { createLogger } from "../../src/logger.ts";
import { PrismaRosterSyncStore } from "../../src/store/roster-sync-store.ts";

/** 440 more people: with the seven of USERS, 447 — three pages of users.list at 200 a page. */
const CROWD: FakeUser[] = Array.from({ length: 440 }, (_, i) => ({
  id: `UCROWD${String(i).padStart(3, "0")}`,
  name: `crowd${i}`,
  real_name: `Crowd Person ${i}`,
}));
const EVERYONE = [...ALL_USERS, ...CROWD];

/** The private reply to one of `user`'s commands (its ack body, or its response_url post after the deadline). */
function ephemeralTo(h: Harness, user: string, contains: string) {
  return waitForCommandReply(h, user, contains);
}

describe("the roster sync", () => {
  let h: Harness;
  const clock = new TestClock(new Date("2026-11-20T10:00:00Z"));

  beforeAll(async () => {
    h = await startHarness({ users: EVERYONE, clock });
    await h.setRecognitionSettings({ allowancePoints: 100 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const listCalls = () => h.slack.callsTo("users.list");
  const members = (where: Record<string, unknown> = {}) => h.spur.db.member.findMany({ where: { ...where } });

  it("reads users.list in pages of 200, waits out a rate limit and goes on from the same page, and stores everyone once", async () => {
    // Slack rate-limits the second page once: the sync waits for its Retry-After and asks for that page again.
    h.slack.events.once("call", (call: { method: string }) => {
      if (call.method === "users.list") h.slack.failNext("users.list", { kind: "ratelimited", retryAfterSeconds: 1 });
    });
    const workspaceId = await syncRoster(h);

    expect(listCalls().map((c) => c.args.cursor)).toEqual([undefined, "page-200", "page-200", "page-400"]);
    for (const call of listCalls()) expect(String(call.args.limit)).toBe("200");
    expect(await h.spur.db.member.count()).toBe(EVERYONE.length);
    const run = await h.spur.db.rosterSync.findFirstOrThrow({ where: { workspaceId } });
    expect(run).toMatchObject({ day: "2026-11-20", status: "done", pages: 3, members: EVERYONE.length });

    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    expect(ana).toMatchObject({ displayName: "ana", handle: "ana", email: "ana@example.com", timeZone: "Europe/Lisbon", provisional: false });
    expect(await members({ isBot: true })).toEqual([expect.objectContaining({ platformUserId: USERS.bot.id })]);
    expect(await members({ isDeactivated: true })).toEqual([expect.objectContaining({ platformUserId: USERS.gone.id })]);
    expect((await members({ role: "admin" })).map((m) => m.platformUserId)).toEqual([USERS.admin.id]);
    // Nobody was looked up one by one.
    expect(h.slack.callsTo("users.info")).toEqual([]);
  });

  it("runs once a day: a second sync the same day reads nothing, the next day's refreshes everyone in place", async () => {
    await syncRoster(h);
    expect(listCalls()).toHaveLength(4);

    // Spur's own choices survive a refresh; Slack's facts are refreshed.
    const bo = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } });
    await h.spur.services.memberRepo.setRole(bo.id, "lead");
    h.slack.users.set(USERS.bo.id, { ...USERS.bo, display_name: "Bo the Brave" });

    clock.advance(24 * 3600_000);
    await h.spur.services.jobs.syncRoster({ platform: "slack", externalId: TEAM_ID });
    await h.slack.waitFor(async () => (await h.spur.db.rosterSync.count({ where: { day: "2026-11-21", status: "done" } })) === 1, 15_000);
    expect(listCalls()).toHaveLength(7);
    expect(await h.spur.db.member.count()).toBe(EVERYONE.length);
    expect(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.bo.id } })).toMatchObject({
      id: bo.id,
      displayName: "Bo the Brave",
      role: "lead",
    });
  });

  it("lets one process claim a workspace's day, and another take it over only once the lease ran out", async () => {
    const runs = new PrismaRosterSyncStore(h.spur.db);
    const { workspace } = await h.spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
    const now = new Date("2026-11-25T03:00:00Z");
    const claims = await Promise.all([1, 2, 3].map(() => runs.claim(workspace.id, "2026-11-25", 60_000, now)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(await runs.claim(workspace.id, "2026-11-25", 60_000, new Date(now.getTime() + 30_000))).toBeNull();
    const takeover = await runs.claim(workspace.id, "2026-11-25", 60_000, new Date(now.getTime() + 61_000));
    expect(takeover).not.toBeNull();
    // The first claim is no longer the syncing one; the day is done once, by the new claim.
    expect(await runs.progress(won[0]!.id, 10, new Date(now.getTime() + 120_000))).toBe(false);
    expect(await runs.progress(takeover!.id, 10, new Date(now.getTime() + 120_000))).toBe(true);
    await runs.finish(takeover!.id, now);
    expect(await runs.claim(workspace.id, "2026-11-25", 60_000, new Date(now.getTime() + 3_600_000))).toBeNull();
  });

  it("adds a person who joins (team_join) and applies profile changes (user_change) at once", async () => {
    const newcomer = { id: "UNEWCOMER", name: "nia", real_name: "Nia Novak", profile: { display_name: "Nia", email: "nia@example.com" }, tz: "Europe/Prague" };
    expect((await h.event({ type: "team_join", user: newcomer })).status).toBe(200);
    await h.slack.waitFor(() => h.spur.db.member.findFirst({ where: { platformUserId: "UNEWCOMER" } }));
    expect(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UNEWCOMER" } })).toMatchObject({
      displayName: "Nia",
      email: "nia@example.com",
      timeZone: "Europe/Prague",
      isDeactivated: false,
      provisional: false,
    });

    // A gift names her by her new name at once, with no look-up.
    await h.command("/kudos", `<@UNEWCOMER|nia> 1 welcome aboard`, { user: USERS.carl.id });
    await ephemeralTo(h, USERS.carl.id, "Kudos sent");
    expect(await h.spur.db.kudos.count({ where: { recipient: { platformUserId: "UNEWCOMER" } } })).toBe(1);

    await h.event({ type: "user_change", user: { ...newcomer, profile: { ...newcomer.profile, display_name: "Nia N." } } });
    await h.slack.waitFor(async () => (await h.spur.db.member.findFirst({ where: { platformUserId: "UNEWCOMER" } }))?.displayName === "Nia N.");

    // Deactivated in Slack: Spur refuses new kudos for her at once (the directory forgot its cached copy).
    await h.event({ type: "user_change", user: { ...newcomer, deleted: true } });
    await h.slack.waitFor(async () => (await h.spur.db.member.findFirst({ where: { platformUserId: "UNEWCOMER" } }))?.isDeactivated);
    await h.command("/kudos", `<@UNEWCOMER|nia> 1 one more`, { user: USERS.carl.id });
    await ephemeralTo(h, USERS.carl.id, "account is deactivated");
    expect(await h.spur.db.kudos.count({ where: { recipient: { platformUserId: "UNEWCOMER" } } })).toBe(1);
    expect(h.slack.callsTo("users.info")).toEqual([]);
  });

  it("drops a deactivated member from the leaderboard and the prompts, and keeps their kudos", async () => {
    await h.command("/kudos", `${esc(USERS.dee)} 5 took the whole queue`, { user: USERS.ana.id });
    await ephemeralTo(h, USERS.ana.id, "Kudos sent");
    const board = async (marker: string) => {
      await h.command("/leaderboard", "week", { user: USERS.carl.id, triggerId: marker });
      return h.slack.waitFor(() => commandReplies(h).filter((c) => c.args.user === USERS.carl.id && JSON.stringify(c.args).includes("Most recognised")).at(-1));
    };
    const before = await board("board-before");
    expect(JSON.stringify(before.args.blocks)).toContain(`<@${USERS.dee.id}>`);
    const dee = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.dee.id } });
    expect((await h.spur.services.prompts.recipients(dee.teamId!)).map((m) => m.id)).toContain(dee.id);
    const week = { start: new Date(clock.now().getTime() - 7 * 24 * 3600_000), end: new Date(clock.now().getTime() + 3600_000) };
    const digestWeek = () => h.spur.services.kudos.teamWeek(dee.teamId!, week, 10);
    expect((await digestWeek()).topRecipients.map((r) => r.memberId)).toContain(dee.id);
    const weekBefore = await digestWeek();

    const boards = h.commands.length;
    await h.event({ type: "user_change", user: { id: USERS.dee.id, name: "dee", real_name: "Dee Diaz", deleted: true } });
    await h.slack.waitFor(async () => (await h.spur.db.member.findUnique({ where: { id: dee.id } }))?.isDeactivated);
    await h.command("/leaderboard", "week", { user: USERS.carl.id, triggerId: "board-after" });
    const after = await h.slack.waitFor(() => commandReplies(h, boards).find((c) => c.args.user === USERS.carl.id));
    expect(JSON.stringify(after.args)).toContain("Most recognised");
    expect(JSON.stringify(after.args)).not.toContain(`<@${USERS.dee.id}>`);
    expect((await h.spur.services.prompts.recipients(dee.teamId!)).map((m) => m.id)).not.toContain(dee.id);
    // The digest's top list leaves them out; the team's week still counts what they received.
    const weekAfter = await digestWeek();
    expect(weekAfter.topRecipients.map((r) => r.memberId)).not.toContain(dee.id);
    expect(weekAfter.points).toBe(weekBefore.points);
    // History stays.
    expect(await h.spur.db.kudos.count({ where: { recipientId: dee.id } })).toBe(1);
  });
  it("does not bring back a member whose data an admin erased: not the next day's sync, not a profile event", async () => {
    const crowd = CROWD[7]!;
    const before = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: crowd.id } });
    await h.command("/spur", `forget <@${crowd.id}|${crowd.name}> confirm`, { user: USERS.admin.id });
    await h.slack.waitFor(async () => (await h.spur.db.member.findUnique({ where: { id: before.id } }))?.platformUserId !== crowd.id);
    const stored = await h.spur.db.erasedIdentity.findMany();
    expect(stored).toHaveLength(1);
    // Only a hash of the account is kept.
    expect(JSON.stringify(stored)).not.toContain(crowd.id);

    clock.advance(24 * 3600_000);
    const day = clock.now().toISOString().slice(0, 10);
    await h.spur.services.jobs.syncRoster({ platform: "slack", externalId: TEAM_ID });
    await h.slack.waitFor(async () => (await h.spur.db.rosterSync.count({ where: { day, status: "done" } })) === 1, 15_000);
    await h.event({ type: "user_change", user: { id: crowd.id, name: crowd.name, real_name: "Crowd Person Renamed" } });
    // The event is answered once it is handled (Slack gets its 200 after the listener): nothing was stored.
    const named = await h.spur.db.member.findMany({ where: { OR: [{ platformUserId: crowd.id }, { displayName: { contains: "Crowd Person 7" } }, { displayName: "Crowd Person Renamed" }] } });
    expect(named).toEqual([]);
    // Everyone else was refreshed as usual.
    expect(await h.spur.db.member.count({ where: { platformUserId: CROWD[8]!.id } })).toBe(1);
  });
});

describe("a gift to someone Spur has never seen", () => {
  let h: Harness;
  const slack = new FakeSlackApi([
    ...ALL_USERS,
    { id: "UNEWBIE", name: "ned", real_name: "Ned Newbie", display_name: "Ned" },
    { id: "UNEWGIVER", name: "gia", real_name: "Gia Giver", display_name: "Gia", locale: "zh-CN" },
  ]);

  beforeAll(async () => {
    // The web process alone: no background job runs until a worker starts below.
    h = await startHarness({ slack, workers: false });
    const { workspace, defaultTeam } = await h.spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
    await h.spur.services.memberRepo.upsertProfiles(workspace.id, defaultTeam.id, [
      { platformUserId: USERS.carl.id, displayName: "carl", handle: "carl", email: null, timeZone: null, isBot: false, isDeactivated: false, isWorkspaceAdmin: false },
    ]);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("takes a gift from a giver Spur has never met without looking them up first", async () => {
    // First in this file's web-only part: no worker has run a roster sync yet.
    const calls = slack.callsTo("users.info").length;
    const res = await h.command("/kudos", `${esc(USERS.carl)} 1 showed me the refund macro`, { user: "UNEWGIVER" });
    expect(res.status).toBe(200);
    // Spur has not read Gia's language yet: the first answer is in the workspace's.
    expect(String((await ephemeralTo(h, "UNEWGIVER", "Kudos sent")).args.text)).toContain("<@UCARL> got 1 point");
    expect(slack.callsTo("users.info")).toHaveLength(calls);
    const gia = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UNEWGIVER" } });
    expect(gia).toMatchObject({ provisional: true, role: "agent" });
    expect(await h.spur.db.kudos.count({ where: { giverId: gia.id } })).toBe(1);
    // Her profile (and language) is looked up in the background, queued with her member row (see the next test,
    // whose worker runs it).
    await slack.waitFor(() => readingQueuedFor(h, "UNEWGIVER"));
  });

  it("is stored with a provisional member and no users.info call on the request path, and shows the right name once resolved", async () => {
    const res = await h.command("/kudos", "<@UNEWBIE|ned> 2 fixed the printer", { user: USERS.carl.id });
    expect(res.status).toBe(200);
    const confirmation = await ephemeralTo(h, USERS.carl.id, "Kudos sent");
    // The reply names the recipient by chat id, so Slack shows the right person already.
    expect(String(confirmation.args.text)).toContain("<@UNEWBIE>");
    expect(slack.callsTo("users.info")).toEqual([]);
    const provisional = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UNEWBIE" } });
    expect(provisional).toMatchObject({ provisional: true, displayName: "UNEWBIE", role: "agent" });
    expect(await h.spur.db.kudos.count({ where: { recipientId: provisional.id } })).toBe(1);
    // Its look-up is queued durably (in the outbox, with the member) without the gift waiting for it.
    await slack.waitFor(() => readingQueuedFor(h, "UNEWBIE"));

    // A worker process fills the profile in (the queued look-up, or the roster sync it starts with).
    const worker = createSpur(h.config, { role: "worker", logger: createLogger("silent") });
    await worker.start();
    try {
      await slack.waitFor(async () => (await h.spur.db.member.findUnique({ where: { id: provisional.id } }))?.provisional === false, 15_000);
      await slack.waitFor(async () => (await h.spur.db.member.findFirst({ where: { platformUserId: "UNEWGIVER" } }))?.provisional === false, 15_000);
    } finally {
      await worker.stop();
    }
    expect(await h.spur.db.member.findUniqueOrThrow({ where: { id: provisional.id } })).toMatchObject({ displayName: "Ned", handle: "ned" });
    // The giver met in the test before is known now, her language too: she is answered in it.
    expect(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UNEWGIVER" } })).toMatchObject({ displayName: "Gia", locale: "zh-CN" });
    h.spur.services.members.invalidate(provisional.workspaceId, "UNEWGIVER");
    await h.command("/kudos", "balance", { user: "UNEWGIVER" });
    await ephemeralTo(h, "UNEWGIVER", "你今天还可以送出");
    expect(await h.spur.db.kudos.count({ where: { recipientId: provisional.id } })).toBe(1);

    // The leaderboard ranks him by name.
    h.spur.services.members.invalidate(provisional.workspaceId, "UNEWBIE");
    const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
    const board = await h.spur.services.ledger.leaderboard({
      workspaceId: provisional.workspaceId,
      teamId: defaultTeam.id,
      range: null,
      direction: "received",
      value: null,
      top: 10,
      callerId: provisional.id,
    });
    // (Carl is on it too: the new giver of the test before thanked him.)
    expect(board.rows.map((r) => r.platformUserId).sort()).toEqual(["UCARL", "UNEWBIE"]);
    expect(board.rows.find((r) => r.platformUserId === "UNEWBIE")).toMatchObject({ displayName: "Ned", points: 2 });
  });

  it("marks someone Slack does not know as departed once looked up, keeping the gift", async () => {
    await h.command("/kudos", "<@UNOBODY|nobody> 1 helped", { user: USERS.carl.id });
    await ephemeralTo(h, USERS.carl.id, "<@UNOBODY>");
    const worker = createSpur(h.config, { role: "worker", logger: createLogger("silent") });
    await worker.start();
    try {
      await slack.waitFor(async () => (await h.spur.db.member.findFirst({ where: { platformUserId: "UNOBODY" } }))?.isDeactivated, 15_000);
    } finally {
      await worker.stop();
    }
    expect(slack.callsTo("users.info").map((c) => c.args.user)).toContain("UNOBODY");
    expect(await h.spur.db.kudos.count({ where: { recipient: { platformUserId: "UNOBODY" } } })).toBe(1);
  });

});

/**
 * Whether the reading of this person's profile is queued: an outbox row written with their member, or the
 * resolve-member job this process's relay queued from it (no worker runs it yet).
 */
async function readingQueuedFor(h: Harness, platformUserId: string): Promise<boolean> {
  const rows = await h.spur.db.outboxMessage.findMany({ where: { topic: "member.resolve" } });
  if (rows.some((r) => (r.payload as { platformUserId?: string }).platformUserId === platformUserId)) return true;
  const jobs = await h.spur.queues.posts.getJobs(["waiting", "delayed", "prioritized"]);
  return jobs.some((j) => j.name === "resolve-member" && (j.data as { platformUserId?: string }).platformUserId === platformUserId);
}
