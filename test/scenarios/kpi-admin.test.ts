// KPI administration on both platforms, held to the same words: targets set, listed and removed (leads for
// their own team, admins), an agent refused; an API token refused to a non-admin; a helpdesk connected, its
// secret confidential (Teams runs it only in a personal chat and stores nothing sent elsewhere).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

const FORMULA = "Composite = Σ(weight × min(attainment, 100%)) ÷ Σweight; lower-is-better KPIs use target ÷ value.";

describe.each(PLATFORMS)("KPI administration on %s", (platform) => {
  let s: Surface;
  const targets = () => s.h.spur.db.kpiTarget.findMany({ orderBy: { metric: "asc" } });

  beforeAll(async () => {
    s = await startSurface(platform);
    // Carl is a Spur admin on both platforms; Bo becomes the team's lead.
    expect((await s.say(carl, "spur", ["role ", bo, " lead"])).text).toContain("Bo Berg is now a lead");
  });
  afterAll(() => s?.stop());

  it("sets targets for a lead and an admin, with the same list on both", async () => {
    const set = await s.say(bo, "spur", ["targets set csat 90 weight 2"]);
    expect(set.text).toBe(
      ["✅ Saved.", "KPI targets for Default team", "• CSAT (csat, higher is better): 90% per month · weight 2 (100% of the composite) · min 5 CSAT responses", FORMULA].join("\n"),
    );
    await s.say(carl, "spur", ["targets set first_response_time 30 period week min 3"]);
    const list = await s.say(ana, "spur", ["targets"]);
    expect(list.text).toBe(
      [
        "KPI targets for Default team",
        "• CSAT (csat, higher is better): 90% per month · weight 2 (67% of the composite) · min 5 CSAT responses",
        "• First response time (first_response_time, lower is better): 30 min per week · weight 1 (33% of the composite) · min 3 tickets",
        FORMULA,
      ].join("\n"),
    );
  });

  it("refuses an agent's change and a KPI it does not know, changing nothing", async () => {
    expect((await s.say(dee, "spur", ["targets set csat 80"])).text).toBe("⚠️ Only leads (for their own team) and admins can change KPI targets.");
    expect((await s.say(bo, "spur", ["targets set speed 1"])).text).toBe(
      '⚠️ "speed" is not a KPI. Use one of csat, csat_score, first_response_time, resolution_time, resolution_rate, fcr, reopen_rate, qa_score, churn_saves, training_participation, tickets_handled, kudos_received, or peer_feedback.',
    );
    expect((await targets()).map((t) => [t.metric, t.target, t.weight])).toEqual([
      ["csat", 90, 2],
      ["first_response_time", 30, 1],
    ]);
  });

  it("removes a target, and says so when there is none", async () => {
    expect((await s.say(bo, "spur", ["targets remove csat"])).text).toBe("✅ Removed the csat target of Default team.");
    expect((await s.say(bo, "spur", ["targets remove csat"])).text).toBe("Default team had no csat target.");
    expect((await targets()).map((t) => t.metric)).toEqual(["first_response_time"]);
  });

  it("refuses an API token to a non-admin, in a personal chat too", async () => {
    const refused = await s.say(bo, "spur", ["api-token nightly export"], "personal");
    expect(refused.text).toBe("⚠️ Only Spur admins can change settings. Ask a workspace admin.");
    expect(await s.h.spur.db.apiToken.count()).toBe(0);
  });

  it("connects a helpdesk in a personal chat; on Teams a secret sent in a channel is refused and not stored", async () => {
    const secrets = () => s.h.spur.db.helpdeskIntegration.findMany({ where: { workspaceId: s.workspaceId } });
    const connected = `✅ zendesk connected. Point its webhook at https://<your Spur host>/webhooks/zendesk?workspace=${s.workspaceId}.`;
    const inChannel = await s.say(carl, "spur", ["helpdesk zendesk first-secret"]);
    if (platform === "teams") {
      expect(inChannel.text).toBe(
        "⚠️ A helpdesk's signing secret must stay secret: send it to me in a personal chat with Spur, where only you can see it (admin helpdesk zendesk <secret>).",
      );
      expect(await secrets()).toEqual([]);
    } else {
      // Slack's slash command and its ephemeral reply are private already.
      expect(inChannel.text).toBe(connected);
    }
    expect((await s.say(carl, "spur", ["helpdesk zendesk second-secret"], "personal")).text).toBe(connected);
    // Stored encrypted: no plaintext in the row, the secret read back through the store.
    expect((await secrets()).map((x) => x.provider)).toEqual(["zendesk"]);
    expect(JSON.stringify(await secrets())).not.toContain("second-secret");
    expect(await s.h.spur.services.helpdesks.secret(s.workspaceId, "zendesk")).toBe("second-secret");
  });
});
