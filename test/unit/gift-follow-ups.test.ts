// What a gift leaves behind to be done, and how each follow-up becomes a job when the outbox is relayed.
import { describe, expect, it } from "vitest";
import { customerKudosFollowUps, giftFollowUps, shoutoutChannelFor } from "../../src/core/recognition/gift-follow-ups.ts";
import { outboxJob } from "../../src/jobs/outbox-topics.ts";
import { retryDelayMs } from "../../src/jobs/outbox-relay.ts";
import { outboxEntryOf } from "../../src/store/outbox-store.ts";

const GIFT = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b";

describe("a gift's follow-ups", () => {
  it("announces in the workspace's recognition channel first, then the giver team's channel, then where it was given", () => {
    expect(shoutoutChannelFor({ recognitionChannelId: "CREC", teamChannelId: "CTEAM", originChannelId: "CHERE" })).toBe("CREC");
    expect(shoutoutChannelFor({ recognitionChannelId: null, teamChannelId: "CTEAM", originChannelId: "CHERE" })).toBe("CTEAM");
    expect(shoutoutChannelFor({ recognitionChannelId: null, teamChannelId: null, originChannelId: "CHERE" })).toBe("CHERE");
    expect(shoutoutChannelFor({ recognitionChannelId: null, teamChannelId: null, originChannelId: null })).toBeNull();
  });

  it("posts a shoutout where there is a channel for it and always tells the recipients", () => {
    expect(giftFollowUps({ giftId: GIFT }, { recognitionChannelId: null, teamChannelId: "CTEAM", originChannelId: "CHERE" })).toEqual([
      { topic: "gift.shoutout", giftId: GIFT, channelId: "CTEAM" },
      { topic: "gift.notify_recipients", giftId: GIFT },
    ]);
    expect(giftFollowUps({ giftId: GIFT }, { recognitionChannelId: null, teamChannelId: null, originChannelId: null })).toEqual([
      { topic: "gift.notify_recipients", giftId: GIFT },
    ]);
  });

  it("announces customer kudos only in the team's channel and only when the workspace turned it on", () => {
    expect(customerKudosFollowUps({ giftId: GIFT }, { announce: true, teamChannelId: "CTEAM" })).toEqual([{ topic: "gift.shoutout", giftId: GIFT, channelId: "CTEAM" }]);
    expect(customerKudosFollowUps({ giftId: GIFT }, { announce: false, teamChannelId: "CTEAM" })).toEqual([]);
    expect(customerKudosFollowUps({ giftId: GIFT }, { announce: true, teamChannelId: null })).toEqual([]);
  });
});

describe("outbox topics", () => {
  it("turns each follow-up into its job on the posts queue", () => {
    const [shoutout, notify] = giftFollowUps({ giftId: GIFT }, { recognitionChannelId: "CREC", teamChannelId: null, originChannelId: null }).map(outboxEntryOf);
    expect(shoutout).toEqual({ topic: "gift.shoutout", payload: { giftId: GIFT, channelId: "CREC" } });
    expect(outboxJob(shoutout!.topic, shoutout!.payload)).toEqual({ ok: true, queue: "posts", name: "post-shoutout", data: { giftId: GIFT, channelId: "CREC" } });
    expect(outboxJob(notify!.topic, notify!.payload)).toEqual({ ok: true, queue: "posts", name: "notify-recipients", data: { giftId: GIFT } });
  });

  it("refuses an unknown topic and a payload its job cannot read", () => {
    expect(outboxJob("gift.confetti", { giftId: GIFT })).toEqual({ ok: false, error: "unknown outbox topic gift.confetti" });
    expect(outboxJob("toString", {})).toEqual({ ok: false, error: "unknown outbox topic toString" });
    expect(outboxJob("gift.shoutout", { giftId: "not-a-uuid" })).toEqual({
      ok: false,
      error: "invalid gift.shoutout payload: giftId: Invalid UUID; channelId: Invalid input: expected string, received undefined",
    });
  });

  it("retries a failed hand-over after 1 s, doubling up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});
