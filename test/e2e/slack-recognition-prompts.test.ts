import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECOGNITION_PROMPTS_JOB, recognitionPromptsSchedulerId } from "../../src/jobs/recognition-prompts.ts";
import { TestClock } from "../support/clock.ts";
import { commandReply } from "../support/command-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { blockAction } from "../support/slack-interactions.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Friday 20 November 2026 (ISO week 2026-W47).
const clock = new TestClock(new Date("2026-11-20T14:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

const prompts = (userId: string) => h.slack.dmsTo(userId).filter((m) => m.text.includes("Who helped you this week?"));

async function runPromptJob(teamId: string, jobId: string) {
  const job = await h.spur.queues.scheduled.add(RECOGNITION_PROMPTS_JOB, { teamId }, { jobId });
  await h.slack.waitFor(async () => (await job.getState()) === "completed");
  return (await h.spur.queues.scheduled.getJob(jobId))!.returnvalue;
}

describe("weekly recognition prompts", () => {
  let teamId = "";

  beforeAll(async () => {
    // Spur knows people once they have used it or been mentioned.
    await commandReply(h, USERS.admin.id, "/kudos", `${esc(USERS.ana)} ${esc(USERS.carl)} ${esc(USERS.dee)} welcome aboard`, "Kudos sent");
    await commandReply(h, USERS.bo.id, "/spur", "prompts off", "won't get the weekly");
    await commandReply(h, USERS.admin.id, "/kudos", `${esc(USERS.bo)} ok`, "Kudos sent");
    // Known but not to be prompted: a bot and a deactivated account.
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    teamId = team.id;
    const workspaceId = team.workspaceId;
    await h.spur.db.member.createMany({
      data: [
        { workspaceId, teamId, platformUserId: USERS.bot.id, displayName: "helpbot", isBot: true },
        { workspaceId, teamId, platformUserId: USERS.gone.id, displayName: "gone", isDeactivated: true },
      ],
    });
  });

  it("is scheduled per team in its time zone and moves when an admin changes it", async () => {
    const schedulers = () => h.spur.queues.scheduled.getJobSchedulers();
    const initial = (await schedulers()).find((s) => s.key === recognitionPromptsSchedulerId(teamId));
    expect(initial?.pattern).toBe("0 0 15 * * 5");
    await commandReply(h, USERS.admin.id, "/spur", "timezone Europe/Berlin", "Europe/Berlin");
    await commandReply(h, USERS.ana.id, "/spur", "prompts schedule thursday 16:30", "Only Spur admins");
    await commandReply(h, USERS.admin.id, "/spur", "prompts schedule thursday 16:30", "on Thursdays at 16:30 (Europe/Berlin)");
    const mine = (await schedulers()).filter((s) => s.key === recognitionPromptsSchedulerId(teamId));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.pattern).toBe("0 30 16 * * 4");
    expect(mine[0]?.tz).toBe("Europe/Berlin");
  });

  it("DMs every active member who has not opted out, once per week even when the job runs twice", async () => {
    // Two deliveries of the same week's run, processed concurrently.
    const [first, second] = await Promise.all([runPromptJob(teamId, "prompt-run-1"), runPromptJob(teamId, "prompt-run-2")]);
    expect(first.weekKey).toBe("2026-W47");
    expect(second.weekKey).toBe("2026-W47");
    expect(first.sent + second.sent).toBe(4);
    expect(first.skipped + second.skipped).toBe(4);
    for (const user of [USERS.admin, USERS.ana, USERS.carl, USERS.dee]) expect(prompts(user.id)).toHaveLength(1);
    for (const user of [USERS.bo, USERS.bot, USERS.gone]) expect(prompts(user.id)).toHaveLength(0);
    const blocks = JSON.stringify(prompts(USERS.ana.id)[0]!.blocks);
    expect(blocks).toContain("Give kudos");
    expect(blocks).toContain("Not this week");
    expect(await h.spur.db.recognitionPrompt.count({ where: { weekKey: "2026-W47" } })).toBe(4);
  });

  it("retries only the prompts that failed to send", async () => {
    clock.set("2026-11-27T15:00:00Z"); // week 2026-W48
    h.slack.failNext("chat.postMessage", { kind: "http", status: 503 });
    const job = await h.spur.queues.scheduled.add(RECOGNITION_PROMPTS_JOB, { teamId }, { jobId: "prompt-run-3", attempts: 3, backoff: { type: "fixed", delay: 10 } });
    await h.slack.waitFor(async () => (await job.getState()) === "completed");
    for (const user of [USERS.admin, USERS.ana, USERS.carl, USERS.dee]) expect(prompts(user.id)).toHaveLength(2);
    expect(await h.spur.db.recognitionPrompt.count({ where: { weekKey: "2026-W48", dmRef: { not: null } } })).toBe(4);
  });

  it("handles Not this week and Give kudos from the DM", async () => {
    const dismissUrl = h.slack.responseUrl("prompt-dismiss");
    await h.interact(blockAction({ user: USERS.ana.id, actionId: "prompt_dismiss", value: '{"week":"2026-W48"}', responseUrl: dismissUrl }));
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/prompt-dismiss")));
    expect(String(reply.body.text)).toContain("see you next week");
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    expect((await h.spur.db.recognitionPrompt.findFirstOrThrow({ where: { memberId: ana.id, weekKey: "2026-W48" } })).status).toBe("dismissed");

    const opened = h.slack.callsTo("views.open").length;
    await h.interact(blockAction({ user: USERS.carl.id, actionId: "prompt_kudos", value: '{"week":"2026-W48"}', responseUrl: h.slack.responseUrl("prompt-kudos") }));
    const form = await h.slack.waitFor(() => h.slack.callsTo("views.open")[opened]);
    expect((form.args.view as { callback_id?: string }).callback_id).toBe("give_kudos");

    // Where the form cannot open (e.g. an expired trigger), the button explains /kudos instead.
    h.slack.failNext("views.open", { kind: "error", error: "expired_trigger_id" });
    await h.interact(blockAction({ user: USERS.carl.id, actionId: "prompt_kudos", value: '{"week":"2026-W48"}', responseUrl: h.slack.responseUrl("prompt-kudos") }));
    const kudos = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/prompt-kudos")));
    expect(String(kudos.body.text)).toContain("/kudos @teammate");

    await h.interact(blockAction({ user: USERS.carl.id, actionId: "prompt_dismiss", value: '{"week":"not-a-week"}', responseUrl: h.slack.responseUrl("prompt-bad") }));
    const bad = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path.endsWith("/prompt-bad")));
    expect(String(bad.body.text)).toContain("couldn't read that click");
  });

  it("lets a member opt back in, and an admin turn prompts off for the team", async () => {
    await commandReply(h, USERS.bo.id, "/spur", "prompts on", "prompt again");
    clock.set("2026-12-04T15:00:00Z"); // week 2026-W49
    expect(await runPromptJob(teamId, "prompt-run-4")).toMatchObject({ weekKey: "2026-W49", sent: 5 });
    expect(prompts(USERS.bo.id)).toHaveLength(1);

    await commandReply(h, USERS.admin.id, "/spur", "prompts team off", "are off for Default team");
    expect((await h.spur.queues.scheduled.getJobSchedulers()).some((s) => s.key === recognitionPromptsSchedulerId(teamId))).toBe(false);
    clock.set("2026-12-11T15:00:00Z");
    expect(await runPromptJob(teamId, "prompt-run-5")).toEqual({ status: "skipped", reason: "disabled" });
  });

  it("answers in the workspace's language", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      await commandReply(h, USERS.bo.id, "/spur", "prompts off", "你将不再收到每周的“这周谁帮了你？”提醒。用 `/spur prompts on` 可以重新开启。");
      await commandReply(h, USERS.bo.id, "/spur", "prompts on", "你将重新收到每周的“这周谁帮了你？”提醒。");
      // Members whose Slack language Spur doesn't know get their prompt in the workspace's language too.
      expect((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } })).locale).toBeNull();
      await commandReply(h, USERS.admin.id, "/spur", "prompts team on", "Default team 将在每周四 16:30");
      clock.set("2026-12-17T16:00:00Z"); // week 2026-W51
      expect(await runPromptJob(teamId, "prompt-run-zh")).toMatchObject({ weekKey: "2026-W51" });
      const dms = h.slack.dmsTo(USERS.ana.id);
      expect(dms[dms.length - 1]?.text).toContain("这周谁帮了你？");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});
