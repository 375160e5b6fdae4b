// The recognition settings modal beyond slack-recognition-admin's checks: the shared form's fields as Slack
// shows them (channel picker, checkboxes), a valid submission opened from a channel, field errors in Chinese,
// a modal Spur can't read, and a non-admin refused before any form opens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
});
afterAll(async () => {
  await h?.stop();
});

interface ModalBlock {
  block_id?: string;
  label?: { text: string };
  element?: { type: string; options?: { text: { text: string }; value: string }[]; initial_options?: unknown[]; initial_conversation?: string };
}

type Values = Record<string, Record<string, Record<string, unknown>>>;

function values(overrides: Record<string, Record<string, unknown>> = {}): Values {
  const base: Record<string, Record<string, unknown>> = {
    recognitionChannelId: { type: "conversations_select", selected_conversation: "CWINS" },
    allowancePoints: { type: "number_input", value: "10" },
    allowancePeriod: { type: "static_select", selected_option: { value: "day" } },
    maxPointsPerGift: { type: "number_input", value: "5" },
    cooldownMinutes: { type: "number_input", value: "0" },
    emojiPoints: { type: "plain_text_input", value: "star=1" },
    companyValues: { type: "plain_text_input", value: "craft" },
    valueRequired: { type: "checkboxes", selected_options: [{ value: "yes" }] },
    leaderboardVisibility: { type: "static_select", selected_option: { value: "everyone" } },
    notifyLead: { type: "checkboxes", selected_options: [] },
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { value: v }]));
}

async function submit(user: string, state: Values, privateMetadata: string) {
  const res = await h.interaction({
    type: "view_submission",
    user: { id: user },
    view: { id: `VSF${Math.random().toString(36).slice(2)}`, type: "modal", callback_id: "spur_settings", private_metadata: privateMetadata, state: { values: state } },
  });
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
}

describe("the settings modal", () => {
  let metadata = "";

  it("refuses a non-admin before any form opens", async () => {
    await h.command("/spur", "settings", { user: USERS.bo.id, triggerId: "trigger-bo" });
    await waitForCommandReply(h, USERS.bo.id, "Only Spur admins can change settings");
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
  });

  it("opens with Slack's channel picker and a checkbox for each yes/no setting", async () => {
    await h.command("/spur", "settings", { user: USERS.admin.id, triggerId: "trigger-form" });
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-form");
    const view = open.args.view as { callback_id: string; private_metadata: string; submit: { text: string }; blocks: ModalBlock[] };
    expect(view.callback_id).toBe("spur_settings");
    expect(view.submit.text).toBe("Save");
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b]));
    expect(Object.keys(byId)).toEqual([
      "recognitionChannelId",
      "allowancePoints",
      "allowancePeriod",
      "maxPointsPerGift",
      "cooldownMinutes",
      "emojiPoints",
      "companyValues",
      "valueRequired",
      "leaderboardVisibility",
      "notifyLead",
    ]);
    expect(byId.recognitionChannelId?.element?.type).toBe("conversations_select");
    expect(byId.valueRequired?.element).toMatchObject({ type: "checkboxes", options: [{ text: { text: "Every kudos must name a company value" }, value: "yes" }] });
    expect(byId.valueRequired?.element?.initial_options).toBeUndefined();
    metadata = view.private_metadata;
    expect(JSON.parse(metadata)).toMatchObject({ channelId: expect.any(String) });
  });

  it("shows each field's problem in the workspace's language and saves nothing", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "slack" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const answer = await submit(USERS.admin.id, values({
        cooldownMinutes: { type: "number_input", value: "soon" },
        emojiPoints: { type: "plain_text_input", value: "" },
        companyValues: { type: "plain_text_input", value: "" },
      }), metadata);
      expect(answer.response_action).toBe("errors");
      expect(answer.errors).toEqual({
        cooldownMinutes: "点赞间隔必须是 0 到 10080 之间的整数。",
        emojiPoints: "请至少列出一个表情，例如 star=1。",
        companyValues: "要求标注价值观之前，请先列出公司价值观。",
      });
      expect(await h.spur.db.recognitionSettings.count()).toBe(0);
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });

  it("refuses a modal whose metadata it can't read", async () => {
    const answer = await submit(USERS.admin.id, values(), "{not json");
    expect(answer.errors?.recognitionChannelId).toBe("Spur couldn't read this form. Open it again with /spur settings.");
  });

  it("saves the ticked checkbox and tells the admin where the form was opened", async () => {
    const answer = await submit(USERS.admin.id, values(), metadata);
    expect(answer.response_action).toBeUndefined();
    expect(await h.spur.db.recognitionSettings.findFirstOrThrow()).toMatchObject({ recognitionChannelId: "CWINS", valueRequired: true, notifyLead: false, companyValues: ["craft"] });
    const channel = (JSON.parse(metadata) as { channelId: string }).channelId;
    await h.slack.waitForCall("chat.postEphemeral", (a) => a.channel === channel && a.user === USERS.admin.id && String(a.text).includes("Saved: recognition channel"));
    // Opened again, the form shows what was saved.
    await h.command("/spur", "settings", { user: USERS.admin.id, triggerId: "trigger-again" });
    const open = await h.slack.waitForCall("views.open", (a) => a.trigger_id === "trigger-again");
    const blocks = (open.args.view as { blocks: ModalBlock[] }).blocks;
    expect(blocks.find((b) => b.block_id === "recognitionChannelId")?.element?.initial_conversation).toBe("CWINS");
    expect(blocks.find((b) => b.block_id === "valueRequired")?.element?.initial_options).toHaveLength(1);
  });
});
