import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reaction } from "../support/recognition-payloads.ts";
import { syncRoster } from "../support/roster.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;
const message = { channel: "CSUPPORT", ts: "1763800000.000100" };

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  // Known from the workspace's roster, as after an install: a reaction on the bot's message is refused.
  await syncRoster(h);
  await h.setRecognitionSettings({ emojiPoints: { star: 1, tada: 3 }, companyValues: ["ownership"] });
  h.slack.addMessage(message.channel, { ts: message.ts, text: "Refunded the Acme order &amp; called them back #ownership", user: USERS.ana.id });
});
afterAll(async () => {
  await h?.stop();
});

const rows = () => h.spur.db.kudos.findMany({ include: { recipient: true, giver: true }, orderBy: { createdAt: "asc" } });
const live = async () => (await rows()).filter((r) => r.revokedAt === null);

describe("reaction kudos", () => {
  it("gives the message author kudos, with the message as reason and a permalink", async () => {
    const res = await h.event(reaction("reaction_added", USERS.bo.id, USERS.ana.id, message), { eventId: "EvADD1" });
    expect(res.status).toBe(200);
    await h.slack.waitFor(async () => (await live()).length === 1);
    const [row] = await live();
    expect(row?.recipient.platformUserId).toBe(USERS.ana.id);
    expect(row?.giver?.platformUserId).toBe(USERS.bo.id);
    expect(row?.points).toBe(1);
    expect(row?.source).toBe("reaction");
    expect(row?.reason).toBe("Refunded the Acme order & called them back #ownership");
    expect(row?.values).toEqual(["ownership"]);
    expect(row?.sourceRef).toBe("https://spur-test.slack.com/archives/CSUPPORT/p1763800000000100");
    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("Refunded the Acme order"));
    expect(shoutout.args.channel).toBe("CSUPPORT");
  });

  it("counts a redelivered event (same event id) and a duplicate reaction event (new id) once", async () => {
    await h.event(reaction("reaction_added", USERS.bo.id, USERS.ana.id, message), { eventId: "EvADD1", retryNum: 1 });
    await h.event(reaction("reaction_added", USERS.bo.id, USERS.ana.id, message), { eventId: "EvADD1-dup" });
    await h.slack.waitFor(async () => (await h.spur.db.processedEvent.count({ where: { eventId: "EvADD1-dup" } })) === 1);
    expect(await live()).toHaveLength(1);
  });

  it("uses the configured points of each kudos emoji, and ignores other emoji", async () => {
    await h.event(reaction("reaction_added", USERS.carl.id, USERS.ana.id, message, "tada"), { eventId: "EvTADA" });
    await h.event(reaction("reaction_added", USERS.carl.id, USERS.ana.id, message, "thumbsup"), { eventId: "EvTHUMB" });
    await h.slack.waitFor(async () => (await live()).length === 2);
    expect((await live()).at(-1)?.points).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(await live()).toHaveLength(2);
  });

  it("takes the kudos back when the reaction is removed, and gives again if it is re-added", async () => {
    await h.event(reaction("reaction_removed", USERS.bo.id, USERS.ana.id, message), { eventId: "EvREMOVE1" });
    await h.slack.waitFor(async () => (await live()).length === 1);
    const revoked = (await rows()).filter((r) => r.revokedAt !== null);
    expect(revoked).toHaveLength(1);
    expect(revoked[0]?.giver?.platformUserId).toBe(USERS.bo.id);
    // A redelivered removal changes nothing more.
    await h.event(reaction("reaction_removed", USERS.bo.id, USERS.ana.id, message), { eventId: "EvREMOVE1", retryNum: 1 });
    await h.event(reaction("reaction_added", USERS.bo.id, USERS.ana.id, message), { eventId: "EvADD2" });
    await h.slack.waitFor(async () => (await live()).length === 2);
    expect((await rows()).length).toBe(3);
  });

  it("refuses a reaction on your own message or a bot's, privately", async () => {
    await h.event(reaction("reaction_added", USERS.ana.id, USERS.ana.id, message), { eventId: "EvSELF" });
    const self = await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.ana.id && String(a.text).includes("yourself"));
    expect(self.args.channel).toBe("CSUPPORT");
    expect(String(self.args.text)).toContain("Your :star: didn't give kudos: You can't give kudos to yourself");
    await h.event(reaction("reaction_added", USERS.dee.id, USERS.bot.id, message), { eventId: "EvBOT" });
    await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.dee.id && String(a.text).includes("is a bot"));
    expect(await live()).toHaveLength(2);
  });

  it("reads the reason of a reply in a thread", async () => {
    const reply = { channel: "CSUPPORT", ts: "1763800000.000900" };
    h.slack.addMessage(reply.channel, { ts: reply.ts, text: "Answered the thread about SSO", user: USERS.carl.id, threadTs: message.ts });
    await h.event(reaction("reaction_added", USERS.dee.id, USERS.carl.id, reply), { eventId: "EvTHREAD" });
    await h.slack.waitFor(async () => (await live()).some((r) => r.reason === "Answered the thread about SSO"));
  });

  it("answers an event once its gift is stored; a failed delivery gets a 500, and Slack's retries give it once", async () => {
    const note = { channel: "CSUPPORT", ts: "1763800000.000950" };
    h.slack.addMessage(note.channel, { ts: note.ts, text: "Covered the night shift", user: USERS.bo.id });
    const gifts = () => h.spur.db.kudos.count({ where: { reason: "Covered the night shift" } });
    const event = reaction("reaction_added", USERS.carl.id, USERS.bo.id, note);

    // Spur could not read the message: nothing is stored and Slack is told to deliver the event again.
    h.slack.failNext("conversations.history", { kind: "error", error: "internal_error" });
    expect((await h.event(event, { eventId: "EvRETRY" })).status).toBe(500);
    expect(await gifts()).toBe(0);
    expect(await h.spur.db.processedEvent.count({ where: { eventId: "EvRETRY" } })).toBe(0);

    // The retry's 200 comes after the gift is stored; a further retry of the same event adds nothing.
    expect((await h.event(event, { eventId: "EvRETRY", retryNum: 1 })).status).toBe(200);
    expect(await gifts()).toBe(1);
    expect((await h.event(event, { eventId: "EvRETRY", retryNum: 2 })).status).toBe(200);
    expect(await gifts()).toBe(1);
    await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("Covered the night shift"));
    expect(h.slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes("Covered the night shift"))).toHaveLength(1);
  });

  it("tells a zh-CN member in Chinese why their reaction gave no kudos", async () => {
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    await h.spur.services.memberRepo.setLocale(ana.id, "zh-CN");
    h.spur.services.members.invalidate(ana.workspaceId, USERS.ana.id);
    await h.event(reaction("reaction_added", USERS.ana.id, USERS.ana.id, message, "tada"), { eventId: "EvSELF-ZH" });
    const self = await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.ana.id && String(a.text).includes("没有送出点赞"));
    expect(String(self.args.text)).toBe("你的 :tada: 没有送出点赞：不能给自己点赞 —— 来自同事的认可才最有意义。");
  });

  it("never copies a private channel's or a DM's message (text or link) into the public recognition channel", async () => {
    await h.setRecognitionSettings({ recognitionChannelId: "CWINS" });
    h.slack.privateChannels.add("CLEADS");
    const secret = { channel: "CLEADS", ts: "1763800000.001100" };
    h.slack.addMessage(secret.channel, { ts: secret.ts, text: "Between us: Acme is about to churn #ownership", user: USERS.carl.id });
    const dm = { channel: "DCARLANA", ts: "1763800000.001200" };
    h.slack.addMessage(dm.channel, { ts: dm.ts, text: "My salary review is on Friday", user: USERS.carl.id });
    const since = new Date();
    await h.event(reaction("reaction_added", USERS.bo.id, USERS.carl.id, secret), { eventId: "EvPRIVATE" });
    await h.event(reaction("reaction_added", USERS.ana.id, USERS.carl.id, dm), { eventId: "EvDM" });

    // The kudos are given, for "their message", with no link.
    const given = await h.slack.waitFor(async () => {
      const rows = (await live()).filter((r) => r.createdAt >= since);
      return rows.length === 2 ? rows : undefined;
    });
    for (const row of given) {
      expect(row.recipient.platformUserId).toBe(USERS.carl.id);
      expect(row.reason).toBe("their message");
      expect(row.values).toEqual([]);
      expect(row.sourceRef).toBeNull();
    }
    const shoutouts = await h.slack.waitFor(() => {
      const posts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "CWINS");
      return posts.length === 2 ? posts : undefined;
    });
    expect(JSON.stringify(shoutouts.map((c) => c.args))).not.toMatch(/churn|salary|CLEADS|DCARLANA/);
    // Neither message was even read.
    expect(h.slack.callsTo("conversations.history").filter((c) => c.args.channel === "CLEADS" || c.args.channel === "DCARLANA")).toHaveLength(0);
  });

  it("leaves no kudos when Slack delivers a removal before the reaction it removes; a later re-add counts", async () => {
    const note = { channel: "CSUPPORT", ts: "1763800000.001300" };
    h.slack.addMessage(note.channel, { ts: note.ts, text: "Rewrote the refund macro", user: USERS.dee.id });
    const gifts = () => h.spur.db.kudos.findMany({ where: { reason: "Rewrote the refund macro" } });
    const at = (offsetSeconds: number) => `${Math.floor(Date.now() / 1000) + offsetSeconds}.000200`;
    const added = { ...reaction("reaction_added", USERS.carl.id, USERS.dee.id, note), event_ts: at(-10) };
    const removed = { ...reaction("reaction_removed", USERS.carl.id, USERS.dee.id, note), event_ts: at(-5) };

    expect((await h.event(removed, { eventId: "EvLATE-REMOVE" })).status).toBe(200);
    expect((await h.event(added, { eventId: "EvLATE-ADD" })).status).toBe(200);
    expect(await h.spur.db.processedEvent.count({ where: { eventId: "EvLATE-ADD" } })).toBe(1);
    expect((await gifts()).filter((g) => g.revokedAt === null)).toHaveLength(0);

    // Carl reacts again afterwards: that one is a new reaction.
    const again = { ...reaction("reaction_added", USERS.carl.id, USERS.dee.id, note), event_ts: at(0) };
    expect((await h.event(again, { eventId: "EvLATE-READD" })).status).toBe(200);
    expect((await gifts()).filter((g) => g.revokedAt === null)).toHaveLength(1);
  });
});
