import { describe, expect, it } from "vitest";
import { isTeamCommand, parseTeamCommand } from "../../src/core/admin/team-command.ts";
import { sameTeamName, validTeamName } from "../../src/core/admin/team-names.ts";
import { ErrorCode } from "../../src/core/shared/errors.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

const parse = (text: string) => parseTeamCommand(slackCommandTokens(text));

describe("parseTeamCommand", () => {
  it("is routed only for `team …`", () => {
    expect(isTeamCommand(slackCommandTokens("team list"))).toBe(true);
    expect(isTeamCommand(slackCommandTokens("Team"))).toBe(true);
    expect(isTeamCommand(slackCommandTokens("timezone UTC"))).toBe(false);
    expect(isTeamCommand(slackCommandTokens(""))).toBe(false);
  });

  it("parses listing, creating, renaming and archiving, with names of several words and in any script", () => {
    expect(parse("team")).toEqual({ ok: true, command: { kind: "list" } });
    expect(parse("team list")).toEqual({ ok: true, command: { kind: "list" } });
    expect(parse("team create Tier 1")).toEqual({ ok: true, command: { kind: "create", name: "Tier 1" } });
    expect(parse("team create 一线客服")).toEqual({ ok: true, command: { kind: "create", name: "一线客服" } });
    expect(parse("team rename Tier 1 to Tier One EMEA")).toEqual({ ok: true, command: { kind: "rename", name: "Tier 1", newName: "Tier One EMEA" } });
    expect(parse("team archive Old Nights")).toEqual({ ok: true, command: { kind: "archive", name: "Old Nights" } });
  });

  it("parses a team's channel, time zone and digest schedule with the default team's validation", () => {
    expect(parse("team Tier 1 channel <#C123|tier-1>")).toEqual({ ok: true, command: { kind: "channel", name: "Tier 1", channelId: "C123" } });
    expect(parse("team Tier 2 timezone Asia/Shanghai")).toEqual({ ok: true, command: { kind: "timezone", name: "Tier 2", timeZone: "Asia/Shanghai" } });
    expect(parse("team 一线客服 digest FRI 16:30")).toEqual({ ok: true, command: { kind: "digest", name: "一线客服", day: 5, minuteOfDay: 990 } });
  });

  it("parses leads and members", () => {
    expect(parse("team Tier 1 lead add <@U1|ana> <@U2|bo>")).toEqual({
      ok: true,
      command: { kind: "lead", name: "Tier 1", action: "add", members: [{ kind: "id", id: "U1" }, { kind: "id", id: "U2" }] },
    });
    expect(parse("team Tier 1 lead remove @ana")).toEqual({ ok: true, command: { kind: "lead", name: "Tier 1", action: "remove", members: [{ kind: "handle", handle: "ana" }] } });
    expect(parse("team Tier 2 add <@U3>")).toEqual({ ok: true, command: { kind: "assign", name: "Tier 2", members: [{ kind: "id", id: "U3" }] } });
  });

  it.each([
    "team frobnicate",
    "team create",
    "team create list",
    "team create <@U1>",
    "team rename Tier 1",
    "team rename Tier 1 to",
    "team Tier 1 channel general",
    "team Tier 1 timezone Mars/Base",
    "team Tier 1 timezone EST5EDT",
    "team Tier 1 digest someday 09:00",
    "team Tier 1 digest monday 25:00",
    "team Tier 1 lead <@U1>",
    "team Tier 1 lead add",
    "team Tier 1 lead add ana",
    "team Tier 1 add",
    "team Tier 1 add <@U1> and",
    "team channel <#C1>",
    `team create ${"x".repeat(81)}`,
  ])("explains what is wrong with %j", (text) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(ErrorCode.UnknownArgument);
      expect(r.error.userMessage.length).toBeGreaterThan(10);
    }
  });

  it("names the team's own command in a refused time zone", () => {
    const r = parse("team Tier 2 timezone Mars/Base");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.userMessage).toContain("spur team Tier 2 timezone Europe/Berlin");
  });
});

describe("team names", () => {
  it("compare without case, spacing or Unicode form, and keep other scripts as written", () => {
    expect(sameTeamName("Tier 1", "tier  1")).toBe(true);
    expect(sameTeamName("TIER 1", "Tier 2")).toBe(false);
    expect(sameTeamName("一线客服", "一线客服")).toBe(true);
    expect(sameTeamName("一线客服", "二线客服")).toBe(false);
    expect(sameTeamName("Café", "CAFE\u0301")).toBe(true);
  });

  it("are 1–80 characters of words, not a command word alone", () => {
    expect(validTeamName("Tier 1")).toBe(true);
    expect(validTeamName("一线客服")).toBe(true);
    expect(validTeamName("x".repeat(80))).toBe(true);
    expect(validTeamName("x".repeat(81))).toBe(false);
    expect(validTeamName("List")).toBe(false);
    expect(validTeamName("tab\there")).toBe(false);
    expect(validTeamName("  ")).toBe(false);
  });
});
