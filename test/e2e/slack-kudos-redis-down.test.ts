// Redis stopped while kudos are given: every giver is confirmed at once, every gift is stored once (a
// redelivered request too), nothing is posted while Redis is away, and when it is back every shoutout and
// every recipient's note goes out exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, PrivateRedis } from "../support/private-redis.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let redis: PrivateRedis;

beforeAll(async () => {
  redis = new PrivateRedis(await freePort());
  await redis.start();
  h = await startHarness({ users: ALL_USERS, env: { REDIS_URL: redis.url }, shutdownGraceMs: 3_000 });
  await h.setRecognitionSettings({ allowancePoints: 100 });
});
afterAll(async () => {
  await redis?.start().catch(() => undefined);
  await h?.stop();
  await redis?.stop();
});

const shoutoutsOf = (reason: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "CSUPPORT" && String(c.args.text).includes(reason));
/** A recipient's note is a message to the member ("… gave you 2 points!"). */
const notesTo = (user: { id: string }, text: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user.id && String(c.args.text).includes(text));
/** The private reply to one of `user`'s commands from the `since`-th on (its ack body, or its response_url post). */
const confirmationTo = (user: { id: string }, since: number, text = "Kudos sent") => waitForCommandReply(h, user.id, text, since);

describe("kudos while Redis is down", { timeout: 90_000 }, () => {
  it("confirms and stores each gift once, and posts its shoutout and notes once Redis is back", async () => {
    // Spur knows the workspace before Redis goes away (creating a team syncs its schedules in Redis).
    expect((await h.command("/kudos", "balance", { user: USERS.bo.id })).status).toBe(200);
    await waitForCommandReply(h, USERS.bo.id);

    await redis.stop();
    await h.slack.waitFor(async () => (await fetch(`${h.baseUrl}/readyz`)).status === 503);

    const since = h.commands.length;
    const first = await h.command("/kudos", `${esc(USERS.ana)} 2 kept the queue moving`, { user: USERS.bo.id, channel: "CSUPPORT", triggerId: "down-1" });
    expect(first.status).toBe(200);
    expect(String((await confirmationTo(USERS.bo, since)).args.text)).toContain("<@UANA> got 2 points");
    // Slack delivers the same request again: it is the same gift.
    const sinceRetry = h.commands.length;
    const retried = await h.command("/kudos", `${esc(USERS.ana)} 2 kept the queue moving`, { user: USERS.bo.id, channel: "CSUPPORT", triggerId: "down-1" });
    expect(retried.status).toBe(200);
    await confirmationTo(USERS.bo, sinceRetry, "were already recorded");
    const sinceSecond = h.commands.length;
    const second = await h.command("/kudos", `${esc(USERS.bo)} 1 answered the night tickets`, { user: USERS.carl.id, channel: "CSUPPORT", triggerId: "down-2" });
    expect(second.status).toBe(200);
    await confirmationTo(USERS.carl, sinceSecond);

    expect(await h.spur.db.kudos.count({ where: { reason: "kept the queue moving" } })).toBe(1);
    expect(await h.spur.db.kudos.count({ where: { reason: "answered the night tickets" } })).toBe(1);
    // Both gifts' follow-ups wait in the outbox, with the readings of the profiles of the members met for the
    // first time; nothing was posted.
    const waiting = await h.spur.db.outboxMessage.findMany();
    expect(waiting.filter((r) => r.topic.startsWith("gift.")).map((r) => r.topic).sort()).toEqual(["gift.notify_recipients", "gift.notify_recipients", "gift.shoutout", "gift.shoutout"]);
    const readings = waiting.filter((r) => r.topic === "member.resolve").map((r) => (r.payload as { platformUserId: string }).platformUserId);
    expect(readings.sort()).toEqual(["UANA", "UCARL"]);
    expect(shoutoutsOf("kept the queue moving")).toHaveLength(0);
    expect(notesTo(USERS.ana, "gave you")).toHaveLength(0);
    // The relay tried and says why it could not hand them over.
    await h.slack.waitFor(async () => (await h.spur.db.outboxMessage.findMany()).every((r) => r.attempts > 0 && r.lastError !== null));

    await redis.start();
    await h.slack.waitFor(
      () =>
        shoutoutsOf("kept the queue moving").length > 0 &&
        shoutoutsOf("answered the night tickets").length > 0 &&
        notesTo(USERS.ana, "<@UBO> gave you 2 points").length > 0 &&
        notesTo(USERS.bo, "<@UCARL> gave you 1 point").length > 0,
      30_000,
    );
    // Everything relayed and every job done: nothing more can be posted.
    await h.slack.waitFor(async () => {
      const counts = await h.spur.queues.posts.getJobCounts("waiting", "active", "delayed", "prioritized");
      return (await h.spur.db.outboxMessage.count()) === 0 && Object.values(counts).every((n) => n === 0);
    }, 15_000);
    expect(shoutoutsOf("kept the queue moving")).toHaveLength(1);
    expect(shoutoutsOf("answered the night tickets")).toHaveLength(1);
    expect(notesTo(USERS.ana, "<@UBO> gave you 2 points")).toHaveLength(1);
    expect(notesTo(USERS.bo, "<@UCARL> gave you 1 point")).toHaveLength(1);
    expect(await h.spur.db.kudos.count({ where: { reason: "kept the queue moving" } })).toBe(1);

    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toContain('spur_outbox_relayed_total{topic="gift.shoutout"} 2');
    expect(metrics).toMatch(/spur_outbox_failed_total\{topic="gift.shoutout"\} [1-9]/);
    expect(metrics).toContain("spur_outbox_backlog 0");
  });
});
