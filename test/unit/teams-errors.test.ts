import { describe, expect, it } from "vitest";
import { DeliveryRefusedError, TransientError } from "../../src/core/shared/errors.ts";
import { classifyConnectorError, ConversationGoneError } from "../../src/teams/teams-errors.ts";
import { teamsTenantOf } from "../../src/teams/teams-notifier.ts";

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
    const withoutRetryAfter = classifyConnectorError(restError(429), "19:c") as TransientError;
    expect(withoutRetryAfter.retryAfterMs).toBeUndefined();
    expect(withoutRetryAfter.rateLimited).toBe(true);
  });

  it("retries 5xx and network failures", () => {
    const serverError = classifyConnectorError(restError(503), "19:c");
    expect(serverError).toBeInstanceOf(TransientError);
    expect((serverError as TransientError).rateLimited).toBe(false);
    expect(classifyConnectorError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), "19:c")).toBeInstanceOf(TransientError);
  });

  it("gives up on 403: the bot is no longer in the conversation", () => {
    const err = classifyConnectorError(restError(403), "19:c");
    expect(err).toBeInstanceOf(ConversationGoneError);
    expect(err).toBeInstanceOf(DeliveryRefusedError);
    expect(err.message).toContain("19:c");
  });

  it("gives up on 404: the conversation no longer exists", () => {
    const err = classifyConnectorError(restError(404), "19:c");
    expect(err).toBeInstanceOf(ConversationGoneError);
    expect(err.message).toContain("Teams refused (404): conversation 19:c no longer exists");
  });

  it("keys a Teams workspace's posting budget by its tenant, shared by the tenant's teams", () => {
    expect(teamsTenantOf("tenant-1:19:general@thread.tacv2")).toBe("tenant-1");
    expect(teamsTenantOf("tenant-1:a:personal-chat")).toBe(teamsTenantOf("tenant-1:19:other@thread.tacv2"));
  });

  it("passes other failures through unchanged", () => {
    const original = restError(400);
    expect(classifyConnectorError(original, "19:c")).toBe(original);
  });
});
