import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForCommandReply } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { syncRoster } from "../support/roster.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  // The workspace's people are known from its roster, as after an install (gifts to people Spur has not seen
  // yet are tested in slack-roster.test.ts).
  await syncRoster(h);
  // These tests are about the command itself; allowance limits are covered in slack-recognition-rules.test.ts.
  await h.setRecognitionSettings({ allowancePoints: 100 });
});
afterAll(async () => {
  await h?.stop();
});

/** The private reply to one of `user`'s commands: the body of its ack. */
function ephemeralTo(user: string, contains: string) {
  return waitForCommandReply(h, user, contains);
}

async function kudosRows() {
  return h.spur.db.kudos.findMany({ include: { recipient: true, giver: true }, orderBy: { createdAt: "asc" } });
}

describe("/kudos over signed HTTP", () => {
  it("gives kudos to several people with value tags, confirms privately and shouts out publicly", async () => {
    const res = await h.command("/kudos", `${esc(USERS.ana)} ${esc(USERS.bo)} 3 saved the Acme renewal #ownership #Empathy`, {
      user: USERS.carl.id,
      channel: "CSUPPORT",
      triggerId: "trigger-multi",
    });
    expect(res.status).toBe(200);

    const confirmation = await ephemeralTo(USERS.carl.id, "Kudos sent");
    expect(confirmation.args.channel).toBe("CSUPPORT");
    expect(String(confirmation.args.text)).toContain("<@UANA> and <@UBO> each got 3 points");

    const shoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("saved the Acme renewal"));
    expect(shoutout.args.channel).toBe("CSUPPORT");
    expect(String(shoutout.args.text)).toContain("<@UCARL> gave <@UANA> and <@UBO> each 3 points");
    expect(JSON.stringify(shoutout.args.blocks)).toContain("#ownership #empathy");

    const rows = await kudosRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.recipient.platformUserId).sort()).toEqual(["UANA", "UBO"]);
    for (const row of rows) {
      expect(row.giver?.platformUserId).toBe("UCARL");
      expect(row.points).toBe(3);
      expect(row.reason).toBe("saved the Acme renewal");
      expect(row.values).toEqual(["ownership", "empathy"]);
      expect(row.source).toBe("slash_command");
    }
    expect(new Set(rows.map((r) => r.giftId)).size).toBe(1);

    // Members come from the roster, with their names: the request path looked nobody up.
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: "UANA" } });
    expect(ana.displayName).toBe("ana");
    expect(ana.email).toBe("ana@example.com");
    expect(h.slack.callsTo("users.info")).toEqual([]);
    // The shoutout reference is recorded on the gift.
    await h.slack.waitFor(async () => (await kudosRows()).every((r) => r.shoutoutRef !== null));
  });

  it("stores a redelivered request (same trigger) once", async () => {
    const before = (await kudosRows()).length;
    const text = `${esc(USERS.dee)} thanks for covering my shift`;
    await h.command("/kudos", text, { user: USERS.bo.id, triggerId: "trigger-dup" });
    await ephemeralTo(USERS.bo.id, "Kudos sent");
    await h.command("/kudos", text, { user: USERS.bo.id, triggerId: "trigger-dup" });
    await ephemeralTo(USERS.bo.id, "already recorded");
    expect((await kudosRows()).length).toBe(before + 1);
  });

  const refusals: [string, string, string][] = [
    ["self-kudos", `${esc(USERS.carl)} 2 for being great`, "You can't give kudos to yourself"],
    ["a bot", `${esc(USERS.bot)} answered a ticket`, "helpbot is a bot"],
    ["a deactivated user", `${esc(USERS.gone)} helped`, "account is deactivated"],
    ["no reason", `${esc(USERS.ana)} 2`, "kudos need a reason"],
    ["points out of range", `${esc(USERS.ana)} 50 legend`, "Points must be a whole number from 1 to 5"],
    ["no recipients", `great work everyone`, "Who should get the kudos?"],
    ["a bare handle nobody has", `@zed helped a lot`, "I couldn't find @zed"],
  ];

  for (const [name, text, message] of refusals) {
    it(`refuses ${name} with a specific private message and stores nothing`, async () => {
      const before = (await kudosRows()).length;
      const res = await h.command("/kudos", text, { user: USERS.carl.id });
      expect(res.status).toBe(200);
      const reply = await ephemeralTo(USERS.carl.id, message);
      expect(String(reply.args.text)).toContain(message);
      expect((await kudosRows()).length).toBe(before);
    });
  }

  it("resolves a bare @handle of a known member", async () => {
    await h.command("/kudos", "@ana fixed the macro #craft", { user: USERS.dee.id });
    await ephemeralTo(USERS.dee.id, "Kudos sent");
    const rows = await kudosRows();
    expect(rows.at(-1)?.recipient.platformUserId).toBe("UANA");
  });

  it("answers /kudos help with usage", async () => {
    await h.command("/kudos", "help", { user: USERS.ana.id });
    await ephemeralTo(USERS.ana.id, "Give kudos like this");
  });

  it("rejects a bad signature with 401 and stores nothing", async () => {
    const before = (await kudosRows()).length;
    const form = new URLSearchParams({ command: "/kudos", text: `${esc(USERS.ana)} forged`, team_id: "T0001", user_id: "UBO", channel_id: "C1", trigger_id: "t-forged", response_url: h.slack.responseUrl("x") }).toString();
    const bad = await h.post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders("wrong-secret", form) });
    expect(bad.status).toBe(401);
    const stale = await h.post(form, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignatureHeaders("test-signing-secret", form, Math.floor(Date.now() / 1000) - 10 * 60),
    });
    expect(stale.status).toBe(401);
    // Correctly signed, but dated 10 minutes ahead: it could be replayed for the next quarter of an hour.
    const future = await h.post(form, {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignatureHeaders("test-signing-secret", form, Math.floor(Date.now() / 1000) + 10 * 60),
    });
    expect(future.status).toBe(401);
    const unsigned = await h.post(form, { "content-type": "application/x-www-form-urlencoded" });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect((await kudosRows()).length).toBe(before);
  });
});
