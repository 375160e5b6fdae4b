import { describe, expect, it } from "vitest";
import { DirectMessengerByWorkspace, workspaceOfDirectMessage } from "../../src/app/direct-messengers.ts";
import type { FeedbackRequestView } from "../../src/core/feedback-model.ts";
import type { DirectMessage, DirectMessenger } from "../../src/core/feedback-ports.ts";
import type { Member } from "../../src/core/model.ts";

const member = (workspaceId: string, id: string): Member => ({
  id,
  workspaceId,
  teamId: null,
  platformUserId: `U${id}`,
  displayName: id,
  handle: null,
  role: "agent",
  isBot: false,
  isDeactivated: false,
});

const request = (workspaceId: string): FeedbackRequestView => ({
  id: "r1",
  workspaceId,
  lead: member(workspaceId, "lead"),
  subject: member(workspaceId, "subject"),
  periodKey: "2026-11",
  dueAt: new Date("2026-11-26T00:00:00Z"),
  timeZone: "UTC",
  status: "open",
  recipients: [],
  summaryRef: null,
});

function recording(name: string, calls: string[]): DirectMessenger {
  return {
    send: async (userId, message) => {
      calls.push(`${name} send ${userId} ${message.kind}`);
      return { channelId: name, messageRef: "1" };
    },
    update: async (ref, message) => {
      calls.push(`${name} update ${ref} ${message.kind}`);
    },
  };
}

describe("direct messages by workspace", () => {
  it("finds the workspace of every kind of direct message", () => {
    const summary = { request: request("w-summary"), answered: 0, skipped: 0, noResponse: 0, aggregate: {} as never, reason: "due" as const };
    const messages: [DirectMessage, string][] = [
      [{ kind: "feedback_request", request: request("w-request") }, "w-request"],
      [{ kind: "feedback_reminder", request: request("w-reminder") }, "w-reminder"],
      [{ kind: "feedback_request_answered", request: request("w-answered") }, "w-answered"],
      [{ kind: "feedback_summary", summary }, "w-summary"],
      [{ kind: "recognition_prompt", weekKey: "2026-W47", member: member("w-prompt", "m") }, "w-prompt"],
    ];
    for (const [message, workspaceId] of messages) expect(workspaceOfDirectMessage(message)).toBe(workspaceId);
  });

  it("sends and updates through the messenger of the message's workspace", async () => {
    const calls: string[] = [];
    const byWorkspace: Record<string, DirectMessenger> = { slack: recording("slack", calls), teams: recording("teams", calls) };
    const messenger = new DirectMessengerByWorkspace(async (workspaceId) => byWorkspace[workspaceId]!);
    expect(await messenger.send("U1", { kind: "feedback_request", request: request("teams") })).toEqual({ channelId: "teams", messageRef: "1" });
    await messenger.update("slack-ref", { kind: "feedback_request_answered", request: request("slack") });
    await messenger.send("U2", { kind: "recognition_prompt", weekKey: "2026-W47", member: member("slack", "m") });
    expect(calls).toEqual(["teams send U1 feedback_request", "slack update slack-ref feedback_request_answered", "slack send U2 recognition_prompt"]);
  });
});
