// Teams counterpart of slack-recognition-prompts.test.ts: the weekly "Who helped you this week?" card, sent
// proactively to each member's personal chat by the same job and core as Slack's DMs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECOGNITION_PROMPTS_JOB, recognitionPromptsSchedulerId } from "../../src/jobs/recognition-prompts.ts";
import { TestClock } from "../support/clock.ts";
import { type FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;
let chat: TeamsChat;
let teamId = "";
// Friday 20 November 2026 (ISO week 2026-W47).
const clock = new TestClock(new Date("2026-11-20T14:00:00Z"));
const chatOf = (user: { id: string }) => (user.id === ana.id ? `a:personal-${user.id}` : `a:created-${user.id}`);
const prompts = (user: { id: string }) => connector.sentTo(chatOf(user)).filter((s) => textOf(s).includes("Who helped you this week?"));

beforeAll(async () => {
  t = await startTeams({ clock, known: [ana, bo, dee], personal: [ana] });
  ({ h, connector, chat } = t);
  const team = await h.spur.db.team.findFirstOrThrow({ where: { workspace: { platform: "teams" }, isDefault: true } });
  teamId = team.id;
  // Known but not to be prompted: a bot, a deactivated account, and Dee, who opted out.
  await h.spur.db.member.createMany({
    data: [
      { workspaceId: team.workspaceId, teamId, platformUserId: "28:helper-bot", displayName: "Helpdesk Bot", isBot: true },
      { workspaceId: team.workspaceId, teamId, platformUserId: "29:gone", displayName: "Gone", isDeactivated: true },
    ],
  });
  const deeId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: dee.id } })).id;
  await h.spur.services.prompts.setOptedOut(deeId, true);
});
afterAll(async () => {
  await t?.stop();
});

async function runPromptJob(jobId: string, options: { attempts?: number } = {}) {
  const job = await h.spur.queues.scheduled.add(RECOGNITION_PROMPTS_JOB, { teamId }, { jobId, ...(options.attempts ? { attempts: options.attempts, backoff: { type: "fixed", delay: 10 } } : {}) });
  await connector.waitFor(async () => (await job.getState()) === "completed", 10_000);
  return (await h.spur.queues.scheduled.getJob(jobId))!.returnvalue;
}

describe("Teams: weekly recognition prompts", () => {
  it("is scheduled for the Teams team in its time zone", async () => {
    const scheduler = (await h.spur.queues.scheduled.getJobSchedulers()).find((s) => s.key === recognitionPromptsSchedulerId(teamId));
    expect(scheduler?.pattern).toBe("0 0 15 * * 5");
  });

  it("sends every active member who has not opted out a card in their personal chat, once per week even when the job runs twice", async () => {
    const [first, second] = await Promise.all([runPromptJob("prompt-run-1"), runPromptJob("prompt-run-2")]);
    expect(first.weekKey).toBe("2026-W47");
    expect(first.sent + second.sent).toBe(3);
    expect(first.skipped + second.skipped).toBe(3);
    for (const user of [ana, bo, carl]) expect(prompts(user)).toHaveLength(1);
    expect(prompts(dee)).toHaveLength(0);
    expect(connector.createdChats.map((c) => c.userId).sort()).toEqual([bo.id, carl.id]);
    const card = prompts(ana)[0]!;
    expect(card.replyToId).toBeUndefined();
    expect(executeActions(card.activity.attachments).map((a) => [a.title, a.verb, a.data.week])).toEqual([
      ["Give kudos", "prompt.kudos", "2026-W47"],
      ["Not this week", "prompt.dismiss", "2026-W47"],
    ]);
    expect(textOf(card)).toContain("Prefer not to get this? `admin prompts off`.");
    expect(await h.spur.db.recognitionPrompt.count({ where: { weekKey: "2026-W47", dmRef: { not: null } } })).toBe(3);
  });

  it("retries only the prompts that failed to send", async () => {
    clock.set("2026-11-27T15:00:00Z"); // week 2026-W48
    connector.failNextSend({ status: 503, conversationId: chatOf(bo) });
    await runPromptJob("prompt-run-3", { attempts: 3 });
    for (const user of [ana, bo, carl]) expect(prompts(user)).toHaveLength(2);
    expect(await h.spur.db.recognitionPrompt.count({ where: { weekKey: "2026-W48", dmRef: { not: null } } })).toBe(3);
  });

  it("handles Not this week and Give kudos from the card", async () => {
    const dismissed = await chat.click(ana, "prompt.dismiss", { week: "2026-W48" });
    expect(dismissed.text).toContain("see you next week");
    const anaId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } })).id;
    expect((await h.spur.db.recognitionPrompt.findFirstOrThrow({ where: { memberId: anaId, weekKey: "2026-W48" } })).status).toBe("dismissed");

    const form = await chat.click(carl, "prompt.kudos", { week: "2026-W48" });
    expect(form.text).toContain("Who helped you this week?");
    expect(form.inputs).toEqual(["recipients", "points", "reason"]);
    const send = executeActions(form.value).find((a) => a.verb === "kudos.submit")!;
    const given = await chat.click(carl, "kudos.submit", { ...send.data, recipients: bo.id, points: "1", reason: "covered the late shift" });
    expect(given.text).toContain("Kudos sent! Bo Berg got 1 point.");
    expect(await h.spur.db.kudos.count({ where: { reason: "covered the late shift" } })).toBe(1);

    const bad = await chat.click(carl, "prompt.dismiss", { week: "not-a-week" });
    expect(bad.text).toContain("couldn't read that click");
  });

  it("lets a member turn their prompt off and on with `admin prompts off|on`", async () => {
    const off = textOf(await chat.say(bo, ["admin prompts off"]));
    expect(off).toContain("✅ You won't get the weekly");
    expect(off).toContain("`admin prompts on` brings it back");
    clock.set("2026-12-04T15:00:00Z"); // week 2026-W49
    expect(await runPromptJob("prompt-run-4")).toMatchObject({ weekKey: "2026-W49", sent: 2 });
    expect(prompts(bo)).toHaveLength(2);
    for (const user of [ana, carl]) expect(prompts(user)).toHaveLength(3);

    await chat.say(bo, ["admin prompts on"], "You'll get the weekly \"Who helped you this week?\" prompt again.");
    clock.set("2026-12-11T15:00:00Z"); // week 2026-W50
    expect(await runPromptJob("prompt-run-5")).toMatchObject({ weekKey: "2026-W50", sent: 3 });
    expect(prompts(bo)).toHaveLength(3);
  });

  it("lets an admin move the team's prompt or turn it off, and explains the usage", async () => {
    const scheduler = async () => (await h.spur.queues.scheduled.getJobSchedulers()).find((s) => s.key === recognitionPromptsSchedulerId(teamId));
    await chat.say(ana, ["admin prompts schedule thursday 16:30"], "Only Spur admins");
    expect((await scheduler())?.pattern).toBe("0 0 15 * * 5");
    await chat.say(carl, ["admin prompts schedule thursday 16:30"], 'Default team gets "Who helped you this week?" on Thursdays at 16:30 (UTC).');
    expect((await scheduler())?.pattern).toBe("0 30 16 * * 4");
    await chat.say(carl, ["admin prompts schedule someday 25:00"], "`admin prompts schedule friday 15:00`");
    await chat.say(carl, ["admin prompts"], "`admin prompts team off`");

    await chat.say(carl, ["admin prompts team off"], "Weekly recognition prompts are off for Default team.");
    expect(await scheduler()).toBeUndefined();
    clock.set("2026-12-18T15:00:00Z");
    expect(await runPromptJob("prompt-run-6")).toEqual({ status: "skipped", reason: "disabled" });
    await chat.say(carl, ["admin prompts team on"], "on Thursdays at 16:30 (UTC)");
    expect((await scheduler())?.pattern).toBe("0 30 16 * * 4");
  });

  it("answers in the workspace's language, the prompt card too", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      await chat.say(carl, ["admin prompts schedule friday 15:00"], "Default team 将在每周五 15:00（UTC）收到“这周谁帮了你？”提醒。");
      const dismissed = await chat.click(ana, "prompt.dismiss", { week: "2026-W51" });
      expect(dismissed.text).toContain("没问题 —— 下周见。");
      // A member whose Teams language Spur doesn't know gets the prompt in the workspace's language too.
      expect((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: carl.id } })).locale).toBeNull();
      clock.set("2026-12-25T15:00:00Z"); // week 2026-W52
      expect(await runPromptJob("prompt-run-zh")).toMatchObject({ weekKey: "2026-W52" });
      const sent = connector.sentTo(chatOf(carl));
      expect(textOf(sent[sent.length - 1]!)).toContain("这周谁帮了你？");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});
