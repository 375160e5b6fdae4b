// Moves outbox rows (follow-ups written in the same transaction as a gift) into BullMQ. Runs in the worker and
// all roles (there each commit nudges it; a web process leaves the work to the workers' relays, which poll).
// One pass: claim due rows in one short statement (a lease hides them from other relays), queue each as its job
// with the row's id as job id (queueing it again, after a crash before the delete, adds nothing), then delete
// the queued rows. A row that could not be queued keeps its error and is retried after 1 s, 2 s, 4 s …
// up to a minute. No database transaction is ever open while Redis is called: with the demo's embedded
// PostgreSQL, which runs one transaction at a time, that would stall every request.
import type { ClaimedOutboxMessage, OutboxStore } from "../core/outbound/outbox-ports.ts";
import { loggedMessage } from "../logged-error.ts";
import type { Logger } from "../logger.ts";
import type { SpurMetrics } from "../metrics.ts";
import { outboxJob } from "./outbox-topics.ts";
import type { QueueName, SpurQueues } from "./queues.ts";

export interface OutboxRelayDeps {
  outbox: OutboxStore;
  queues: Pick<SpurQueues, QueueName>;
  logger: Logger;
  metrics: SpurMetrics;
  /** False while Redis is disconnected: rows then wait for their retry instead of piling up in ioredis' offline queue. */
  connected?: () => boolean;
}

export interface OutboxRelayOptions {
  /** How often the outbox is read when nothing nudged the relay (default 500 ms). */
  pollMs?: number;
  batchSize?: number;
  /**
   * How long a claimed row stays hidden from other relays (default 10 s), and so how long a crashed relay's rows
   * wait: a pass normally takes milliseconds, and a row queued twice is one job (its job id is the row's).
   */
  leaseMs?: number;
  /** How long one add may take before the row is counted as failed (and retried) (default 5 s). */
  addTimeoutMs?: number;
}

/** The BullMQ job id of an outbox row's job. */
export const outboxJobId = (rowId: string): string => `outbox-${rowId}`;

/** Waits before the retry after the `attempts`-th claim: 1 s, doubling, at most a minute. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));
}

export class OutboxRelay {
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly addTimeoutMs: number;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  /** Adds still waiting for Redis, by row id: a retry of the row waits for the same add instead of sending another. */
  private readonly adding = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: OutboxRelayDeps,
    options: OutboxRelayOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.addTimeoutMs = options.addTimeoutMs ?? 5_000;
  }

  start(): void {
    this.stopped = false;
    this.nudge();
  }

  /** New rows were committed: relay now rather than at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.pump().finally(() => {
      this.running = null;
      this.next();
    });
  }

  /** Stops polling and waits for the pass in progress (bounded by the add timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over at most one batch; returns how many rows it claimed. */
  async relayOnce(): Promise<number> {
    const rows = await this.deps.outbox.claim(this.batchSize, this.leaseMs);
    if (rows.length === 0) return 0;
    const queued = await Promise.all(rows.map((row) => this.hand(row)));
    const done = rows.filter((_, i) => queued[i]);
    await this.deps.outbox.delivered(done.map((row) => row.id));
    for (const row of done) this.deps.metrics.outboxRelayed.inc({ topic: row.topic });
    return rows.length;
  }

  private next(): void {
    if (this.stopped) return;
    if (this.again) {
      this.nudge();
      return;
    }
    this.timer = setTimeout(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        const claimed = await this.relayOnce();
        if (this.stopped || claimed < this.batchSize) return;
      }
    } catch (err) {
      this.deps.logger.warn({ err }, "outbox relay could not read or update the outbox; retrying");
    }
  }

  /** Queues one row's job; false when it could not (its error is recorded and it is retried later). */
  private async hand(row: ClaimedOutboxMessage): Promise<boolean> {
    const job = outboxJob(row.topic, row.payload);
    if (!job.ok) {
      // No retry can fix a row this version cannot read: it stays, parked, for an operator.
      this.deps.metrics.outboxFailed.inc({ topic: row.topic });
      this.deps.logger.error({ outboxId: row.id, topic: row.topic, error: job.error }, "outbox row cannot be relayed");
      await this.deps.outbox.failed(row.id, job.error, null);
      return false;
    }
    try {
      await this.add(row.id, job.queue, job.name, job.data);
      return true;
    } catch (err) {
      const error = loggedMessage(err);
      const retryInMs = retryDelayMs(row.attempts);
      this.deps.metrics.outboxFailed.inc({ topic: row.topic });
      this.deps.logger.warn({ outboxId: row.id, topic: row.topic, attempts: row.attempts, retryInMs, error }, "outbox row not queued; will retry");
      await this.deps.outbox.failed(row.id, error, retryInMs);
      return false;
    }
  }

  private async add(rowId: string, queue: QueueName, name: string, data: unknown): Promise<void> {
    let adding = this.adding.get(rowId);
    if (!adding) {
      if (this.deps.connected && !this.deps.connected()) throw new Error("Redis is not connected");
      adding = this.deps.queues[queue].add(name, data, { jobId: outboxJobId(rowId) }).then(() => undefined);
      this.adding.set(rowId, adding);
      adding.then(
        () => this.adding.delete(rowId),
        () => this.adding.delete(rowId),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queueing took longer than ${this.addTimeoutMs} ms`)), this.addTimeoutMs);
    });
    try {
      await Promise.race([adding, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
