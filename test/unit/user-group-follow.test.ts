// Parsing `team <name> follow|unfollow|settings` and Slack's user group mentions, reading the team settings
// form, and where a followed group's sync puts people (first followed wins; who leaves goes back).
import { describe, expect, it } from "vitest";
import { parseTeamCommand, teamSettingsFormName } from "../../src/core/admin/team-command.ts";
import { readTeamForm } from "../../src/core/admin/team-settings-form.ts";
import { groupPlacements } from "../../src/core/admin/user-group-placement.ts";
import { plainTokens } from "../../src/core/shared/command-text.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

const parse = (text: string) => parseTeamCommand(slackCommandTokens(text));

describe("Slack's user group mentions", () => {
  it("become group tokens, with or without the handle, and keep Slack's text", () => {
    expect(slackCommandTokens("<!subteam^S0123|@tier1> <!subteam^SABC>")).toEqual([
      { kind: "group", id: "S0123", handle: "tier1", text: "<!subteam^S0123|@tier1>" },
      { kind: "group", id: "SABC", handle: null, text: "<!subteam^SABC>" },
    ]);
    // Other special mentions stay words.
    expect(slackCommandTokens("<!here>")).toEqual([{ kind: "word", text: "<!here>" }]);
  });
});

describe("team follow, unfollow and settings", () => {
  it("parses a follow of one group, and unfollow and settings with nothing after them", () => {
    expect(parse("team Tier 1 follow <!subteam^S0123|@tier1>")).toEqual({ ok: true, command: { kind: "follow", name: "Tier 1", group: { id: "S0123", handle: "tier1" } } });
    expect(parse("team 一线客服 unfollow")).toEqual({ ok: true, command: { kind: "unfollow", name: "一线客服" } });
    expect(parse("team Tier 1 settings")).toEqual({ ok: true, command: { kind: "settings", name: "Tier 1" } });
    expect(teamSettingsFormName(slackCommandTokens("team Night Shift settings"))).toBe("Night Shift");
    expect(teamSettingsFormName(slackCommandTokens("team Tier 1 unfollow"))).toBeNull();
    expect(teamSettingsFormName(slackCommandTokens("settings"))).toBeNull();
  });

  it("leaves a follow without a group mention to the use case (Teams has none to mention), and refuses two groups", () => {
    expect(parseTeamCommand(plainTokens("team Tier 1 follow @tier1"))).toEqual({ ok: true, command: { kind: "follow", name: "Tier 1", group: null } });
    const two = parse("team Tier 1 follow <!subteam^S1|@a> <!subteam^S2|@b>");
    expect(two.ok).toBe(false);
    const extra = parse("team Tier 1 unfollow now");
    expect(extra.ok ? null : extra.error.reply).toMatchObject({ key: "team.parse.nothingAfter" });
  });
});

describe("readTeamForm", () => {
  const good = { name: " Tier  One ", channelId: "C1", timeZone: "Europe/Berlin", digestDay: "3", digestTime: "8:30", leads: "U1,U2,U1", userGroup: "S1" };

  it("reads every field with the commands' rules", () => {
    expect(readTeamForm(good, { none: "none", hasUserGroupField: true })).toEqual({
      ok: true,
      values: { name: "Tier One", channelId: "C1", timeZone: "Europe/Berlin", digestDay: 3, digestMinuteOfDay: 510, leads: ["U1", "U2"], userGroupId: "S1" },
    });
    // "none" and empty choices are none; a form without the group field leaves the group alone.
    const read = readTeamForm({ ...good, channelId: "none", userGroup: "", leads: "" }, { none: "none", hasUserGroupField: false });
    expect(read.ok && read.values).toMatchObject({ channelId: null, leads: [], userGroupId: undefined });
    expect(readTeamForm({ ...good, userGroup: "none" }, { none: "none", hasUserGroupField: true })).toMatchObject({ ok: true, values: { userGroupId: null } });
  });

  it("names each field that breaks a rule", () => {
    const read = readTeamForm({ ...good, name: "archive", timeZone: "Mars/Base", digestDay: "8", digestTime: "24:00" }, { none: "none", hasUserGroupField: true });
    expect(read).toEqual({
      ok: false,
      errors: {
        name: { key: "teamForm.error.name" },
        timeZone: { key: "teamForm.error.timeZone", params: { timeZone: "Mars/Base" } },
        digestDay: { key: "settingsForm.pickOne" },
        digestTime: { key: "teamForm.error.time" },
      },
    });
    // A zone without a region is refused as the command refuses it.
    expect(readTeamForm({ ...good, timeZone: "CET" }, { none: "none", hasUserGroupField: true }).ok).toBe(false);
  });
});

describe("groupPlacements", () => {
  const base = { teamId: "T1", defaultTeamId: "D" };

  it("moves the group's members in, keeps those an earlier group holds, and sends who left back", () => {
    const result = groupPlacements({
      ...base,
      // T2 was followed first: ana is in both groups.
      followers: [
        { teamId: "T2", memberIds: new Set(["ana"]) },
        { teamId: "T1", memberIds: new Set(["ana", "bo", "cy"]) },
      ],
      before: new Set(["cy", "dee", "eve"]),
      current: new Map<string, string | null>([["ana", "T2"], ["bo", "D"], ["cy", "T1"], ["dee", "T1"], ["eve", "X"]]),
    });
    expect(result.moves).toEqual([
      { memberId: "bo", from: "D", to: "T1" },
      { memberId: "dee", from: "T1", to: "D" },
    ]);
    // Eve left, but an admin had moved her elsewhere: she stays. Cy is already in.
    expect(result.kept).toEqual([{ memberId: "ana", teamId: "T2" }]);
  });

  it("sends who left to the team of another followed group that holds them", () => {
    const result = groupPlacements({
      ...base,
      followers: [
        { teamId: "T1", memberIds: new Set<string>() },
        { teamId: "T3", memberIds: new Set(["bo"]) },
      ],
      before: new Set(["bo"]),
      current: new Map([["bo", "T1"]]),
    });
    expect(result.moves).toEqual([{ memberId: "bo", from: "T1", to: "T3" }]);
  });
});
