import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { BOT, botAddedToTeam, GENERAL, message, TEAMS_ROSTER, TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true });
  const res = await h.teams(botAddedToTeam(connector.url));
  expect(res.status).toBe(200);
  // Room for every gift below in one day (the default allowance is 5 points a day; its rules are tested elsewhere).
  const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
  await h.spur.db.recognitionSettings.create({ data: { workspaceId: workspace.id, allowancePoints: 1000 } });
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

async function kudosRows() {
  return h.spur.db.kudos.findMany({ include: { recipient: true, giver: true }, orderBy: { createdAt: "asc" } });
}

/** Sends a message to Spur and returns the reply it posted in the message's thread. */
async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string, scope: "channel" | "personal" = "channel") {
  const activity = message(from, parts, { serviceUrl: connector.url, scope });
  const since = connector.sent.length;
  const res = await h.teams(activity);
  expect(res.status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
  return reply;
}

describe("Teams: installing Spur in a team", () => {
  it("stores the conversation reference, makes the channel the team's channel and says hello once", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    expect(workspace.externalId).toBe(`${TENANT_ID}:${GENERAL}`);
    const conversation = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(conversation).toMatchObject({ conversationId: GENERAL, conversationType: "channel", serviceUrl: connector.url, active: true });
    expect(conversation.reference).toMatchObject({ bot: { id: BOT.id }, conversation: { id: GENERAL } });
    const team = await h.spur.db.team.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(team.channelId).toBe(GENERAL);
    // Carl owns the team (the roster's userRole), so he is a Spur admin.
    expect((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: carl.id } })).role).toBe("admin");
    const hello = connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Hi, I'm Spur"));
    expect(hello).toHaveLength(1);
    // Teams sends the same install again (e.g. installationUpdate after conversationUpdate): no second hello.
    await h.teams(botAddedToTeam(connector.url));
    expect(connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Hi, I'm Spur"))).toHaveLength(1);
  });
});

describe("Teams: kudos @a @b 3 reason #value", () => {
  it("gives kudos to the mentioned people, confirms in the thread and posts a shoutout card to the channel", async () => {
    const reply = await say(carl, ["kudos ", ana, " ", bo, " 3 saved the Acme renewal #ownership #Empathy"], "Kudos sent");
    expect(textOf(reply)).toContain("Ana Alves and Bo Berg each got 3 points");
    expect(reply.conversationId.startsWith(GENERAL)).toBe(true);

    const shoutout = await connector.waitForText("Carl Cruz gave Ana Alves and Bo Berg each 3 points");
    expect(shoutout.conversationId).toBe(GENERAL);
    expect(shoutout.replyToId).toBeUndefined();
    const attachments = shoutout.activity.attachments as { contentType: string; content: { version: string } }[];
    expect(attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachments[0]?.content.version).toBe("1.5");
    expect(textOf(shoutout)).toContain("#ownership #empathy");

    const rows = await kudosRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.recipient.platformUserId).sort()).toEqual([ana.id, bo.id]);
    for (const row of rows) {
      expect(row.giver?.platformUserId).toBe(carl.id);
      expect(row.points).toBe(3);
      expect(row.reason).toBe("saved the Acme renewal");
      expect(row.values).toEqual(["ownership", "empathy"]);
    }
    // Members come from the Teams roster, with their email (for KPI ingestion) and sign-in name as handle.
    const member = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } });
    expect(member).toMatchObject({ displayName: "Ana Alves", email: "ana@contoso.com", handle: "ana" });
    expect(connector.memberLookups.map((l) => l.userId).sort()).toEqual([ana.id, bo.id, carl.id]);
    // …and their Entra ID object id, so KPI ingestion can map helpdesk agents to them.
    expect(await h.spur.db.teamsUser.findFirstOrThrow({ where: { platformUserId: ana.id } })).toMatchObject({
      workspaceId: member.workspaceId,
      aadObjectId: "aad-ana",
      userPrincipalName: "ana@contoso.com",
    });
    await connector.waitFor(async () => (await kudosRows()).every((r) => r.shoutoutRef !== null));
  });

  it("tells each recipient privately, in a personal chat Spur opens when they have none", async () => {
    for (const person of [ana, bo]) {
      const note = await connector.waitFor(() =>
        connector.sent.find((s) => s.conversationId === `a:created-${person.id}` && textOf(s).includes("Carl Cruz gave you 3 points")),
      );
      expect(textOf(note)).toContain("saved the Acme renewal");
    }
    expect(connector.createdChats.map((c) => c.userId).sort()).toEqual([ana.id, bo.id]);
    expect(connector.sent.filter((s) => textOf(s).includes("gave you")).length).toBe(2);
  });

  it("stores a redelivered activity (same id) once", async () => {
    const activity = message(bo, ["kudos ", dee, " thanks for covering my shift"], { serviceUrl: connector.url });
    const before = (await kudosRows()).length;
    await h.teams(activity);
    await h.teams(activity);
    await connector.waitForText("already recorded");
    expect((await kudosRows()).length).toBe(before + 1);
  });

  it("has stored the gift before it replies, and answers the activity's HTTP request only after the reply", async () => {
    const activity = message(dee, ["kudos ", ana, " 2 closed the backlog before the weekend"], { serviceUrl: connector.url });
    const stored = async () => (await kudosRows()).filter((r) => r.reason === "closed the backlog before the weekend");
    // Teams is slow to take the reply: the turn, and with it the HTTP request, waits for it.
    const release = connector.holdReplyTo(activity.id);
    let answered = false;
    const response = h.teams(activity).then((res) => {
      answered = true;
      return res;
    });
    const reply = await connector.waitFor(() => connector.sent.find((s) => s.replyToId === activity.id));
    expect(textOf(reply)).toContain("Kudos sent");
    expect((await stored()).map((r) => r.recipient.platformUserId)).toEqual([ana.id]);
    expect(answered).toBe(false);
    release();
    expect((await response).status).toBe(200);
  });

  const refusals: [string, (string | RosterMember)[], string][] = [
    ["self-kudos", ["kudos ", carl, " 2 for being great"], "You can't give kudos to yourself"],
    ["a bot", ["kudos ", { id: "28:helpbot", name: "HelpBot" }, " answered a ticket"], "is a bot"],
    ["someone outside the team", ["kudos ", { id: "29:stranger", name: "Stranger Danger" }, " helped"], "I couldn't find Stranger Danger"],
    ["no reason", ["kudos ", ana, " 2"], "kudos need a reason"],
    ["points out of range", ["kudos ", ana, " 50 legend"], "Points must be a whole number from 1 to 5"],
    ["no recipients", ["kudos great work everyone"], "Who should get the kudos?"],
    ["a bare handle nobody has", ["kudos @zed helped a lot"], "I couldn't find @zed"],
  ];
  for (const [name, parts, expected] of refusals) {
    it(`refuses ${name} with a specific reply and stores nothing`, async () => {
      const before = (await kudosRows()).length;
      await say(carl, parts, expected);
      expect((await kudosRows()).length).toBe(before);
    });
  }

  it("shows the team's leaderboard with the caller's own rank", async () => {
    const reply = await say(carl, ["leaderboard all received"], "Most recognised — ");
    const body = textOf(reply);
    expect(body).toMatch(/🥇 (Ana|Bo)/);
    expect(body).toContain("You are");
  });

  it("keeps peer feedback results and the feedback form out of channels", async () => {
    // Carl has only given kudos, so he has no personal chat with Spur yet: he is told where to ask.
    await say(carl, ["feedback mine"], "Feedback results are private: send me `feedback mine` in a personal chat with Spur.");
    await say(carl, ["feedback ", bo], "Feedback is private: send me `feedback @teammate` in a personal chat with Spur.");
    // Ana has one (Spur opened it to tell her about her kudos): her results go there, never to the channel.
    await say(ana, ["feedback mine"], "Feedback results are private, so I sent it to our personal chat.");
    await connector.waitFor(() => connector.sent.find((s) => s.conversationId === `a:created-${ana.id}` && textOf(s).includes("Your feedback")));
    expect(connector.sentTo(GENERAL).some((s) => textOf(s).includes("Your feedback"))).toBe(false);
    const mine = await say(ana, ["feedback mine"], "Your feedback", "personal");
    expect(textOf(mine)).toContain("No ratings to show yet.");
  });

  it("resolves a bare @handle of a known member", async () => {
    await say(dee, ["kudos @ana fixed the macro #craft"], "Kudos sent");
    expect((await kudosRows()).at(-1)?.recipient.platformUserId).toBe(ana.id);
  });

  it("answers help, kudos help and unknown commands with usage", async () => {
    await say(ana, ["help"], "kudos @person");
    await say(ana, ["kudos help"], "Give kudos like this");
    await say(ana, ["dance"], 'I don\'t know \\"dance\\"');
  });
});

describe("Teams: admin (Slack's /spur)", () => {
  it("refuses people who are not Spur admins", async () => {
    await say(ana, ["admin timezone Europe/Berlin"], "Only Spur admins can change settings");
  });

  it("lets an admin set roles, the channel, time zone and digest schedule of the team", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    // Carl owns the team (the roster says so), so he is a Spur admin; he appoints Alex.
    const admin = { id: "29:alex", name: "Alex Admin", email: "alex@contoso.com" };
    connector.roster.set(admin.id, admin);
    await say(carl, ["admin role ", admin, " admin"], "Alex Admin is now an admin");

    await say(admin, ["admin role ", bo, " lead"], "Bo Berg is now a lead");
    await say(admin, ["admin timezone Europe/Berlin"], "now runs on Europe/Berlin time");
    await say(admin, ["admin digest friday 16:30"], "Fridays at 16:30");
    await say(admin, ["admin channel"], "now go to this channel");
    await say(admin, ["admin frobnicate"], "I don't know `admin frobnicate`");

    const updated = await h.spur.db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(updated).toMatchObject({ timeZone: "Europe/Berlin", digestDay: 5, digestMinuteOfDay: 16 * 60 + 30 });
    const scheduler = (await h.spur.queues.scheduled.getJobSchedulers()).find((s) => s.key === `weekly-digest-${team.id}`);
    expect(scheduler).toMatchObject({ pattern: "0 30 16 * * 5", tz: "Europe/Berlin" });
    expect((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } })).role).toBe("lead");
  });
});
