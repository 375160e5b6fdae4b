// spur audit's arguments, and the sentence each kind of entry reads as, in both languages.
import { describe, expect, it } from "vitest";
import { auditPeriodText, parseAuditCommand } from "../../src/core/admin/audit-command.ts";
import { auditPeriod } from "../../src/core/admin/audit-log.ts";
import type { StoredAuditEntry } from "../../src/core/admin/audit-log-ports.ts";
import { auditLine, auditWhat } from "../../src/core/admin/audit-wording.ts";
import { AUDIT_ACTIONS } from "../../src/core/shared/audit.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { localize } from "../../src/i18n/localize.ts";
import type { Msg } from "../../src/i18n/message.ts";
import { PLAIN, spell } from "../../src/i18n/spell.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

const parse = (text: string) => parseAuditCommand(slackCommandTokens(`audit ${text}`));
const plain = (m: Msg, locale: Locale = "en") => spell(localize(m, locale), PLAIN);
const names = new Map([["UANA", "Ana"], ["UADMIN", "Alex"]]);
const entry = (action: string, target: string | null, details: Record<string, unknown> = {}): StoredAuditEntry => ({
  workspaceId: "w", actorUserId: "UADMIN", action, target, details, reason: null, createdAt: new Date("2026-11-25T08:05:00Z"),
});

describe("spur audit arguments", () => {
  it("takes a period, a member and a page in any order", () => {
    expect(parse("")).toEqual({ ok: true, command: { period: null, member: null, page: 1 } });
    expect(parse("last month <@UANA|ana> page 3")).toEqual({
      ok: true,
      command: { period: { kind: "last", period: "month" }, member: { kind: "id", id: "UANA" }, page: 3 },
    });
    expect(parse("this week")).toMatchObject({ command: { period: { kind: "current", period: "week" } } });
    expect(parse("quarter")).toMatchObject({ command: { period: { kind: "current", period: "quarter" } } });
    expect(parse("2026-w47")).toMatchObject({ command: { period: { kind: "key", key: "2026-W47" } } });
    expect(auditPeriodText({ kind: "last", period: "month" })).toBe("last month");
  });

  it("refuses two periods, two members, a bad page and unknown words, never throwing", () => {
    for (const text of ["week month", "@ana @bo", "page 0", "page x", "yesterday", "last"]) {
      const parsed = parse(text);
      expect(parsed.ok ? "" : parsed.error.code, text).toBe("unknown_argument");
    }
  });

  it("reads periods in the team's time zone", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    expect(auditPeriod({ kind: "last", period: "month" }, now, "Europe/Berlin")).toMatchObject({ key: "2026-11", start: new Date("2026-10-31T23:00:00Z") });
    expect(auditPeriod({ kind: "current", period: "week" }, now, "UTC").key).toBe("2026-W49");
    expect(() => auditPeriod({ kind: "key", key: "2026-W60" }, now, "UTC")).toThrow();
  });
});

describe("audit sentences", () => {
  it("say who changed what, when, in the team's time zone", () => {
    const line = auditLine(entry("member.role", "UANA", { from: "agent", to: "lead" }), names, "Europe/Berlin");
    expect(plain(line)).toBe("09:05 Wed 25 Nov · Alex made Ana a lead (was an agent)");
    expect(plain(line, "zh-CN")).toBe("11月25日周三 09:05 · Alex 将 Ana 设为组长（原为客服）");
  });

  it("have a sentence for every kind of change, in both languages", () => {
    for (const action of AUDIT_ACTIONS) {
      for (const locale of ["en", "zh-CN"] as const) {
        const text = plain(auditWhat(entry(action, "t", {}), names), locale);
        expect(text, `${action} ${locale}`).not.toContain(action);
        expect(text.length).toBeGreaterThan(3);
      }
    }
    expect(plain(auditWhat(entry("team.renamed", "t"), names))).toBe("made a change (team.renamed)");
  });

  it("read settings, targets, tokens and erased members as people would say them", () => {
    const settings = entry("settings.update", "w", { allowancePoints: { from: 10, to: 15 }, notifyLead: { from: false, to: true } });
    expect(plain(auditWhat(settings, names))).toBe("changed the recognition settings: allowance from 10 to 15 and lead notifications from off to on");
    const target = entry("kpi.target_set", "team", { team: "Billing", metric: "csat", target: 90, weight: 2, period: "month", minVolume: null, from: null });
    expect(plain(auditWhat(target, names))).toBe("set Billing's CSAT target from none to 90 (weight 2, per month)");
    expect(plain(auditWhat(entry("api_token.create", "spur_abcde", { name: "zendesk" }), names))).toBe("created an API token “zendesk” (spur_abcde…)");
    expect(plain(auditWhat(entry("kudos.revoke", "3f2a1b2c-0000", { points: 3 }), names))).toBe("revoked gift 3f2a1b2c… (3 points)");
    // A team's digest moved: the day by its name, a field set to what it was left out.
    const timeOnly = entry("team.update", "t", { team: "Tier 2", digestDay: { from: 1, to: 1 }, digestMinuteOfDay: { from: 540, to: 420 } });
    expect(plain(auditWhat(timeOnly, names))).toBe("changed the team Tier 2: digest time from 09:00 to 07:00");
    const dayToo = entry("team.update", "t", { team: "Tier 2", digestDay: { from: 1, to: 5 }, digestMinuteOfDay: { from: 540, to: 1020 } });
    expect(plain(auditWhat(dayToo, names))).toBe("changed the team Tier 2: digest day from Mondays to Fridays and digest time from 09:00 to 17:00");
    expect(plain(auditWhat(dayToo, names), "zh-CN")).toContain("周报日从 每周一 改为 每周五");
    const forgotten = { ...entry("member.role", "forgotten:1234", { from: "agent", to: "lead" }), actorUserId: "forgotten:5678" };
    expect(plain(auditLine(forgotten, names, "UTC"))).toBe("08:05 Wed 25 Nov · a former member made a former member a lead (was an agent)");
  });
});
