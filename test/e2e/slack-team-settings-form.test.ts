// The team settings modal (`/spur team <name> settings`) on the real Bolt app: it opens with the team's
// current values (Slack's channel and people pickers, the user groups to follow), a bad time and an unknown
// time zone come back inline with nothing saved, and a good submission changes everything at once, each change
// audited and read back in /spur audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  h.slack.userGroups.set({ id: "SNIGHTS", handle: "nights", name: "Night shift", users: [USERS.carl.id, USERS.dee.id] });
});
afterAll(async () => {
  await h?.stop();
});

interface ModalBlock {
  block_id?: string;
  element?: {
    type: string;
    initial_value?: string;
    initial_users?: string[];
    initial_conversation?: string;
    initial_option?: { value: string };
    options?: { text: { text: string }; value: string }[];
  };
}

type Values = Record<string, Record<string, Record<string, unknown>>>;

async function admin(text: string, expectText: string): Promise<string> {
  const since = h.commands.length;
  await h.command("/spur", text, { user: USERS.admin.id });
  const answer = await waitForCommandReply(h, USERS.admin.id, expectText, since);
  return `${String(answer.args.text)}\n${JSON.stringify(answer.args.blocks ?? [])}`;
}

async function open(triggerId: string, team = "Tier 1"): Promise<{ metadata: string; byId: Record<string, ModalBlock> }> {
  await h.command("/spur", `team ${team} settings`, { user: USERS.admin.id, triggerId });
  const opened = await h.slack.waitForCall("views.open", (a) => a.trigger_id === triggerId);
  const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: ModalBlock[] };
  expect(view.callback_id).toBe("team.settings");
  return { metadata: view.private_metadata, byId: Object.fromEntries(view.blocks.map((b) => [b.block_id, b])) };
}

function values(overrides: Record<string, Record<string, unknown>> = {}): Values {
  const base: Record<string, Record<string, unknown>> = {
    name: { type: "plain_text_input", value: "Tier One" },
    channelId: { type: "conversations_select", selected_conversation: "CTIER1" },
    timeZone: { type: "plain_text_input", value: "Europe/Berlin" },
    digestDay: { type: "static_select", selected_option: { value: "3" } },
    digestTime: { type: "plain_text_input", value: "08:30" },
    leads: { type: "multi_users_select", selected_users: [USERS.dee.id] },
    userGroup: { type: "static_select", selected_option: { value: "SNIGHTS" } },
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { value: v }]));
}

async function submit(privateMetadata: string, state: Values, user = USERS.admin.id) {
  const res = await h.submitView({ user }, { callbackId: "team.settings", privateMetadata, values: state });
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
}

const tier = () => h.spur.db.team.findFirstOrThrow({ where: { name: { in: ["Tier 1", "Tier One"] } } });

describe("the team settings modal", () => {
  let metadata = "";

  it("opens with the team's current values, for admins only", async () => {
    await admin("team create Tier 1", "Team Tier 1 created");
    await admin("team Tier 1 timezone Asia/Shanghai", "Asia/Shanghai");
    await admin("team Tier 1 digest friday 16:00", "Fridays at 16:00");
    await admin(`team Tier 1 lead add ${esc(USERS.bo)}`, "Now leading Tier 1");

    await h.command("/spur", "team Tier 1 settings", { user: USERS.bo.id, triggerId: "trigger-bo" });
    await waitForCommandReply(h, USERS.bo.id, "Only Spur admins can change settings");
    expect(h.slack.callsTo("views.open")).toHaveLength(0);

    const form = await open("trigger-team");
    metadata = form.metadata;
    expect(Object.keys(form.byId)).toEqual(["name", "channelId", "timeZone", "digestDay", "digestTime", "leads", "userGroup"]);
    expect(form.byId.name?.element?.initial_value).toBe("Tier 1");
    expect(form.byId.channelId?.element).toMatchObject({ type: "conversations_select" });
    expect(form.byId.channelId?.element?.initial_conversation).toBeUndefined();
    expect(form.byId.timeZone?.element?.initial_value).toBe("Asia/Shanghai");
    expect(form.byId.digestDay?.element?.initial_option?.value).toBe("5");
    expect(form.byId.digestTime?.element?.initial_value).toBe("16:00");
    expect(form.byId.leads?.element).toMatchObject({ type: "multi_users_select", initial_users: [USERS.bo.id] });
    expect(form.byId.userGroup?.element?.options?.map((o) => [o.value, o.text.text])).toEqual([
      ["none", "None"],
      ["SNIGHTS", "@nights (Night shift)"],
    ]);
    expect(form.byId.userGroup?.element?.initial_option?.value).toBe("none");
  });

  it("shows a bad time and an unknown time zone under their fields and saves nothing", async () => {
    const before = await h.spur.db.auditLogEntry.count();
    const answer = await submit(metadata, values({ timeZone: { type: "plain_text_input", value: "Mars/Base" }, digestTime: { type: "plain_text_input", value: "25:00" } }));
    expect(answer.response_action).toBe("errors");
    expect(answer.errors).toEqual({
      timeZone: '"Mars/Base" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.',
      digestTime: "Use a 24-hour time such as 09:00.",
    });
    const bad = await submit(metadata, values({ leads: { type: "multi_users_select", selected_users: [USERS.bot.id] }, name: { type: "plain_text_input", value: "list" } }));
    expect(bad.errors?.name).toContain("Use up to 80 characters");
    expect(await tier()).toMatchObject({ name: "Tier 1", timeZone: "Asia/Shanghai", digestDay: 5, digestMinuteOfDay: 960, channelId: null, userGroupId: null });
    expect(await h.spur.db.auditLogEntry.count()).toBe(before);
  });

  it("refuses a name another team has, inline, with nothing half-written", async () => {
    await admin("team create Tier 2", "Team Tier 2 created");
    const before = await h.spur.db.auditLogEntry.count();
    const answer = await submit(metadata, values({ name: { type: "plain_text_input", value: "tier 2" } }));
    expect(answer.errors).toEqual({ name: 'There is already a team called "tier 2" (names are compared without case).' });
    expect(await tier()).toMatchObject({ name: "Tier 1", timeZone: "Asia/Shanghai", userGroupId: null });
    expect(await h.spur.db.teamLead.count({ where: { member: { platformUserId: USERS.dee.id } } })).toBe(0);
    expect(await h.spur.db.auditLogEntry.count()).toBe(before);
  });

  it("saves every change at once, follows the group, and reads each change back in /spur audit", async () => {
    const answer = await submit(metadata, values());
    expect(answer.response_action).toBeUndefined();
    const team = await tier();
    expect(team).toMatchObject({ name: "Tier One", channelId: "CTIER1", timeZone: "Europe/Berlin", digestDay: 3, digestMinuteOfDay: 510, userGroupId: "SNIGHTS", userGroupHandle: "nights" });
    const leads = await h.spur.db.teamLead.findMany({ where: { teamId: team.id }, include: { member: true } });
    expect(leads.map((l) => l.member.platformUserId)).toEqual([USERS.dee.id]);
    // The group's members are the team's now.
    const members = await h.spur.db.member.findMany({ where: { teamId: team.id }, orderBy: { platformUserId: "asc" } });
    expect(members.map((m) => m.platformUserId)).toEqual([USERS.carl.id, USERS.dee.id]);
    const confirmation = await h.slack.waitForCall("chat.postEphemeral", (a) => a.user === USERS.admin.id && String(a.text).includes("Tier One now follows @nights"));
    expect(String(confirmation.args.text)).toContain("Tier 1 is now called Tier One.");

    const log = await admin("audit", "Audit log");
    const change = log.split("\\n").find((line) => line.includes("changed the team Tier 1: name")) ?? "";
    for (const part of ["name from `Tier 1` to `Tier One`", "channel from none to <#CTIER1>", "time zone from `Asia/Shanghai` to `Europe/Berlin`", "digest day from Fridays to Wednesdays", "digest time from 16:00 to 08:30"]) {
      expect(change).toContain(part);
    }
    expect(log).toContain("made <@UDEE> lead of Tier 1");
    expect(log).toContain("removed <@UBO> as lead of Tier 1");
    expect(log).toContain("made Tier 1 follow the user group @nights");
    expect(log).toMatch(/Spur moved (<@UCARL> and <@UDEE>|<@UDEE> and <@UCARL>) to Tier One, following the user group @nights/);

    // Opened again, the form shows what was saved.
    const again = await open("trigger-again", "tier one");
    expect(again.byId.name?.element?.initial_value).toBe("Tier One");
    expect(again.byId.userGroup?.element?.initial_option?.value).toBe("SNIGHTS");
    expect(again.byId.channelId?.element?.initial_conversation).toBe("CTIER1");
  });

  it("refuses a form it can't read", async () => {
    const answer = await submit("{not json", values());
    expect(answer.errors?.name).toBe("Spur couldn't read this form. Open it again with /spur team <name> settings.");
  });
});
