// An open-loop load: requests leave at a fixed rate whatever the answers do (as Slack sends them), so a slow
// server meets a growing queue instead of a politely waiting client. Latency counts from each request's
// scheduled departure, so time spent queued behind a late generator is not hidden (no coordinated omission).

export interface OpenLoopRequest {
  body: string;
  headers: Record<string, string>;
}

export interface OpenLoopResult {
  /** Each request's latency in ms from its scheduled departure to its answer, in completion order. */
  latencies: number[];
  /** Answers other than 200 ("HTTP 503") and failed requests (their error's cause code, e.g. "ECONNRESET"), counted. */
  errors: Map<string, number>;
  /** performance.now() when the last answer came back. */
  lastAnswerAt: number;
  /** The latest any request left after its scheduled time, in ms (the generator's own lag). */
  maxSendLagMs: number;
}

/**
 * Sends `count` requests to `url` at `ratePerSecond`, starting at `startAt` (performance.now() time);
 * `onAnswer` is called as each answer arrives.
 */
export async function openLoop(
  url: string,
  ratePerSecond: number,
  count: number,
  request: (i: number) => OpenLoopRequest,
  onAnswer: (answered: number) => void = () => undefined,
  startAt = performance.now(),
): Promise<OpenLoopResult> {
  const interval = 1000 / ratePerSecond;
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  const errors = new Map<string, number>();
  const failed = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
  let lastAnswerAt = startAt;
  let maxSendLagMs = 0;
  let sent = 0;

  const send = (i: number, scheduled: number) => {
    const { body, headers } = request(i);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduled);
    return fetch(url, { method: "POST", body, headers })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status !== 200) failed(`HTTP ${res.status}`);
      })
      .catch((err: unknown) => {
        const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
        failed(cause?.code ?? (err instanceof Error ? err.message : String(err)));
      })
      .finally(() => {
        lastAnswerAt = performance.now();
        latencies.push(lastAnswerAt - scheduled);
        onAnswer(latencies.length);
      });
  };

  while (sent < count) {
    const now = performance.now();
    // Everything due by now leaves now (a late timer sends a small burst, as a real arrival process would).
    while (sent < count && startAt + sent * interval <= now) {
      inflight.push(send(sent, startAt + sent * interval));
      sent += 1;
    }
    const wait = startAt + sent * interval - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(wait, interval))));
  }
  await Promise.all(inflight);
  return { latencies, errors, lastAnswerAt, maxSendLagMs };
}
