// A posting budget shared by every process through Redis (GCRA: a steady rate with a small burst).
// Chat platforms rate-limit per workspace and per channel, sometimes with several windows at once; waiting
// here keeps Spur under those limits instead of collecting 429s. A wait longer than `maxWaitMs` becomes a
// TransientError, so the job is rescheduled rather than holding a worker.
import type { Redis } from "ioredis";
import { TransientError } from "../core/shared/errors.ts";
import { redisKeyPrefix } from "./redis-keys.ts";

// Checks every window before spending any: a post either fits all of them (and spends one slot in each) or
// spends nothing and learns how long to wait, so a refusal by one window never wastes another's slot.
const GCRA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
local tats = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local tat = tonumber(redis.call('GET', key) or now)
  if tat < now then tat = now end
  tats[i] = tat + interval
  local allowAt = tats[i] - burst * interval
  if allowAt - now > wait then wait = allowAt - now end
end
if wait > 0 then return math.ceil(wait) end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, tats[i], 'PX', math.ceil(tats[i] - now + tonumber(ARGV[2 * i - 1])))
end
return 0
`;

/**
 * A steady rate with an immediate burst. In any window of `w` seconds GCRA admits at most
 * `burst + floor(w × perSecond)` posts, which is how a platform's "n per w seconds" limit is translated.
 */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** Slack asks for about one message a second per channel, with short bursts. */
export const DEFAULT_CHANNEL_RATE: Rate = { perSecond: 1, burst: 3 };

export interface RateBudget {
  /** Resolves when one post to `channelId` of `workspaceKey` fits in every window of both budgets. */
  acquire(workspaceKey: string, channelId: string): Promise<void>;
}

export class RedisRateBudget implements RateBudget {
  private readonly workspaceRates: readonly Rate[];
  private readonly channelRates: readonly Rate[];
  private readonly keyPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    workspaceRate: Rate | readonly Rate[],
    channelRate: Rate | readonly Rate[] = DEFAULT_CHANNEL_RATE,
    private readonly maxWaitMs = 20_000,
    private readonly onWait: () => void = () => undefined,
  ) {
    this.keyPrefix = redisKeyPrefix(prefix);
    this.workspaceRates = "perSecond" in workspaceRate ? [workspaceRate] : workspaceRate;
    this.channelRates = "perSecond" in channelRate ? [channelRate] : channelRate;
  }

  async acquire(workspaceKey: string, channelId: string): Promise<void> {
    const windows = [
      ...this.workspaceRates.map((rate, i) => ({ key: `${this.keyPrefix}:rate:ws:${workspaceKey}:${i}`, rate })),
      ...this.channelRates.map((rate, i) => ({ key: `${this.keyPrefix}:rate:ch:${workspaceKey}:${channelId}:${i}`, rate })),
    ];
    const keys = windows.map((w) => w.key);
    const args = windows.flatMap((w) => [String(1000 / w.rate.perSecond), String(w.rate.burst)]);
    const started = Date.now();
    for (;;) {
      const wait = Number(await this.redis.eval(GCRA, keys.length, ...keys, ...args));
      if (wait <= 0) return;
      this.onWait();
      if (Date.now() - started + wait > this.maxWaitMs) {
        throw new TransientError(`posting budget for ${workspaceKey}/${channelId} exhausted`, { retryAfterMs: wait });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
