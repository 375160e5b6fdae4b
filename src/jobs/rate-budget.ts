// A posting budget shared by every process through Redis (GCRA: a steady rate with a small burst).
// Chat platforms rate-limit per workspace and per channel; waiting here keeps Spur under those limits
// instead of collecting 429s. A wait longer than `maxWaitMs` becomes a TransientError, so the job is
// rescheduled rather than holding a worker.
import type { Redis } from "ioredis";
import { TransientError } from "../core/errors.ts";

const GCRA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local newTat = tat + interval
local allowAt = newTat - burst * interval
if now < allowAt then return allowAt - now end
redis.call('SET', KEYS[1], newTat, 'PX', math.ceil(newTat - now + interval))
return 0
`;

export interface Rate {
  perSecond: number;
  burst: number;
}

/** Slack asks for about one message a second per channel, with short bursts. */
export const DEFAULT_CHANNEL_RATE: Rate = { perSecond: 1, burst: 3 };

export interface RateBudget {
  /** Resolves when one post to `channelId` of `workspaceKey` fits in both budgets. */
  acquire(workspaceKey: string, channelId: string): Promise<void>;
}

export class RedisRateBudget implements RateBudget {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly workspaceRate: Rate,
    private readonly channelRate: Rate = DEFAULT_CHANNEL_RATE,
    private readonly maxWaitMs = 20_000,
    private readonly onWait: () => void = () => undefined,
  ) {}

  async acquire(workspaceKey: string, channelId: string): Promise<void> {
    await this.take(`${this.prefix}:rate:ws:${workspaceKey}`, this.workspaceRate);
    await this.take(`${this.prefix}:rate:ch:${workspaceKey}:${channelId}`, this.channelRate);
  }

  private async take(key: string, rate: Rate): Promise<void> {
    const started = Date.now();
    for (;;) {
      const wait = Number(await this.redis.eval(GCRA, 1, key, String(1000 / rate.perSecond), String(rate.burst)));
      if (wait <= 0) return;
      this.onWait();
      if (Date.now() - started + wait > this.maxWaitMs) {
        throw new TransientError(`posting budget ${key} exhausted`, { retryAfterMs: wait });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
