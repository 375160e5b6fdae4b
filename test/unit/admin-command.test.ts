import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "../../src/core/admin/admin-command.ts";
import { ErrorCode } from "../../src/core/shared/errors.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

const parse = (text: string) => parseAdminCommand(slackCommandTokens(text));

describe("parseAdminCommand", () => {
  it("parses each subcommand", () => {
    expect(parse("role <@U1|ana> lead")).toEqual({ ok: true, command: { kind: "role", target: { kind: "id", id: "U1" }, role: "lead" } });
    expect(parse("channel <#C123|wins>")).toEqual({ ok: true, command: { kind: "channel", channelId: "C123" } });
    expect(parse("timezone America/New_York")).toEqual({ ok: true, command: { kind: "timezone", timeZone: "America/New_York" } });
    expect(parse("digest FRI 16:30")).toEqual({ ok: true, command: { kind: "digest", day: 5, minuteOfDay: 990 } });
    expect(parse("digest movers named")).toEqual({ ok: true, command: { kind: "digest_movers", named: true } });
    expect(parse("digest Movers PRIVATE")).toEqual({ ok: true, command: { kind: "digest_movers", named: false } });
    expect(parse("awards off")).toEqual({ ok: true, command: { kind: "awards", enabled: false } });
    expect(parse("awards ON")).toEqual({ ok: true, command: { kind: "awards", enabled: true } });
    expect(parse("awards")).toEqual({ ok: true, command: { kind: "awards", enabled: null } });
    expect(parse("")).toEqual({ ok: true, command: { kind: "help" } });
    expect(parse("locale zh-CN")).toEqual({ ok: true, command: { kind: "locale", locale: "zh-CN" } });
    expect(parse("locale EN")).toEqual({ ok: true, command: { kind: "locale", locale: "en" } });
    expect(parse("locale")).toEqual({ ok: true, command: { kind: "locale", locale: null } });
  });

  it.each(["role <@U1> boss", "role ana lead", "channel wins", "timezone Mars/Base", "timezone EST5EDT", "digest someday 09:00", "digest monday 25:00", "digest movers", "digest movers all", "awards sometimes", "awards on off", "locale fr", "locale en zh-CN", "frobnicate"])(
    "explains what is wrong with %j",
    (text) => {
      const r = parse(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(ErrorCode.UnknownArgument);
        expect(r.error.userMessage).toMatch(/Usage|not a time zone|don't know/);
      }
    },
  );
});
