// Web API clients for background work and user lookups, per Slack workspace: each workspace's bot token comes
// from the environment (single-workspace mode) or from its OAuth install (multi-workspace mode).
import { webApi } from "@slack/bolt";

export interface SlackTokenSource {
  /** The bot token to act in the Slack workspace `teamId` with, or null when Spur is not installed there. */
  botToken(teamId: string): Promise<string | null>;
}

/** Single-workspace mode: one bot token, from the environment, for every workspace. */
export function fixedToken(token: string): SlackTokenSource {
  return { botToken: async () => token };
}

type ClientKind = "jobs" | "lookups";

const CLIENT_OPTIONS: Record<ClientKind, webApi.WebClientOptions> = {
  // Jobs: no automatic retries or rate-limit waits, so BullMQ decides when to retry.
  jobs: { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
  lookups: { retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 } },
};

export class SlackClients {
  private readonly clients = new Map<string, webApi.WebClient>();

  constructor(
    private readonly tokens: SlackTokenSource,
    private readonly apiUrl: string,
  ) {}

  /** A client for the workspace, or null when Spur is not installed there. */
  async forTeam(teamId: string, kind: ClientKind): Promise<webApi.WebClient | null> {
    const token = await this.tokens.botToken(teamId);
    if (!token) return null;
    const key = `${kind}:${token}`;
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size > 1000) this.clients.clear();
      client = new webApi.WebClient(token, { slackApiUrl: this.apiUrl, ...CLIENT_OPTIONS[kind] });
      this.clients.set(key, client);
    }
    return client;
  }
}
