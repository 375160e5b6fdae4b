// Each team's BullMQ job schedulers, one per job kind, against real Redis and PostgreSQL: created at boot,
// moved together when the team's settings change, removed with the team, and swept when the team vanished.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDispatch } from "../../src/app/services.ts";
import { bullmqDispatch, upsertAllSchedulers } from "../../src/jobs/dispatch.ts";
import { localTimeRepeatStrategy } from "../../src/jobs/local-time-repeat.ts";
import { createQueues, type SpurQueues } from "../../src/jobs/queues.ts";
import { removeTeamSchedulers } from "../../src/jobs/team-schedulers.ts";
import { PrismaRecognitionPromptStore } from "../../src/store/recognition-prompt-store.ts";
import { PrismaWorkspaceStore } from "../../src/store/workspace-store.ts";
import { TestClock } from "../support/clock.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let redis: Redis;
let queues: SpurQueues;
let workspaces: PrismaWorkspaceStore;
let prompts: PrismaRecognitionPromptStore;
let jobs: JobDispatch;
const prefix = uniquePrefix();

beforeAll(async () => {
  store = await openTestStore();
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  queues = createQueues({ connection: redis, prefix });
  workspaces = new PrismaWorkspaceStore(store.db);
  prompts = new PrismaRecognitionPromptStore(store.db);
  jobs = bullmqDispatch(queues, { clock: new TestClock(new Date("2026-11-20T10:00:00Z")), prompts, teamPosts: workspaces });
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await store?.close();
  await deleteKeysWithPrefix(prefix);
});

async function schedulers() {
  const all = await queues.scheduled.getJobSchedulers(0, -1, true);
  return new Map(all.map((s) => [s.key, { pattern: s.pattern, tz: s.tz, name: s.name }]));
}

function idsOf(teamId: string) {
  return [`weekly-digest-${teamId}`, `weekly-leaderboard-${teamId}`, `monthly-awards-${teamId}`, `recognition-prompts-${teamId}`];
}

describe("team job schedulers", () => {
  it("are created per team and job kind at boot, moved together, removed with the team and swept when orphaned", async () => {
    const a = (await seedTeam(store.db, 0, "T-A")).team;
    const b = (await seedTeam(store.db, 0, "T-B")).team;
    const c = (await seedTeam(store.db, 0, "T-C")).team;
    await queues.scheduled.upsertJobScheduler("unrelated-maintenance", { every: 3_600_000 }, { name: "maintenance" });
    expect([...(await schedulers()).keys()]).toEqual(["unrelated-maintenance"]);

    // Boot: every team gets one scheduler per kind, at its digest time in its time zone (Monday 09:00 by default).
    expect(await upsertAllSchedulers(queues, workspaces, { prompts, teamPosts: workspaces })).toEqual({ teams: 3, removed: [] });
    let now = await schedulers();
    // One per team and kind, the unrelated one, and the daily roster sync of every workspace (not a team's).
    expect(now.size).toBe(2 + 3 * 4);
    expect(now.get("roster-sync-daily")).toEqual({ pattern: "15 2 * * *", tz: "UTC", name: "roster-sync-daily" });
    for (const team of [a, b, c]) for (const id of idsOf(team.id)) expect(now.has(id)).toBe(true);
    expect(now.get(`weekly-digest-${a.id}`)).toEqual({ pattern: "0 0 9 * * 1", tz: "Europe/Berlin", name: "weekly-digest" });
    expect(now.get(`weekly-leaderboard-${a.id}`)).toEqual({ pattern: "0 0 9 * * 1", tz: "Europe/Berlin", name: "weekly-leaderboard" });
    expect(now.get(`monthly-awards-${a.id}`)).toEqual({ pattern: "0 0 9 1-3 * *", tz: "Europe/Berlin", name: "monthly-awards" });

    // A time zone and day change moves all of team A's schedules, and only A's.
    const moved = await workspaces.updateTeam(a.id, { timeZone: "America/New_York", digestDay: 3, digestMinuteOfDay: 7 * 60 + 45 });
    await jobs.syncTeamSchedules(moved);
    now = await schedulers();
    expect(now.size).toBe(2 + 3 * 4);
    expect(now.get(`weekly-digest-${a.id}`)).toMatchObject({ pattern: "0 45 7 * * 3", tz: "America/New_York" });
    expect(now.get(`weekly-leaderboard-${a.id}`)).toMatchObject({ pattern: "0 45 7 * * 3", tz: "America/New_York" });
    expect(now.get(`monthly-awards-${a.id}`)).toMatchObject({ pattern: "0 45 7 1-3 * *", tz: "America/New_York" });
    expect(now.get(`recognition-prompts-${a.id}`)?.tz).toBe("America/New_York");
    expect(now.get(`weekly-digest-${b.id}`)).toMatchObject({ pattern: "0 0 9 * * 1", tz: "Europe/Berlin" });

    // Turning the leaderboard post off removes just that scheduler; turning it on brings it back.
    await workspaces.setLeaderboardMode(b.id, "off");
    await jobs.syncTeamSchedules(b);
    expect((await schedulers()).has(`weekly-leaderboard-${b.id}`)).toBe(false);
    await workspaces.setLeaderboardMode(b.id, "both");
    await jobs.syncTeamSchedules(b);
    expect((await schedulers()).has(`weekly-leaderboard-${b.id}`)).toBe(true);

    // Deleting team A (what `npm run team:remove` does) removes all of its schedulers.
    expect(await workspaces.removeTeam(a.id)).toBe(true);
    await removeTeamSchedulers(queues.scheduled, a.id);
    now = await schedulers();
    for (const id of idsOf(a.id)) expect(now.has(id)).toBe(false);
    expect(now.size).toBe(2 + 2 * 4);

    // Team C disappears behind Spur's back (its row deleted directly): the next boot sweeps its schedulers.
    await store.db.team.delete({ where: { id: c.id } });
    const boot = await upsertAllSchedulers(queues, workspaces, { prompts, teamPosts: workspaces });
    expect(boot.teams).toBe(1);
    expect(boot.removed.sort()).toEqual(idsOf(c.id).sort());
    now = await schedulers();
    expect([...now.keys()].sort()).toEqual(["roster-sync-daily", "unrelated-maintenance", ...idsOf(b.id)].sort());
  });

  it("compute their next firing with Spur's local-time repeat strategy (see digest-schedule-dst.test.ts)", async () => {
    for (const queue of [queues.scheduled, queues.posts]) expect(queue.opts.settings?.repeatStrategy).toBe(localTimeRepeatStrategy);
    const before = Date.now();
    await queues.scheduled.upsertJobScheduler("dst-probe", { pattern: "0 30 2 * * 0", tz: "Australia/Sydney" }, { name: "probe" });
    const next = (await queues.scheduled.getJobScheduler("dst-probe"))?.next;
    expect(next).toBe(await localTimeRepeatStrategy(before, { pattern: "0 30 2 * * 0", tz: "Australia/Sydney" }));
    await queues.scheduled.removeJobScheduler("dst-probe");
  });
});
