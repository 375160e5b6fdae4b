// Text Spur cannot store and periods outside the years it keeps get a specific, localised answer on Slack and
// Teams — never "Something went wrong" — and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { textOf } from "../support/fake-bot-connector.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { kudosSubmission } from "../support/recognition-payloads.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { startTeams, type TeamsSetup } from "../support/teams-chat.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const INTERNAL = "Something went wrong";

describe("Slack", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: ALL_USERS, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const reply = async (command: string, text: string, expected: string) => {
    const call = await ephemeralReply(h, USERS.bo.id, command, text, expected);
    expect(String(call.args.text)).not.toContain(INTERNAL);
    return String(call.args.text);
  };

  it("/kudos with a NUL or a control character in the reason says which, and stores nothing", async () => {
    await reply("/kudos", `${esc(USERS.ana)} 1 covered my shift \u0000 again`, "Your message contains a NUL character (U+0000), which Spur can't store");
    await reply("/kudos", `${esc(USERS.ana)} 1 covered my shift \u0007`, "a control character (U+0007)");
    expect(await h.spur.db.kudos.count()).toBe(0);
    // Tabs and line breaks are ordinary text.
    await reply("/kudos", `${esc(USERS.ana)} 1 covered\tmy shift\nagain 🎉`, "Kudos sent");
  });

  it("the kudos form shows the refusal under the field it was typed in", async () => {
    const submit = async (reason: string) => {
      const res = await h.interaction(kudosSubmission(USERS.bo.id, { recipients: [USERS.ana.id], points: "1", reason }));
      const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      return body.errors.reason;
    };
    expect(await submit("saved the day\u0000")).toBe(
      "The field “reason” contains a NUL character (U+0000) at character 14, which Spur can't store. Please remove it and try again.",
    );
    // Interactivity payloads are JSON, where half a surrogate pair can be written as an escape.
    expect(await submit("saved the day \ud83d")).toContain("half of an emoji or symbol (a lone surrogate, U+D83D) at character 15");
    expect(await h.spur.db.kudos.count()).toBe(1);
  });

  it("/scorecard of a period outside 1970–2999 says so", async () => {
    for (const period of ["9999-Q4", "0000-01", "9999-W52", "1969-12"]) {
      await reply("/scorecard", period, `Spur has no period \`${period}\`: periods run from 1970 to 2999`);
    }
    await reply("/scorecard", "2026-Q4", "2026-Q4");
  });

  it("speaks the member's language", async () => {
    await ephemeralReply(h, USERS.admin.id, "/spur", "locale zh-CN", "");
    const text = await reply("/scorecard", "9999-Q4", "Spur 没有 `9999-Q4` 这个周期");
    expect(text).toContain("1970 年至 2999 年");
    await reply("/kudos", `${esc(USERS.ana)} 1 thanks \u0000`, "你的消息包含空字符（NUL，U+0000）");
  });
});

describe("Teams", () => {
  let t: TeamsSetup;
  const { ana, bo } = TEAMS_USERS;
  beforeAll(async () => {
    t = await startTeams({ clock, known: [ana, bo] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("kudos with a NUL in the reason and scorecard 9999-Q4 / 0000-01 get their specific message", async () => {
    const kudos = await t.chat.say(bo, ["kudos ", ana, " 1 covered my shift \u0000"], "Your message contains a NUL character (U+0000)");
    expect(textOf(kudos)).not.toContain(INTERNAL);
    expect(await t.h.spur.db.kudos.count()).toBe(0);
    for (const period of ["9999-Q4", "0000-01"]) {
      const sent = await t.chat.say(bo, [`scorecard ${period}`], `Spur has no period ${period}`, "personal");
      expect(textOf(sent)).not.toContain(INTERNAL);
    }
  });
});
