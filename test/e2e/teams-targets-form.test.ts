// Teams counterpart of slack-targets-form: the KPI targets card opened by `admin targets edit`, its Save
// (a problem under each field, in English and Chinese; valid; from an agent), and the targets it leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RosterMember } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, errorUnder, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

// Carl owns the team (the roster says so), so he is a Spur admin; Lee becomes the team's lead.
const { bo, carl } = TEAMS_USERS;
const lee: RosterMember = { id: "29:lee", name: "Lee Lead", aadObjectId: "aad-lee", email: "lee@contoso.com" };
let t: TeamsSetup;
let h: Harness;
let chat: TeamsChat;
let formState = "";

interface CardInput {
  id?: string;
  type: string;
  label?: string;
  text?: string;
  value?: unknown;
}

beforeAll(async () => {
  t = await startTeams({ roster: [...TEAMS_ROSTER, lee] });
  ({ h, chat } = t);
  await chat.say(carl, ["admin role ", lee, " lead"], "Lee Lead is now a lead");
  await chat.say(lee, ["admin targets set csat 90 weight 2"], "Saved.");
});
afterAll(async () => {
  await t?.stop();
});

const save = (data: Record<string, unknown>, from = lee) => chat.click(from, "kpi.targets", { formState, ...data }, "channel");
const targets = () => h.spur.db.kpiTarget.findMany({ orderBy: { metric: "asc" } });

describe("Teams: the KPI targets card", () => {
  it("is refused to agents", async () => {
    const reply = await chat.say(bo, ["admin targets edit"], "Only leads (for their own team) and admins can change KPI targets.");
    expect(cardOf(reply) && executeActions(cardOf(reply))).toEqual([]);
  });

  it("opens for a lead with a target and a weight per KPI, the saved ones filled in", async () => {
    const reply = await chat.say(lee, ["admin targets edit"], "KPI targets — Default team");
    const card = cardOf(reply) as { body: CardInput[] };
    const inputs = card.body.filter((e) => e.id);
    expect(inputs.slice(0, 6).map((e) => e.id)).toEqual(["target:csat", "weight:csat", "period:csat", "target:csat_score", "weight:csat_score", "period:csat_score"]);
    expect(inputs.filter((e) => !e.id?.startsWith("period:")).every((e) => e.type === "Input.Number")).toBe(true);
    expect(inputs.filter((e) => e.id?.startsWith("period:")).every((e) => e.type === "Input.ChoiceSet")).toBe(true);
    expect(inputs[0]).toMatchObject({ label: "CSAT — target (%, higher is better) (optional)", value: 90 });
    expect(inputs[1]).toMatchObject({ label: "CSAT — weight (optional)", value: 2 });
    expect(inputs[2]).toMatchObject({ label: "CSAT — period", value: "month" });
    expect(inputs[3]?.value).toBeUndefined();
    const [send] = executeActions(card);
    expect(send?.verb).toBe("kpi.targets");
    formState = String(send?.data.formState);
  });

  it("shows each problem under its field in the workspace's language and saves nothing", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const answer = await save({ "target:csat": 150, "weight:csat": 2, "target:qa_score": "", "weight:qa_score": 3, "target:fcr": 80, "weight:fcr": 120 });
      expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(errorUnder(answer.value, "target:csat")).toBe("⚠️ 百分比目标必须在 0–100 之间。");
      expect(errorUnder(answer.value, "target:qa_score")).toBe("⚠️ 请填写目标，或者把权重也清空。");
      expect(errorUnder(answer.value, "weight:fcr")).toBe("⚠️ 权重必须在 0–100 之间。");
      expect(errorUnder(answer.value, "target:fcr")).toBeNull();
      // What was typed stays in the card, under Chinese labels.
      const inputs = (answer.value as { body: CardInput[] }).body.filter((e) => e.id);
      expect(inputs.find((e) => e.id === "target:csat")).toMatchObject({ value: 150, label: "客户满意度（CSAT） —— 目标（%，越高越好）（选填）" });
      expect(answer.text).toContain("保存");
      expect((await targets()).map((x) => [x.metric, x.target])).toEqual([["csat", 90]]);
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });

  it("refuses a Save from an agent and a card it can't read", async () => {
    expect((await save({ "target:csat": 50 }, bo)).text).toContain("Only leads (for their own team) and admins can change KPI targets.");
    expect((await chat.click(lee, "kpi.targets", { formState: "not json", "target:csat": 50 }, "channel")).text).toContain(
      "Spur couldn't read this form — it may be out of date. Open it again with admin targets edit.",
    );
    expect((await targets()).map((x) => [x.metric, x.target])).toEqual([["csat", 90]]);
  });

  it("saves every target at once, removes a cleared one and confirms with the list", async () => {
    const answer = await save({ "target:csat": "", "weight:csat": "", "target:qa_score": 85, "weight:qa_score": 1, "target:first_response_time": 30, "weight:first_response_time": 3 });
    expect(answer.text).toContain("Saved.");
    expect(answer.text).toContain("QA score");
    expect(answer.text).toContain("85 pts per month · weight 1 (25% of the composite)");
    expect(answer.text).toContain("30 min per month · weight 3 (75% of the composite)");
    expect((await targets()).map((x) => [x.metric, x.target, x.weight])).toEqual([
      ["first_response_time", 30, 3],
      ["qa_score", 85, 1],
    ]);
    const list = await chat.say(bo, ["admin targets"], "KPI targets for Default team");
    expect(JSON.stringify(cardOf(list))).not.toContain("CSAT");
  });
});
