import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "../../src/core/admin/admin-command.ts";
import { ErrorCode } from "../../src/core/shared/errors.ts";

describe("parseAdminCommand", () => {
  it("parses each subcommand", () => {
    expect(parseAdminCommand("role <@U1|ana> lead")).toEqual({ ok: true, command: { kind: "role", target: { kind: "id", id: "U1" }, role: "lead" } });
    expect(parseAdminCommand("channel <#C123|wins>")).toEqual({ ok: true, command: { kind: "channel", channelId: "C123" } });
    expect(parseAdminCommand("timezone America/New_York")).toEqual({ ok: true, command: { kind: "timezone", timeZone: "America/New_York" } });
    expect(parseAdminCommand("digest FRI 16:30")).toEqual({ ok: true, command: { kind: "digest", day: 5, minuteOfDay: 990 } });
    expect(parseAdminCommand("digest movers named")).toEqual({ ok: true, command: { kind: "digest_movers", named: true } });
    expect(parseAdminCommand("digest Movers PRIVATE")).toEqual({ ok: true, command: { kind: "digest_movers", named: false } });
    expect(parseAdminCommand("awards off")).toEqual({ ok: true, command: { kind: "awards", enabled: false } });
    expect(parseAdminCommand("awards ON")).toEqual({ ok: true, command: { kind: "awards", enabled: true } });
    expect(parseAdminCommand("awards")).toEqual({ ok: true, command: { kind: "awards", enabled: null } });
    expect(parseAdminCommand("")).toEqual({ ok: true, command: { kind: "help" } });
  });

  it.each(["role <@U1> boss", "role ana lead", "channel wins", "timezone Mars/Base", "timezone EST5EDT", "digest someday 09:00", "digest monday 25:00", "digest movers", "digest movers all", "awards sometimes", "awards on off", "frobnicate"])(
    "explains what is wrong with %j",
    (text) => {
      const r = parseAdminCommand(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(ErrorCode.UnknownArgument);
        expect(r.error.userMessage).toMatch(/Usage|not a time zone|don't know/);
      }
    },
  );
});
