import type { Member } from "../../src/core/shared/model.ts";

/** An active agent of team "t" in workspace "w", for core unit tests; its platform id is "U" + the id upper-cased. */
export function testAgent(id: string, displayName: string): Member {
  return {
    id,
    workspaceId: "w",
    teamId: "t",
    platformUserId: `U${id.toUpperCase()}`,
    displayName,
    handle: null,
    locale: null,
    role: "agent",
    isBot: false,
    isDeactivated: false,
  };
}
