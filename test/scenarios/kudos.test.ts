// Kudos on both platforms, held to the same words: help, balance, history and its paging, refusals, and a
// redelivered command stored once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("kudos on %s", (platform) => {
  let s: Surface;
  // Wednesday 25 Nov 2026, 10:00 UTC; history items are a minute apart.
  const clock = new TestClock(new Date("2026-11-25T10:00:00Z"));
  const kudosCount = () => s.h.spur.db.kudos.count({ where: { workspaceId: s.workspaceId } });

  beforeAll(async () => {
    s = await startSurface(platform, { clock });
    await s.settings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
  });
  afterAll(() => s?.stop());

  it("answers kudos help with usage", async () => {
    const reply = await s.say(ana, "kudos", ["help"]);
    expect(reply.text).toBe(
      "Give kudos like this: kudos @ana @bo 3 saved the Acme renewal #ownership — one or more people, optional points (default 1), then what they did. " +
        "Add company values with #tags. kudos alone opens a form; kudos balance shows what you can still give; kudos history [@person] lists recent kudos.",
    );
  });

  it("confirms a gift and shows the balance it leaves", async () => {
    const sent = await s.say(carl, "kudos", [ana, " 3 saved the Acme renewal #ownership"]);
    expect(sent.text.split("\n").slice(0, 2)).toEqual(["🎉 Kudos sent! Ana Alves got 3 points.", "saved the Acme renewal #ownership"]);
    expect(sent.text).toContain("You have 47 points left to give today.");
    const balance = await s.say(carl, "kudos", ["balance"]);
    expect(balance.text).toBe("You can still give 47 points today (3 of 50 used). Your allowance resets at 00:00 Thu 26 Nov (UTC time).");
  });

  it("stores a redelivered command (same trigger / activity id) once and says so", async () => {
    const before = await kudosCount();
    const [first, again] = await s.sayTwice(bo, "kudos", [dee, " thanks for covering my shift"]);
    expect(first.text).toContain("🎉 Kudos sent! Dee Diaz got 1 point.");
    expect(again.text).toContain("✅ Those kudos to Dee Diaz were already recorded — nothing was sent twice.");
    expect(await kudosCount()).toBe(before + 1);
  });

  const refusals: [string, () => Parameters<Surface["say"]>[2], string][] = [
    ["self-kudos", () => [carl, " 2 for being great"], "You can't give kudos to yourself — recognition means most coming from a teammate."],
    ["an unknown value, suggesting the closest", () => [ana, " 1 fixed the macro #crafts"], "#crafts isn't one of our company values. Did you mean #craft?"],
    ["an unknown value, listing them", () => [ana, " 1 fixed the macro #speed"], "#speed isn't one of our company values. Our values are #ownership, #craft."],
    ["no reason", () => [ana, " 2"], "Say what they did — kudos need a reason, e.g. kudos @ana saved the Acme renewal."],
  ];
  for (const [name, said, expected] of refusals) {
    it(`refuses ${name} with the same words and stores nothing`, async () => {
      const before = await kudosCount();
      const reply = await s.say(carl, "kudos", said());
      expect(reply.text).toBe(`⚠️ ${expected}`);
      expect(await kudosCount()).toBe(before);
    });
  }

  describe("history", () => {
    beforeAll(async () => {
      // Ana has 1 received; add 6 more given and received, a minute apart.
      const others = [bo, carl, dee];
      for (let i = 0; i < 6; i++) {
        clock.advance(60_000);
        const other = others[i % 3]!;
        if (i % 2 === 0) await s.say(ana, "kudos", [other, ` 1 history item ${i}`]);
        else await s.say(other, "kudos", [ana, ` 1 history item ${i}`]);
      }
    });

    it("shows the newest five, given and received, with an Older button", async () => {
      const page = await s.say(ana, "kudos", ["history"]);
      const lines = page.text.split("\n");
      expect(lines[0]).toBe("Your kudos — 1–5 of 7");
      expect(lines.slice(1).map((l) => l.replace(/ [0-9a-f]{8}$/, ""))).toEqual([
        "25 Nov ← Dee Diaz 1 point — history item 5",
        "25 Nov → Carl Cruz 1 point — history item 4",
        "25 Nov ← Bo Berg 1 point — history item 3",
        "25 Nov → Dee Diaz 1 point — history item 2",
        "25 Nov ← Carl Cruz 1 point — history item 1",
      ]);
      expect(page.buttons.map((b) => b.label)).toEqual(["Older"]);
    });

    it("pages to older kudos and back to newer ones", async () => {
      const first = await s.say(ana, "kudos", ["history"]);
      const older = await s.click(ana, first, "Older");
      const lines = older.text.split("\n").map((l) => l.replace(/ [0-9a-f]{8}$/, ""));
      expect(lines).toEqual([
        "Your kudos — 6–7 of 7",
        "25 Nov → Bo Berg 1 point — history item 0",
        "25 Nov ← Carl Cruz 3 points — saved the Acme renewal #ownership",
      ]);
      expect(older.buttons.map((b) => b.label)).toEqual(["Newer"]);
      const newer = await s.click(ana, older, "Newer");
      expect(newer.text.split("\n")[0]).toBe("Your kudos — 1–5 of 7");
      expect(newer.text).toContain("history item 5");
    });

    it("is private: an agent can't read a colleague's, an admin can", async () => {
      const refused = await s.say(bo, "kudos", ["history ", ana]);
      expect(refused.text).toBe("⚠️ Kudos history is private: you can see your own, and leads can see their team's.");
      const admin = await s.say(carl, "kudos", ["history ", ana]);
      expect(admin.text.split("\n")[0]).toBe("Kudos of Ana Alves — 1–5 of 7");
    });
  });
});
