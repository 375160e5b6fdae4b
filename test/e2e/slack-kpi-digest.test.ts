import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD_DIGEST_JOB } from "../../src/jobs/lead-digest.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/render/trend-chart-png.ts";
import { TestClock } from "../support/clock.ts";
import { pngSize } from "../support/png.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { fixture, zendeskHeaders } from "../support/helpdesk-signing.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Wednesday of ISO week 2026-W47 (16–22 Nov), UTC.
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const say = (user: string, command: string, text: string, expectText: string) => ephemeralReply(h, user, command, text, expectText);

type Seed = { who: string; metric: string; date: string; value: number; numerator?: number; denominator?: number };
async function seed(rows: Seed[]) {
  const ids = new Map((await h.spur.db.member.findMany()).map((m) => [m.platformUserId, m.id]));
  await h.spur.db.kpiRecord.createMany({
    data: rows.map((r, i) => ({
      memberId: ids.get(r.who)!,
      metric: r.metric,
      periodDate: new Date(r.date),
      value: r.value,
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      source: "test",
      ref: `r${i}`,
    })),
  });
}
const csat = (who: string, date: string, numerator: number, denominator: number): Seed => ({
  who,
  metric: "csat",
  date,
  value: (numerator * 100) / denominator,
  numerator,
  denominator,
});
const frt = (who: string, date: string, ...minutes: number[]): Seed[] => minutes.map((value) => ({ who, metric: "first_response_time", date, value }));

async function runDigest(teamId: string) {
  const job = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId });
  await h.slack.waitFor(async () => (await job.getState()) === "completed");
  return (await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue as { status: string; periodKey: string };
}
const digestPosts = () =>
  h.slack.callsTo("chat.postMessage").filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === "spur_weekly_digest");

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  for (const user of [USERS.ana, USERS.bo, USERS.dee]) await say(user.id, "/scorecard", "", "Your scorecard");
  await say(USERS.admin.id, "/spur", "channel <#CTEAM|support-team>", "now go to <#CTEAM>");
  await say(USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "carl is now a lead");
  await say(USERS.carl.id, "/spur", "targets set csat 80 weight 2 period week", "CSAT");
  await say(USERS.carl.id, "/spur", "targets set first_response_time 30 period week min 3", "First response time");
  await say(USERS.admin.id, "/spur", "helpdesk zendesk zendesk-secret", "zendesk connected");

  // Week 2026-W46: CSAT 14/20 + 7/10 = 70% of an 80% target; first response median 30 min (Bo alone: 2 < 3 tickets).
  // Week 2026-W47: CSAT 18/20 + 5/9 + the rated ticket below (1/1) = 24/30 = 80%; first response times
  // 20, 40, 30 (Ana), 60, 60 and the rated ticket's 12 (Bo): median (30 + 40) ÷ 2 = 35 min.
  await seed([
    csat("UANA", "2026-11-10", 14, 20),
    csat("UBO", "2026-11-10", 7, 10),
    ...frt("UANA", "2026-11-10", 30, 30, 30),
    ...frt("UBO", "2026-11-11", 30, 30),
    csat("UANA", "2026-11-16", 18, 20),
    csat("UBO", "2026-11-16", 5, 9),
    ...frt("UANA", "2026-11-16", 20, 40, 30),
    ...frt("UBO", "2026-11-16", 60, 60),
  ]);
  const rated = fixture("zendesk-trigger-rated.json");
  const res = await h.request(`/webhooks/zendesk?workspace=${(await h.spur.db.workspace.findFirstOrThrow()).id}`, {
    method: "POST",
    body: rated,
    headers: zendeskHeaders("zendesk-secret", rated, "2026-11-18T11:59:30Z"),
  });
  expect(res.status).toBe(200);

  await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 2 ran the launch #ownership`, "Kudos sent");
  await say(USERS.dee.id, "/kudos", `${esc(USERS.ana)} 1 great macro #craft`, "Kudos sent");
  await say(USERS.carl.id, "/feedback", `request ${esc(USERS.ana)} from ${esc(USERS.bo)} ${esc(USERS.dee)} due 2026-11-25`, "I'm asking");
  const asked = await h.spur.db.feedbackRecipient.findFirstOrThrow({ where: { peer: { platformUserId: USERS.bo.id } } });
  await h.spur.db.feedbackRecipient.update({ where: { id: asked.id }, data: { status: "answered" } });
  // Rows take the database's clock; the request belongs to the test clock's week.
  await h.spur.db.feedbackRequest.updateMany({ data: { createdAt: clock.now() } });
  clock.set("2026-11-23T09:00:00Z"); // the Monday after week 2026-W47
});
afterAll(async () => {
  await h?.stop();
});

describe("weekly KPI digest on Slack", () => {
  it("posts the team's KPIs against targets with last week's trend, the composite, movers, customer voice and participation", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    expect(await runDigest(team.id)).toMatchObject({ status: "posted", periodKey: "2026-W47" });
    const [post] = digestPosts();
    const blocks = post!.args.blocks as { type: string; text?: { text: string } }[];
    const body = JSON.stringify(blocks);
    expect(blocks.length).toBeLessThanOrEqual(50);

    // Team: (2×100% CSAT + 1×(30 ÷ 35) first response) ÷ 3 = 95.2%; last week (2×87.5% + 1×100%) ÷ 3 = 91.7%.
    expect(body).toContain("*Team composite: 95.2%* ▲ +3.6 pts vs last week");
    expect(body).toContain("• *CSAT*: 80% · target 80% · on target ✓ · ▲ from 70% (better)");
    expect(body).toContain("• *First response time*: 35 min · target 30 min · 85.7% of target · ▲ from 30 min (worse)");
    expect(body).toContain("Composite = (2×100% CSAT + 1×85.7% First response time) ÷ 3 = 95.2%");

    // Ana rose 100 − 91.7 = +8.3; Bo fell from 87.5 (CSAT only) to (2×75% + 1×50%) ÷ 3 = 66.7: counted, not named.
    expect(body).toContain("⬆️ <@UANA> +8.3 pts (now 100%)");
    expect(body).toContain("1 agent's composite fell this week (names go to leads only).");
    expect(body).not.toMatch(/<@UBO>[^"]*pts/);
    expect(body).not.toContain("66.7");

    expect(body).toContain("*2 kudos* worth *3 points* from 2 people");
    expect(body).toContain("🥇 <@UANA> — 3 points (2 kudos)");
    expect(body).toContain("#ownership ×1");
    expect(body).toContain("*From our customers*\\n“Bo fixed it in minutes, thank you!” — for <@UBO> via zendesk");
    expect(body).toContain("Feedback: 1 feedback request: 1 of 2 peers answered · no recognition prompts");
    for (const block of blocks) expect((block.text?.text ?? "").length).toBeLessThanOrEqual(3000);

    // The chart in the digest's thread is the KPI trend (its data is unit-tested): a PNG of the chart's size.
    const message = h.slack.messages.find((m) => m.channel === "CTEAM" && m.metadata?.event_type === "spur_weekly_digest");
    const chart = await h.slack.waitFor(() => [...h.slack.files.values()].find((f) => f.threadTs === message?.ts && f.bytes));
    expect(chart.title).toBe("Default team — KPIs, % of target, last 8 weeks");
    expect(await pngSize(chart.bytes!)).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });

  it("DMs the team's lead a private digest with every agent's numbers, once per lead and week", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    const dm = await h.slack.waitFor(() => h.slack.dmsTo(USERS.carl.id).find((m) => m.text.startsWith("Lead digest")));
    const body = JSON.stringify(dm.blocks);
    expect(dm.text).toBe("Lead digest — Default team, week 2026-W47 (16 Nov – 22 Nov 2026)");
    expect(body).toContain("Team composite: 95.2%.");
    // Agents only (not the lead or the admin), highest composite first; Bo's first response time has 2 + 1 tickets this week.
    expect(body).toContain("• <@UANA> — *100% (▲ +8.3 pts vs last week)* · CSAT 90% (100%) · First response time 30 min (100%) · 2 kudos");
    expect(body).toContain("• <@UBO> — *66.7% (▼ −20.8 pts vs last week)* · CSAT 60% (75%) · First response time 60 min (50%) · 1 kudos");
    expect(body).toContain("• <@UDEE> — *no score* · CSAT n/a · First response time n/a · 0 kudos");
    expect(body).toMatch(/UANA.*UBO.*UDEE/);
    expect(body).toContain("*Under target*\\n• <@UBO>: First response time 60 min (50%), CSAT 60% (75%)");
    // Bo's customer kudos counts as recognition.
    expect(body).toContain("*No recognition this week*\\n<@UDEE> — who could thank them for something specific?");
    expect(body).toContain("*Pending feedback requests*\\n• <@UANA> — 1 of 2 answered, due Wed 25 Nov");

    // Nothing individual reaches the channel: the lead digest is a DM, and the public post has no agent's score.
    expect(h.slack.messages.filter((m) => m.channel === "CTEAM" && m.text.startsWith("Lead digest"))).toEqual([]);
    // The run is recorded just after Slack accepted the DM.
    const run = await h.slack.waitFor(async () => {
      const row = await h.spur.db.digestRun.findFirst({ where: { teamId: team.id, kind: "lead_digest" } });
      return row?.status === "posted" ? row : undefined;
    });
    expect(run).toMatchObject({ periodKey: "2026-W47:UCARL", status: "posted", channelId: "DUCARL" });

    // Running the team digest again, or the lead digest job itself, sends nothing twice; a new lead gets theirs.
    expect(await runDigest(team.id)).toMatchObject({ status: "already_done" });
    const again = await h.spur.queues.scheduled.add(LEAD_DIGEST_JOB, { teamId: team.id, periodKey: "2026-W47" });
    await h.slack.waitFor(async () => (await again.getState()) === "completed");
    expect((await h.spur.queues.scheduled.getJob(again.id!))?.returnvalue).toMatchObject({ sent: 0, alreadySent: 1 });
    // A worker that died after Slack accepted the DM but before recording it: Spur asks for no im:history, so
    // it never reads the DM's history (the fake Slack API refuses it with missing_scope, as Slack does); the
    // takeover sends the digest again and records that one.
    await h.spur.db.digestRun.update({ where: { id: run.id }, data: { status: "posting", leaseUntil: new Date("2026-11-23T08:00:00Z"), messageRef: null } });
    const recovery = await h.spur.queues.scheduled.add(LEAD_DIGEST_JOB, { teamId: team.id, periodKey: "2026-W47" });
    await h.slack.waitFor(async () => (await recovery.getState()) === "completed");
    expect((await h.spur.queues.scheduled.getJob(recovery.id!))?.returnvalue).toMatchObject({ sent: 1, alreadySent: 0, failed: [] });
    expect(h.slack.callsTo("conversations.history").filter((c) => String(c.args.channel).startsWith("D"))).toEqual([]);
    const resent = h.slack.dmsTo(USERS.carl.id).filter((m) => m.text.startsWith("Lead digest"));
    expect(resent).toHaveLength(2);
    expect(await h.spur.db.digestRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "posted", messageRef: resent[1]!.ts });
    await say(USERS.admin.id, "/spur", `role ${esc(USERS.dee)} lead`, "dee is now a lead");
    // Dee's DM is rate limited at first: the retry takes the run over and sends it, without reading the DM.
    h.slack.failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 1 });
    const third = await h.spur.queues.scheduled.add(LEAD_DIGEST_JOB, { teamId: team.id, periodKey: "2026-W47" });
    await h.slack.waitFor(async () => (await third.getState()) === "completed", 10_000);
    expect((await h.spur.queues.scheduled.getJob(third.id!))?.returnvalue).toMatchObject({ sent: 1, alreadySent: 1, failed: [] });
    expect(await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id, kind: "lead_digest", periodKey: "2026-W47:UDEE" } })).toMatchObject({
      status: "posted",
      attempts: 2,
    });
    expect(h.slack.dmsTo(USERS.carl.id).filter((m) => m.text.startsWith("Lead digest"))).toHaveLength(2);
    const deeDigest = h.slack.dmsTo(USERS.dee.id).filter((m) => m.text.startsWith("Lead digest"));
    expect(deeDigest).toHaveLength(1);
    expect(JSON.stringify(deeDigest[0]!.blocks)).not.toContain("<@UDEE> —");
    await say(USERS.admin.id, "/spur", `role ${esc(USERS.dee)} agent`, "dee is now a");

    // `/spur status` lists the team's own posts, and the week's lead digests as one line.
    const status = String((await say(USERS.admin.id, "/spur", "status", "Scheduled posts for Default team")).args.text);
    expect(status).toContain("• weekly digest 2026-W47: posted 2026-11-23 09:00 UTC");
    expect(status).toContain("• lead digests 2026-W47: 2 sent");
    expect(status).not.toContain("lead digest 2026-W47:");
  });

  it("sends the leads of a team without a channel their digest, though the team gets no public post", async () => {
    const { workspaceId } = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    const nights = await h.spur.db.team.create({ data: { workspaceId, name: "Nights", timeZone: "UTC" } });
    await h.spur.db.member.createMany({
      data: [
        { workspaceId, teamId: nights.id, platformUserId: "UNIGHTLEAD", displayName: "Night Lead", role: "lead" },
        { workspaceId, teamId: nights.id, platformUserId: "UNIGHTAGENT", displayName: "Night Agent" },
      ],
    });
    // Made lead the way `/spur role` does it: a lead who leads no team yet leads their own.
    await h.spur.services.memberRepo.setRole((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UNIGHTLEAD" } })).id, "lead");
    expect(await runDigest(nights.id)).toEqual({ status: "skipped", reason: "no_channel", periodKey: "2026-W47" });
    const dm = await h.slack.waitFor(() => h.slack.dmsTo("UNIGHTLEAD").find((m) => m.text.startsWith("Lead digest")));
    expect(dm.text).toBe("Lead digest — Nights, week 2026-W47 (16 Nov – 22 Nov 2026)");
    expect(JSON.stringify(dm.blocks)).toContain("<@UNIGHTAGENT> — *no score*");
    const runs = await h.slack.waitFor(async () => {
      const rows = await h.spur.db.digestRun.findMany({ where: { teamId: nights.id } });
      return rows.length > 0 && rows.every((r) => r.status === "posted") ? rows : undefined;
    });
    expect(runs.map((r) => [r.kind, r.periodKey])).toEqual([["lead_digest", "2026-W47:UNIGHTLEAD"]]);
    expect(h.slack.messages.filter((m) => m.text.includes("Nights") && !m.channel.startsWith("D"))).toEqual([]);
  });

  it("names falling agents only once a lead opts in, and only leads and admins can choose", async () => {
    await say(USERS.bo.id, "/spur", "digest movers named", "Only the team's leads and admins");
    await say(USERS.carl.id, "/spur", "digest movers sometimes", "Usage: `/spur digest movers named|private`");
    await say(USERS.carl.id, "/spur", "digest movers named", "now names every top mover");
    const preview = await say(USERS.carl.id, "/spur", "digest preview", "Weekly digest");
    const body = JSON.stringify(preview.args.blocks);
    expect(body).toContain("⬇️ <@UBO> −20.8 pts (now 66.7%)");
    expect(body).not.toContain("agent's composite fell");
    await say(USERS.carl.id, "/spur", "digest movers private", "falls are counted without names");
    const again = JSON.stringify((await say(USERS.carl.id, "/spur", "digest preview", "Weekly digest")).args.blocks);
    expect(again).not.toContain("<@UBO> −");
    expect(again).toContain("1 agent's composite fell");
  });
});
