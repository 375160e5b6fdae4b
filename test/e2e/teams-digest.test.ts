import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD_DIGEST_JOB } from "../../src/jobs/lead-digest.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/render/trend-chart-png.ts";
import { TestClock } from "../support/clock.ts";
import { pngSize } from "../support/png.ts";
import { dejaVuOnlyTitleInk, inkDifference, inked, titleInk } from "../support/chart-glyphs.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, installationUpdate, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
const clock = new TestClock(new Date("2026-11-17T10:00:00Z"));

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string) {
  const activity = message(from, parts, { serviceUrl: connector.url });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
}

async function runDigestJobs(teamId: string, times: number, periodKey?: string) {
  const jobs: Job[] = [];
  for (let i = 0; i < times; i++) jobs.push(await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId, ...(periodKey ? { periodKey } : {}) }));
  await connector.waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === "completed"), 15_000);
  return Promise.all(jobs.map(async (j) => (await h.spur.queues.scheduled.getJob(j.id!))?.returnvalue as { status: string }));
}

const PUBLIC_URL = "https://spur.example.test";
const digestPosts = () => connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Weekly digest"));

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock, env: { PUBLIC_URL: PUBLIC_URL } });
  await h.teams(botAddedToTeam(connector.url));
  await say(carl, ["kudos ", ana, " ", bo, " 2 ran the launch #ownership"], "Kudos sent");
  await say(bo, ["kudos ", ana, " 3 took over my queue #teamwork"], "Kudos sent");
  // Dee writes in the channel (so Spur knows her in the team) but never talks to Spur privately.
  await say(dee, ["kudos balance"], "You can still give");
  // Shoutouts are posted by jobs: let them finish before tests inject failures into the connector.
  await connector.waitFor(async () => (await h.spur.db.kudos.findMany()).every((k) => k.shoutoutRef !== null));
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe("Teams: weekly digest", () => {
  it("is delivered proactively to the team's channel once, even when the job runs twice", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    clock.set("2026-11-23T15:30:00Z"); // the Monday after week 2026-W47
    const results = await runDigestJobs(team.id, 2);
    expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);

    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.conversationId).toBe(GENERAL);
    expect(post.replyToId).toBeUndefined();
    const body = textOf(post);
    expect(body).toContain("2026-W47");
    expect(body).toContain("**3 kudos** worth **7 points** from 2 people");
    expect(body).toContain("🥇 Ana Alves — 5 points (2 kudos)");
    expect(body).toContain("🥈 Bo Berg — 2 points (1 kudos)");
    expect(body).toContain("#ownership ×2");

    // The trend chart: an Image Teams fetches from Spur under PUBLIC_URL, a PNG of the chart's size.
    const attachments = post.activity.attachments as { content: { body: { type: string; url?: string; altText?: string }[] } }[];
    const image = attachments[0]?.content.body.find((e) => e.type === "Image");
    expect(image?.altText).toBe("Default team — recognition, last 8 weeks");
    expect(image?.url).toMatch(/^https:\/\/spur\.example\.test\/charts\/[0-9a-f-]{36}\.png$/);
    const res = await fetch(`${h.baseUrl}${new URL(image!.url!).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(await pngSize(Buffer.from(await res.arrayBuffer()))).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect((await fetch(`${h.baseUrl}/charts/00000000-0000-0000-0000-000000000000.png`)).status).toBe(404);

    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id, periodKey: "2026-W47" } });
    expect(run).toMatchObject({ status: "posted", channelId: GENERAL, messageRef: post.id });
  });

  it("finds the post a crashed worker made but never recorded, instead of posting again", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    // The post went out and was remembered by the notifier; the run row still says "posting" with an expired lease.
    await h.spur.db.digestRun.update({
      where: { teamId_kind_periodKey: { teamId: team.id, kind: "weekly_digest", periodKey: "2026-W47" } },
      data: { status: "posting", leaseUntil: new Date("2026-11-23T15:31:00Z"), messageRef: null },
    });
    clock.set("2026-11-23T16:00:00Z");
    const [result] = await runDigestJobs(team.id, 1, "2026-W47");
    expect(result).toMatchObject({ status: "posted", recovered: true });
    expect(digestPosts()).toHaveLength(1);
  });

  it("retries when Teams keeps answering 429 and posts once", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    // More 429s than the Bot Connector client retries by itself: the job is delayed by Retry-After and retried.
    connector.failNextSend({ status: 429, retryAfterSeconds: 0 }, 6);
    const before = digestPosts().length;
    const [result] = await runDigestJobs(team.id, 1, "2026-W46");
    expect(result?.status).toBe("posted");
    expect(digestPosts().length).toBe(before + 1);
    expect(connector.pendingFailures()).toBe(0);
  });

  it("marks the channel inactive and fails the run for good when Teams answers 403 (bot removed)", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    connector.failNextSend({ status: 403 });
    const [result] = await runDigestJobs(team.id, 1, "2026-W45");
    expect(result).toMatchObject({ status: "failed" });
    const conversation = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: GENERAL } });
    expect(conversation.active).toBe(false);
    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id, periodKey: "2026-W45" } });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("no longer in conversation");

    // Re-adding Spur to the team makes the channel active again.
    await h.teams(botAddedToTeam(connector.url));
    expect((await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: GENERAL } })).active).toBe(true);
  });
  it("sends the lead a private digest in their personal chat with Spur, once per lead and week", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    await h.spur.services.memberRepo.setRole((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } })).id, "lead");
    await say(carl, ["admin digest movers named"], "now names every top mover");
    expect(await h.spur.db.teamDigestSettings.findUniqueOrThrow({ where: { teamId: team.id } })).toMatchObject({ nameAllMovers: true });
    expect((await h.teams(installationUpdate("add", connector.url, "personal", bo))).status).toBe(200);
    const personal = `a:personal-${bo.id}`;

    const runLeadDigest = async () => {
      const job = await h.spur.queues.scheduled.add(LEAD_DIGEST_JOB, { teamId: team.id, periodKey: "2026-W47" });
      await connector.waitFor(async () => (await job.getState()) === "completed");
      return (await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue as { sent: number; alreadySent: number };
    };
    expect(await runLeadDigest()).toMatchObject({ sent: 1, alreadySent: 0 });
    expect(await runLeadDigest()).toMatchObject({ sent: 0, alreadySent: 1 });

    const dms = connector.sentTo(personal).filter((s) => textOf(s).includes("Lead digest"));
    expect(dms).toHaveLength(1);
    const body = textOf(dms[0]!);
    expect(body).toContain("Lead digest — Default team, week 2026-W47");
    expect(body).toContain("• Ana Alves — **no score** · 2 kudos");
    expect(body).not.toContain("• Bo Berg —"); // leads and admins are not among the agents
    expect(body).toContain("Pending feedback requests");
    expect(connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Lead digest"))).toEqual([]);
    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: team.id, kind: "lead_digest" } });
    expect(run).toMatchObject({ periodKey: `2026-W47:${bo.id}`, status: "posted", channelId: personal });
  });

  it("opens a personal chat for a lead who never talked to Spur, and sends the digest there once", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    await h.spur.services.memberRepo.setRole((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: dee.id } })).id, "lead");
    expect(await h.spur.db.teamsConversation.count({ where: { conversationType: "personal", reference: { path: ["user", "id"], equals: dee.id } } })).toBe(0);
    const runLeadDigest = async () => {
      const job = await h.spur.queues.scheduled.add(LEAD_DIGEST_JOB, { teamId: team.id, periodKey: "2026-W46" });
      await connector.waitFor(async () => (await job.getState()) === "completed");
      return (await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue as { sent: number; alreadySent: number; failed: unknown[] };
    };
    const chatsBefore = connector.createdChats.length;
    expect(await runLeadDigest()).toMatchObject({ sent: 2, alreadySent: 0, failed: [] });
    expect(await runLeadDigest()).toMatchObject({ sent: 0, alreadySent: 2, failed: [] });

    const opened = `a:created-${dee.id}`;
    // Only Dee's chat is opened by the runs: Bo's own chat is used.
    expect(connector.createdChats.slice(chatsBefore)).toEqual([{ conversationId: opened, userId: dee.id, tenantId: "tenant-1" }]);
    const dms = connector.sentTo(opened).filter((s) => textOf(s).includes("Lead digest"));
    expect(dms).toHaveLength(1);
    expect(dms[0]!.replyToId).toBeUndefined();
    expect(textOf(dms[0]!)).toContain("Lead digest — Default team, week 2026-W46");
    const run = await h.spur.db.digestRun.findUniqueOrThrow({
      where: { teamId_kind_periodKey: { teamId: team.id, kind: "lead_digest", periodKey: `2026-W46:${dee.id}` } },
    });
    expect(run).toMatchObject({ status: "posted", channelId: opened, messageRef: dms[0]!.id });
    // The chat is remembered: later posts to Dee reuse it.
    expect(await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: opened } })).toMatchObject({ conversationType: "personal", active: true });
  });
});

describe("Teams: weekly digest in the workspace's language", () => {
  it("posts a zh-CN workspace's digest and chart in Chinese", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    await h.spur.db.workspace.update({ where: { id: team.workspaceId }, data: { locale: "zh-CN" } });
    clock.set("2026-12-07T15:30:00Z"); // the Monday after week 2026-W49
    expect((await runDigestJobs(team.id, 1)).map((r) => r.status)).toEqual(["posted"]);

    const post = connector.sentTo(GENERAL).find((s) => textOf(s).includes("周报 — Default team，2026-W49"));
    expect(post).toBeDefined();
    const body = textOf(post!);
    expect(body).toContain("本周还没有点赞。谁帮过你？试试 `kudos @teammate what they did`。");
    expect(body).toContain("反馈：没有反馈请求 · 没有点赞提醒");
    expect(body).not.toMatch(/Weekly digest|kudos this week|Feedback:/);

    const attachments = post!.activity.attachments as { content: { body: { type: string; url?: string; altText?: string }[] } }[];
    const image = attachments[0]?.content.body.find((e) => e.type === "Image");
    expect(image?.altText).toBe("Default team — 认可情况，近 8 周");
    const res = await fetch(`${h.baseUrl}${new URL(image!.url!).pathname}`);
    expect(res.status).toBe(200);
    // The title is drawn in Chinese glyphs: neither DejaVu's .notdef boxes nor the English title.
    const ink = titleInk(Buffer.from(await res.arrayBuffer()));
    expect(inked(ink)).toBeGreaterThan(800);
    expect(inkDifference(ink, dejaVuOnlyTitleInk(image!.altText!))).toBeGreaterThan(0.5);
    expect(inkDifference(ink, dejaVuOnlyTitleInk("Default team — recognition, last 8 weeks"))).toBeGreaterThan(0.5);
  });
});
