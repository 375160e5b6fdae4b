// Data rights on both platforms, held to the same words: the export (admins only; asked for in one's own chat
// with Spur, where the file arrives) and erasing a member (admins only, not oneself, someone Spur knows; a
// confirmation first, then the button or the command's `confirm`).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, STRANGER, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("data rights on %s", (platform) => {
  let s: Surface;
  // Wednesday 2 Dec 2026: "last month" is November.
  const clock = new TestClock(new Date("2026-12-02T12:00:00Z"));
  /**
   * What the last erasure says it changed: as many records as its audit entry counts (that number is what this
   * platform stored about the member: Teams also keeps a roster identity and a personal chat).
   */
  const erasedWords = async () => {
    const entry = await s.h.spur.db.auditLogEntry.findFirstOrThrow({ where: { workspaceId: s.workspaceId, action: "member.forget" }, orderBy: { createdAt: "desc" } });
    const count = Object.values((entry.details as { counts: Record<string, number> }).counts).reduce((a, b) => a + b, 0);
    return `✅ Done: the member's personal data was erased (${count === 1 ? "1 record" : `${count} records`} changed or deleted). The audit log records that it happened, not who it was.`;
  };

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    clock.set("2026-11-17T10:00:00Z");
    await s.say(carl, "kudos", [ana, " 3 calmed an angry customer"]);
    await s.say(bo, "kudos", [dee, " 1 covered my shift"]);
    clock.set("2026-12-02T12:00:00Z");
  });
  afterAll(() => s?.stop());

  describe("export", () => {
    it("refuses anyone but an admin", async () => {
      expect((await s.say(bo, "spur", ["export"], "personal")).text).toBe("⚠️ Only Spur admins can export the workspace's data. Ask a workspace admin.");
    });

    it("explains an argument it can't read", async () => {
      expect((await s.say(carl, "spur", ["export yesterday"], "personal")).text).toBe(
        "⚠️ I can't read yesterday here. Usage: admin export [week|month|quarter|2026-11|2026-W47|2026-Q4] [csv|json].",
      );
    });

    it("prepares last month's export and sends it to the admin's own chat with Spur", async () => {
      // Where it arrives is each platform's own place for it: Slack's DM with Spur, or the Teams chat it was asked in.
      const arrives = platform === "slack" ? "it arrives in your DM with Spur" : "it arrives here in a moment";
      const preparing = await s.say(carl, "spur", ["export month json"], "personal");
      expect(preparing.text).toBe(`Preparing the JSON export for 2026-11 (1 Nov – 30 Nov 2026); ${arrives}.`);
      const delivered = await s.dm(carl, "Spur export for 2026-11");
      expect(delivered.text).toBe(
        "Spur export for 2026-11 (1 Nov – 30 Nov 2026): 2 kudos rows, 0 KPI records, 0 feedback aggregates. Feedback is aggregated per person and month; anonymous answers count only where at least 3 people answered anonymously, and no individual answer or comment is included.",
      );
    });
  });

  describe("forget", () => {
    it("refuses anyone but an admin, oneself, and someone Spur doesn't know", async () => {
      expect((await s.say(bo, "spur", ["forget ", ana])).text).toBe("⚠️ Only Spur admins can erase a member's data. Ask a workspace admin.");
      expect((await s.say(carl, "spur", ["forget ", carl])).text).toBe("⚠️ You can't erase your own data; ask another admin.");
      expect((await s.say(carl, "spur", ["forget ", STRANGER])).text).toBe("⚠️ I couldn't find Eve Evans in this workspace.");
    });

    it("asks first, then erases on the button", async () => {
      const asked = await s.say(carl, "spur", ["forget ", ana]);
      expect(asked.text).toBe(
        "⚠️ This erases Ana Alves's personal data in Spur for good: their name, email and chat ids, the reasons of kudos they gave or received, their named feedback comments and comments about them, prompts, opt-outs and helpdesk mappings. Points, KPI numbers and ratings stay in team totals under \"Former member\". Messages already posted in chat are not changed.\n" +
          "To go ahead, click the button or send admin forget @Ana Alves confirm.",
      );
      expect(asked.buttons.map((b) => b.label)).toEqual(["Erase Ana Alves's data"]);
      expect(await s.h.spur.db.kudos.count({ where: { workspaceId: s.workspaceId, reason: "" } })).toBe(0);
      const done = await s.click(carl, asked, "Erase Ana Alves's data");
      expect(done.text).toBe(await erasedWords());
      const kudos = await s.h.spur.db.kudos.findMany({ where: { workspaceId: s.workspaceId }, orderBy: { points: "desc" } });
      expect(kudos.map((k) => [k.points, k.reason])).toEqual([
        [3, ""],
        [1, "covered my shift"],
      ]);
      const erased = await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, displayName: "Former member" } });
      expect(erased.isDeactivated).toBe(true);
    });

    it("erases at once with confirm", async () => {
      const done = await s.say(carl, "spur", ["forget ", dee, " confirm"]);
      expect(done.text).toBe(await erasedWords());
      expect(await s.h.spur.db.kudos.count({ where: { workspaceId: s.workspaceId, reason: "" } })).toBe(2);
    });
  });
});
