// A slash command's acknowledgement, with fake ack and respond: the first reply is the ack's body, a later one
// goes to the response_url, and a command still working at the deadline is acknowledged empty and finishes after.
import { describe, expect, it } from "vitest";
import type { RespondFn } from "@slack/bolt";
import { createLogger } from "../../src/logger.ts";
import { CommandAck } from "../../src/slack/command-ack.ts";

const logger = createLogger("silent");

function fakes() {
  const events: { to: "ack" | "respond"; body: unknown }[] = [];
  const ack = async (body?: unknown) => void events.push({ to: "ack", body });
  const respond = (async (body: unknown) => {
    events.push({ to: "respond", body });
    return {} as Awaited<ReturnType<RespondFn>>;
  }) as RespondFn;
  return { events, ack, respond };
}

describe("CommandAck", () => {
  it("sends the first private reply as the ack body and later ones to the response_url", async () => {
    const { events, ack, respond } = fakes();
    const commandAck = new CommandAck(ack, respond, logger);
    await commandAck.run(async () => {
      await commandAck.reply({ text: "Kudos sent!", blocks: [] });
      await commandAck.reply({ text: "and one more thing" });
    });
    expect(events).toEqual([
      { to: "ack", body: { response_type: "ephemeral", text: "Kudos sent!", blocks: [] } },
      { to: "respond", body: { response_type: "ephemeral", text: "and one more thing", replace_original: false } },
    ]);
  });

  it("acknowledges empty when the command replied nothing (e.g. it opened a form)", async () => {
    const { events, ack, respond } = fakes();
    await new CommandAck(ack, respond, logger).run(async () => undefined);
    expect(events).toEqual([{ to: "ack", body: undefined }]);
  });

  it("acknowledges empty at the deadline and returns; the reply then goes to the response_url", async () => {
    const { events, ack, respond } = fakes();
    const commandAck = new CommandAck(ack, respond, logger, 5);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let finished: Promise<void> = Promise.resolve();
    await commandAck.run(() => {
      finished = released.then(() => commandAck.reply({ text: "Kudos sent!" }));
      return finished;
    });
    expect(events).toEqual([{ to: "ack", body: undefined }]);
    release();
    await finished;
    expect(events).toEqual([
      { to: "ack", body: undefined },
      { to: "respond", body: { response_type: "ephemeral", text: "Kudos sent!", replace_original: false } },
    ]);
  });

  it("still acknowledges when the command fails", async () => {
    const { events, ack, respond } = fakes();
    await new CommandAck(ack, respond, logger).run(() => Promise.reject(new Error("boom")));
    expect(events).toEqual([{ to: "ack", body: undefined }]);
  });
});
