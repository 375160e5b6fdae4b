import { describe, expect, it } from "vitest";
import { canViewMember } from "../../src/core/shared/access.ts";
import type { Member, Role } from "../../src/core/shared/model.ts";
import { weeklyDigestSchedule } from "../../src/core/shared/schedule.ts";

describe("weeklyDigestSchedule", () => {
  it("turns ISO day and local minutes into a cron pattern in the team's zone", () => {
    expect(weeklyDigestSchedule({ digestDay: 1, digestMinuteOfDay: 540, timeZone: "Europe/Berlin" })).toEqual({
      pattern: "0 0 9 * * 1",
      timeZone: "Europe/Berlin",
    });
    expect(weeklyDigestSchedule({ digestDay: 7, digestMinuteOfDay: 16 * 60 + 45, timeZone: "UTC" }).pattern).toBe("0 45 16 * * 0");
  });
});

describe("canViewMember", () => {
  const member = (id: string, role: Role, teamId: string | null): Member => ({
    id,
    workspaceId: "w",
    teamId,
    platformUserId: id,
    displayName: id,
    handle: null,
    locale: null,
    role,
    isBot: false,
    isDeactivated: false,
  });
  const agent = member("agent", "agent", "t1");
  const peer = member("peer", "agent", "t1");
  const lead = member("lead", "lead", "t1");
  const otherLead = member("other-lead", "lead", "t2");
  const admin = member("admin", "admin", "t2");
  const other = member("other", "agent", "t2");
  const led: Record<string, string[]> = { lead: ["t1"], "other-lead": ["t2"], admin: [] };

  it.each([
    [agent, agent, true],
    [peer, agent, false],
    [lead, agent, true],
    [otherLead, agent, false],
    [admin, agent, true],
    [agent, lead, false],
  ])("%#: viewer %o may see subject: %s", (viewer, subject, allowed) => {
    expect(canViewMember(viewer, subject, led[viewer.id] ?? [])).toBe(allowed);
  });

  it("lets a lead see the members of every team they lead, and no other", () => {
    expect(canViewMember(lead, other, ["t1", "t2"])).toBe(true);
    expect(canViewMember(lead, other, ["t1"])).toBe(false);
  });

  it("goes by the teams led, not by the lead's own team", () => {
    // A lead moved into t2 who still leads t1 only.
    const moved = member("moved", "lead", "t2");
    expect(canViewMember(moved, other, ["t1"])).toBe(false);
    expect(canViewMember(moved, agent, ["t1"])).toBe(true);
  });

  it("gives an agent listed as leading a team no access (the role counts)", () => {
    expect(canViewMember(peer, other, ["t2"])).toBe(false);
  });

  it("does not treat two members without a team as teammates", () => {
    expect(canViewMember(member("l", "lead", null), member("a", "agent", null), [])).toBe(false);
  });
});
