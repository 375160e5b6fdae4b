// The KPI targets modal beyond slack-scorecard's checks: the shared form as Slack shows it (decimal number
// inputs, a notice, the saved targets filled in), field errors in Chinese, a modal Spur can't read, a valid
// submission confirmed where the form was opened, and an agent refused before any form opens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
const CHANNEL = "CSUPPORT";

interface ModalBlock {
  type: string;
  block_id?: string;
  optional?: boolean;
  label?: { text: string };
  element?: { type: string; is_decimal_allowed?: boolean; initial_value?: string; min_value?: string; max_value?: string };
}

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  await ephemeralReply(h, USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "is now a lead");
  await ephemeralReply(h, USERS.carl.id, "/spur", "targets set csat 92.5 weight 2", "Saved.");
});
afterAll(async () => {
  await h?.stop();
});

const values = (fields: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(fields).map(([blockId, value]) => [blockId, { value: { type: "number_input", value } }]));

async function submit(user: string, fields: Record<string, string | null>, privateMetadata: string) {
  const res = await h.submitView({ user }, { callbackId: "kpi_targets", privateMetadata, values: values(fields) });
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
}

const targets = () => h.spur.db.kpiTarget.findMany({ orderBy: { metric: "asc" } });

describe("the KPI targets modal", () => {
  let metadata = "";

  it("refuses an agent before any form opens", async () => {
    await h.command("/spur", "targets edit", { user: USERS.bo.id, triggerId: "trigger-bo" });
    await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.bo.id && String(a.text).includes("Only leads (for their own team) and admins"));
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
  });

  it("opens for a lead with decimal inputs, optional, the saved targets filled in", async () => {
    await h.command("/spur", "targets edit", { user: USERS.carl.id, triggerId: "trigger-form", channel: CHANNEL });
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-form");
    const view = open.args.view as { callback_id: string; private_metadata: string; title: { text: string }; submit: { text: string }; blocks: ModalBlock[] };
    expect(view).toMatchObject({ callback_id: "kpi_targets", title: { text: "KPI targets" }, submit: { text: "Save" } });
    expect(JSON.stringify(view.blocks[0])).toContain("Leave a target empty for a KPI the team does not score.");
    const csat = view.blocks.find((b) => b.block_id === "target:csat");
    expect(csat).toMatchObject({ optional: true, label: { text: "CSAT — target (%, higher is better)" } });
    expect(csat?.element).toMatchObject({ type: "number_input", is_decimal_allowed: true, initial_value: "92.5", min_value: "0" });
    expect(view.blocks.find((b) => b.block_id === "weight:csat")?.element).toMatchObject({ initial_value: "2", max_value: "100" });
    expect(view.blocks.find((b) => b.block_id === "target:fcr")?.element?.initial_value).toBeUndefined();
    metadata = view.private_metadata;
    expect(JSON.parse(metadata)).toMatchObject({ channelId: CHANNEL });
  });

  it("shows each field's problem in the workspace's language and saves nothing", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const answer = await submit(USERS.carl.id, { "target:csat": "101", "target:qa_score": null, "weight:qa_score": "3", "target:fcr": "-1" }, metadata);
      expect(answer).toEqual({
        response_action: "errors",
        errors: { "target:csat": "百分比目标必须在 0–100 之间。", "target:qa_score": "请填写目标，或者把权重也清空。", "target:fcr": "目标必须是不小于 0 的数字。" },
      });
      expect((await targets()).map((t) => [t.metric, t.target])).toEqual([["csat", 92.5]]);
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });

  it("refuses a modal whose metadata it can't read", async () => {
    const answer = await submit(USERS.carl.id, { "target:csat": "50" }, "{not json");
    expect(answer.errors?.["target:csat"]).toBe("Spur couldn't read this form — it may be out of date. Open it again with /spur targets edit.");
  });

  it("saves, and confirms with the team's targets where the form was opened", async () => {
    const answer = await submit(USERS.carl.id, { "target:csat": "95", "weight:csat": "1", "target:resolution_time": "4.5", "weight:resolution_time": "1" }, metadata);
    expect(answer.response_action).toBeUndefined();
    expect((await targets()).map((t) => [t.metric, t.target, t.weight])).toEqual([
      ["csat", 95, 1],
      ["resolution_time", 4.5, 1],
    ]);
    const confirmation = await h.slack.waitForCall("chat.postEphemeral", (a) => a.channel === CHANNEL && a.user === USERS.carl.id && String(a.text).includes("Saved."));
    const shown = JSON.stringify(confirmation.args.blocks);
    expect(shown).toContain("*KPI targets for Default team*");
    expect(shown).toContain("• *Resolution time* (`resolution_time`, lower is better): 4.5 h per month · weight 1 (50% of the composite) · min 20 tickets");
  });
});
