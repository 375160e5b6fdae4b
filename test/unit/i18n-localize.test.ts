import { describe, expect, it } from "vitest";
import { localize } from "../../src/i18n/localize.ts";
import { parseLocale, localeFor } from "../../src/i18n/locale.ts";
import { channel, command, member, msg } from "../../src/i18n/message.ts";
import { TEAMS_PLAIN, teamsMarkdown, teamsSpeller } from "../../src/teams/render/markdown.ts";
import { PLAIN, spell } from "../../src/i18n/spell.ts";

describe("localize", () => {
  it("keeps references structured and speaks the reader's language", () => {
    const m = msg("error.unreadable", { reason: "text: too long" });
    expect(spell(localize(m, "en"), PLAIN)).toBe("Spur couldn't read that (text: too long).");
    expect(spell(localize(m, "zh-CN"), PLAIN)).toBe("Spur 无法读取该内容（text: too long）。");
    const withRef = localize(msg("error.unreadable", { reason: member("U1", "Ana") }), "en");
    expect(withRef).toEqual(["Spur couldn't read that (", { ref: "member", id: "U1", name: "Ana" }, ")."]);
    expect(spell(localize(msg("error.unreadable", { reason: command("kudos", "balance") }), "en"), PLAIN)).toBe(
      "Spur couldn't read that (kudos balance).",
    );
  });

  it("says 'this channel' in the reader's language where a surface cannot link a channel it has no name for", () => {
    const m = msg("error.unreadable", { reason: channel("19:abc@thread.tacv2") });
    expect(teamsMarkdown(m, "en", teamsSpeller())).toBe("Spur couldn't read that (this channel).");
    expect(teamsMarkdown(m, "zh-CN", TEAMS_PLAIN)).toBe("Spur 无法读取该内容（本频道）。");
    expect(teamsMarkdown(msg("error.unreadable", { reason: channel("19:abc", "support") }), "zh-CN", TEAMS_PLAIN)).toBe("Spur 无法读取该内容（support）。");
  });
});

describe("locales", () => {
  it("maps chat platforms' locale tags onto the locales Spur speaks", () => {
    expect(parseLocale("zh-CN")).toBe("zh-CN");
    expect(parseLocale("zh_CN")).toBe("zh-CN");
    expect(parseLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(parseLocale("en-US")).toBe("en");
    expect(parseLocale("fr-FR")).toBeNull();
    expect(localeFor("fr-FR", "zh-CN")).toBe("zh-CN");
    expect(localeFor("en-GB", "zh-CN")).toBe("en");
    expect(localeFor(null, null)).toBe("en");
  });
});
