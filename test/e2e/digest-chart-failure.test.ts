// A digest whose chart fails to draw still goes out, on Slack and on Teams, once and without the chart; the
// failure is logged. (Charts are drawn while the post waits for its budget: a failed drawing must not fail
// the post that did not wait for it.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import type { ChartRenderer } from "../../src/render/chart-renderer.ts";
import { FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, TEAMS_ROSTER } from "../support/teams-activities.ts";

/** Draws nothing: every chart fails, as a chart whose thread died would. */
const failingCharts = (): ChartRenderer & { asked: number } => {
  const renderer = {
    asked: 0,
    threads: 0,
    render: () => {
      renderer.asked++;
      return Promise.reject(new Error("chart drawing failed"));
    },
    close: async () => undefined,
  };
  return renderer;
};

async function runDigest(h: Harness, teamId: string): Promise<unknown> {
  const job = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId });
  for (let i = 0; i < 300 && (await job.getState()) !== "completed"; i++) await new Promise((r) => setTimeout(r, 50));
  return (await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue;
}

const warnings = (h: Harness, msg: string) => h.logs.filter((l) => l.msg === msg);

describe("Slack: a digest whose chart fails to draw", () => {
  let h: Harness;
  const charts = failingCharts();
  beforeAll(async () => {
    h = await startHarness({ captureLogs: true, chartRenderer: charts });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("is posted once, without a chart in its thread, and the failure is logged", async () => {
    const { defaultTeam } = await h.spur.services.workspaces.ensure("slack", "TCHART", { teamTimeZone: "UTC" });
    await h.spur.services.workspaces.updateTeam(defaultTeam.id, { channelId: "CCHART" });
    expect(await runDigest(h, defaultTeam.id)).toMatchObject({ status: "posted" });
    const posts = h.slack.messages.filter((m) => m.channel === "CCHART" && m.metadata?.event_type === "spur_weekly_digest");
    expect(posts).toHaveLength(1);
    expect(charts.asked).toBe(1);
    expect(h.slack.callsTo("files.getUploadURLExternal")).toHaveLength(0);
    expect([...h.slack.files.values()]).toHaveLength(0);
    const run = await h.spur.db.digestRun.findFirstOrThrow({ where: { teamId: defaultTeam.id } });
    expect(run).toMatchObject({ status: "posted", messageRef: posts[0]!.ts });
    await h.slack.waitFor(() => warnings(h, "digest chart upload failed").length === 1);
    expect(warnings(h, "digest chart upload failed")[0]).toMatchObject({ err: { message: "chart drawing failed" } });
  });
});

describe("Teams: a digest whose chart fails to draw", () => {
  let h: Harness;
  let connector: FakeBotConnector;
  const charts = failingCharts();
  beforeAll(async () => {
    connector = await new FakeBotConnector(TEAMS_ROSTER).start();
    h = await startHarness({ teams: true, captureLogs: true, chartRenderer: charts, env: { PUBLIC_URL: "https://spur.example.test" } });
    await h.teams(botAddedToTeam(connector.url));
  });
  afterAll(async () => {
    await h?.stop();
    await connector?.stop();
  });

  it("is posted once, as a card without the chart's image, nothing stored, and the failure is logged", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    expect(await runDigest(h, team.id)).toMatchObject({ status: "posted" });
    const posts = connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Weekly digest"));
    expect(posts).toHaveLength(1);
    expect(charts.asked).toBe(1);
    const attachments = posts[0]!.activity.attachments as { content: { body: { type: string }[] } }[];
    expect(attachments[0]?.content.body.some((e) => e.type === "Image")).toBe(false);
    expect(await h.spur.db.digestChart.count()).toBe(0);
    expect(warnings(h, "digest chart publishing failed")).toHaveLength(1);
    expect(warnings(h, "digest chart publishing failed")[0]).toMatchObject({ err: { message: "chart drawing failed" } });
  });
});
