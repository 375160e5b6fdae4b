// Acknowledging Slack only once the work is done: what a user is told is saved is stored before the HTTP 200
// (Bolt runs with processBeforeResponse), and a slash command's first private reply rides in the ack body.
// Slack waits 3 seconds; at the deadline Spur acknowledges empty and the work, still running, answers through
// the response_url instead.
import type { RespondFn } from "@slack/bolt";
import type { Logger } from "../logger.ts";
import type { SlackMessage } from "./render/blocks.ts";

/** Slack gives up after 3 s; this leaves room for the network. */
export const ACK_DEADLINE_MS = 2_500;

type AckBody = { response_type: "ephemeral"; text: string; blocks?: SlackMessage["blocks"] };
type Ack = (body?: AckBody) => Promise<void>;

/** Runs `work`, then acknowledges; or acknowledges at the deadline and returns while `work` goes on. */
export async function acknowledgeAfter(logger: Logger, ack: () => Promise<void>, work: () => Promise<void>, deadlineMs = ACK_DEADLINE_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => (timer = setTimeout(() => resolve("deadline"), deadlineMs)));
  const done = work().then(
    () => "done" as const,
    (err: unknown) => {
      logger.error({ err }, "Slack listener failed");
      return "done" as const;
    },
  );
  const first = await Promise.race([done, deadline]);
  clearTimeout(timer);
  if (first === "deadline") logger.warn({ deadlineMs }, "acknowledging Slack before the work finished");
  await ack();
}

/** A slash command's acknowledgement: its first private reply is the ack body, later ones go to the response_url. */
export class CommandAck {
  private acked = false;

  constructor(
    private readonly ack: Ack,
    private readonly respond: RespondFn,
    private readonly logger: Logger,
    private readonly deadlineMs = ACK_DEADLINE_MS,
  ) {}

  /** Only the invoking user sees it: in the ack while Slack still waits for one, else through the response_url. */
  async reply(message: SlackMessage): Promise<void> {
    const body: AckBody = { response_type: "ephemeral", text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
    if (!this.acked) {
      this.acked = true;
      await this.ack(body);
      return;
    }
    await this.respond({ ...body, replace_original: false });
  }

  /** Runs the command; acknowledges (empty, if no reply did) when it is done or at the deadline. */
  run(work: () => Promise<void>): Promise<void> {
    return acknowledgeAfter(this.logger, () => this.acknowledgeEmpty(), work, this.deadlineMs);
  }

  private async acknowledgeEmpty(): Promise<void> {
    if (this.acked) return;
    this.acked = true;
    await this.ack();
  }
}
