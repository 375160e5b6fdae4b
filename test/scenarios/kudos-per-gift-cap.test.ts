// Issue #12: a workspace's per-gift cap above the default 5 applies on both platforms (Teams used to parse
// kudos with the default cap, refusing `kudos @x 8 …` that Slack accepted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl } = PEOPLE;

describe.each(PLATFORMS)("kudos with a per-gift cap of 8 on %s", (platform) => {
  let s: Surface;
  beforeAll(async () => {
    s = await startSurface(platform);
    await s.settings({ maxPointsPerGift: 8, allowancePoints: 100 });
  });
  afterAll(() => s?.stop());

  it("accepts 8 points", async () => {
    const reply = await s.say(carl, "kudos", [ana, " 8 took the whole night shift"]);
    expect(reply.text).toContain("🎉 Kudos sent! Ana Alves got 8 points.");
    const rows = await s.h.spur.db.kudos.findMany({ where: { workspaceId: s.workspaceId } });
    expect(rows.map((r) => r.points)).toEqual([8]);
  });

  it("refuses 9 points with the same message and stores nothing", async () => {
    const reply = await s.say(carl, "kudos", [bo, " 9 took the whole night shift"]);
    expect(reply.text).toContain("Points must be a whole number from 1 to 8 (you wrote 9).");
    expect(await s.h.spur.db.kudos.count({ where: { workspaceId: s.workspaceId } })).toBe(1);
  });
});
