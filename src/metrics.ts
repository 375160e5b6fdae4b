// Prometheus metrics (prom-client), served at /metrics. One registry per Spur instance, so tests and
// several instances in one process do not share counters.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export class SpurMetrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: "spur_commands_total",
    help: "Chat commands handled, by command and outcome (ok, refused, error).",
    labelNames: ["command", "outcome"] as const,
    registers: [this.registry],
  });
  readonly ackSeconds = new Histogram({
    name: "spur_slack_ack_seconds",
    help: "Time from receiving a Slack request to answering it (Slack allows 3 s).",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly slackRequests = new Counter({
    name: "spur_slack_requests_total",
    help: "Slack requests over HTTP, by the path that answered them (slash_command: the slash-command path in front of Bolt; bolt).",
    labelNames: ["path"] as const,
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: "spur_jobs_total",
    help: "Background jobs finished, by queue, job name and result (completed, failed).",
    labelNames: ["queue", "job", "result"] as const,
    registers: [this.registry],
  });
  readonly postsDelayed = new Counter({
    name: "spur_posts_rate_limited_total",
    help: "Posts that waited for the posting budget or were answered 429 by the platform.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  readonly outboxRelayed = new Counter({
    name: "spur_outbox_relayed_total",
    help: "Outbox rows (gift follow-ups) handed to the job queue, by topic.",
    labelNames: ["topic"] as const,
    registers: [this.registry],
  });
  readonly outboxFailed = new Counter({
    name: "spur_outbox_failed_total",
    help: "Attempts to hand an outbox row to the job queue that failed (the row is retried), by topic.",
    labelNames: ["topic"] as const,
    registers: [this.registry],
  });
  /** Set by the composition root: counts the outbox rows not yet relayed. */
  outboxBacklogSource: (() => Promise<number>) | undefined;
  readonly outboxBacklog = new Gauge({
    name: "spur_outbox_backlog",
    help: "Outbox rows not yet handed to the job queue (waiting, or retrying while Redis is unreachable).",
    registers: [this.registry],
    collect: async () => {
      const source = this.outboxBacklogSource;
      if (source) this.outboxBacklog.set(await source().catch(() => Number.NaN));
    },
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }
}
