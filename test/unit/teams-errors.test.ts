import { describe, expect, it } from "vitest";
import { TransientError } from "../../src/core/errors.ts";
import { classifyConnectorError, ConversationGoneError } from "../../src/teams/teams-errors.ts";

function restError(statusCode: number, retryAfter?: string) {
  return Object.assign(new Error("rest"), {
    statusCode,
    response: { status: statusCode, headers: { get: (name: string) => (name === "retry-after" ? (retryAfter ?? null) : null) } },
  });
}

describe("Bot Connector failures", () => {
  it("retries rate limits, honouring Retry-After", () => {
    const err = classifyConnectorError(restError(429, "3"), "19:c");
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).retryAfterMs).toBe(3000);
    expect((classifyConnectorError(restError(429), "19:c") as TransientError).retryAfterMs).toBeUndefined();
  });

  it("retries 5xx and network failures", () => {
    expect(classifyConnectorError(restError(503), "19:c")).toBeInstanceOf(TransientError);
    expect(classifyConnectorError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), "19:c")).toBeInstanceOf(TransientError);
  });

  it("gives up on 403: the bot is no longer in the conversation", () => {
    const err = classifyConnectorError(restError(403), "19:c");
    expect(err).toBeInstanceOf(ConversationGoneError);
    expect(err.message).toContain("19:c");
  });

  it("passes other failures through unchanged", () => {
    const original = restError(400);
    expect(classifyConnectorError(original, "19:c")).toBe(original);
  });
});
