import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotConnector } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
});
afterAll(async () => {
  await connector?.stop();
});

describe("Teams with an app id configured", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: { MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001", MICROSOFT_APP_PASSWORD: "test-client-secret" },
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("answers 401 to a request without a valid Bot Framework token and changes nothing", async () => {
    const kudos = message(TEAMS_USERS.carl, ["kudos ", TEAMS_USERS.ana, " 3 forged"], { serviceUrl: connector.url });
    const unsigned = await h.teams(kudos);
    expect(unsigned.status).toBe(401);
    const garbage = await h.teams(kudos, { authorization: "Bearer not-a-jwt" });
    expect(garbage.status).toBe(401);
    const forgedInstall = await h.teams(botAddedToTeam(connector.url), { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0." });
    expect(forgedInstall.status).toBe(401);

    expect(await h.spur.db.workspace.count({ where: { platform: "teams" } })).toBe(0);
    expect(await h.spur.db.teamsConversation.count()).toBe(0);
    expect(await h.spur.db.kudos.count()).toBe(0);
    expect(connector.sent).toHaveLength(0);
    expect(connector.memberLookups).toHaveLength(0);
  });

  it("answers a token whose signing keys can't be fetched with a generic error, not the fetch's own words", async () => {
    // Well formed and from an allowed issuer, so botbuilder goes to fetch the Bot Framework's signing keys;
    // here that fetch fails (no network), or finds no key "key-1".
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: "https://api.botframework.com", aud: "00000000-0000-0000-0000-000000000001", exp: now + 3600, nbf: now - 10, serviceurl: connector.url };
    const jwt = `${b64({ alg: "RS256", kid: "key-1", typ: "JWT" })}.${b64(claims)}.c2lnbmF0dXJl`;
    const res = await h.teams(message(TEAMS_USERS.carl, ["help"], { serviceUrl: connector.url }), { authorization: `Bearer ${jwt}` });
    expect([401, 500]).toContain(res.status);
    expect(JSON.parse(res.body)).toEqual({ error: res.status === 401 ? "unauthorized" : "internal_error" });
    expect(connector.sent).toHaveLength(0);
  });
});

describe("Teams not configured", () => {
  it("answers 404 at /api/messages", async () => {
    const h = await startHarness();
    try {
      const res = await h.teams(message(TEAMS_USERS.carl, ["help"], { serviceUrl: connector.url }));
      expect(res.status).toBe(404);
      expect(await h.spur.db.workspace.count()).toBe(0);
    } finally {
      await h.stop();
    }
  });
});
