// A channel reference Teams can't name (it carries only the id) is the channel the card is read in, in the
// reader's language: a Chinese card said "this channel" in English.
import { describe, expect, it } from "vitest";
import { channel, msg } from "../../src/i18n/message.ts";
import { renderCard } from "../../src/teams/render/card.ts";
import { renderFormCard } from "../../src/teams/render/form-card.ts";
import { note } from "../../src/use-cases/body.ts";

const set = msg("admin.channel.set", { team: "Support", channel: channel("19:general@thread.tacv2") });

describe("Teams cards: a channel without a name", () => {
  it("is named in the reader's language, in the card and its summary", () => {
    const en = renderCard(note("success", set), "en");
    expect(en.text).toBe("✅ Shoutouts and the weekly digest for Support now go to this channel.");
    const zh = renderCard(note("success", set), "zh-CN");
    expect(zh.text).toBe("✅ Support 的点赞播报和每周周报现在发到 本频道。");
    expect(JSON.stringify(zh.card)).toContain("本频道");
    expect(JSON.stringify(zh.card)).not.toContain("this channel");
  });

  it("in a form's notice too", () => {
    const form = renderFormCard({ id: "f", title: msg("form.done"), submit: msg("form.done"), state: "{}", fields: [], notice: set }, "zh-CN");
    expect(JSON.stringify(form.card)).toContain("本频道");
  });

  it("keeps a channel's own name when it has one", () => {
    const named = msg("admin.channel.set", { team: "Support", channel: channel("19:x", "support-wins") });
    expect(renderCard(note(undefined, named), "zh-CN").text).toContain("support-wins");
  });
});
