// /spur audit on Slack: the changes admins made, newest first, filtered by period and member, paged, and
// refused to everyone else. Entries carry the database's time, so "last month" is made by back-dating one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let token = "";

const say = async (user: string, text: string, expectText: string) => {
  const call = await ephemeralReply(h, user, "/spur", text, expectText);
  return String(call.args.text) + JSON.stringify(call.args.blocks ?? "");
};

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  await say(USERS.admin.id, `role ${esc(USERS.bo)} lead`, "is now a lead");
  await say(USERS.admin.id, "timezone Europe/Berlin", "Europe/Berlin");
  await say(USERS.admin.id, "settings allowance 15", "Saved");
  const created = await say(USERS.admin.id, "api-token zendesk", "copy it now");
  token = /`(spur_[A-Za-z0-9_-]+)`/.exec(created)?.[1] ?? "";
  expect(token).not.toBe("");
});
afterAll(async () => {
  await h?.stop();
});

describe("/spur audit", () => {
  it("is refused to a non-admin", async () => {
    await say(USERS.ana.id, "audit", "Only Spur admins can read the audit log");
    await say(USERS.bo.id, "audit", "Only Spur admins can read the audit log");
  });

  it("lists who changed what, newest first, and never a token", async () => {
    const text = await say(USERS.admin.id, "audit", "Audit log");
    const lines = [
      "created an API token “zendesk” (`spur_",
      "changed the recognition settings: allowance from 5 to 15",
      "time zone from UTC to Europe/Berlin",
      "made <@UBO> a lead (was an agent)",
    ];
    for (const line of lines) expect(text).toContain(line);
    const at = lines.map((line) => text.indexOf(line));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("<@UADMIN>");
    expect(text).not.toContain(token);
    expect(text).toContain("Changes 1–4 of 4, newest first.");
    expect(text).not.toContain("More:");
  });

  it("filters by the member who made or was the subject of a change", async () => {
    const aboutBo = await say(USERS.admin.id, `audit ${esc(USERS.bo)}`, "changes by or about <@UBO>");
    expect(aboutBo).toContain("made <@UBO> a lead");
    expect(aboutBo).not.toContain("Europe/Berlin");
    const byAdmin = await say(USERS.admin.id, `audit ${esc(USERS.admin)}`, "Changes 1–4 of 4");
    expect(byAdmin).toContain("made <@UBO> a lead");
    await say(USERS.admin.id, `audit ${esc(USERS.dee)}`, "No changes recorded.");
  });

  it("filters by period, the way other commands name one", async () => {
    const role = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "member.role" } });
    await h.spur.db.$executeRaw`UPDATE audit_log SET created_at = date_trunc('month', now()) - interval '10 days' WHERE id = ${role.id}::uuid`;
    const lastMonth = await say(USERS.admin.id, "audit last month", "Changes 1–1 of 1");
    expect(lastMonth).toContain("made <@UBO> a lead");
    const thisMonth = await say(USERS.admin.id, "audit month", "Changes 1–3 of 3");
    expect(thisMonth).not.toContain("a lead");
    const key = await say(USERS.admin.id, `audit ${lastMonthKey()} ${esc(USERS.bo)}`, "Changes 1–1 of 1");
    expect(key).toContain("made <@UBO> a lead");
    await say(USERS.admin.id, "audit 2019-02", "No changes recorded.");
    await say(USERS.admin.id, "audit yesterday", "I don't understand `yesterday` here.");
  });

  it("pages 20 at a time, with the command for the next page", async () => {
    const workspaceId = (await h.spur.db.workspace.findFirstOrThrow()).id;
    await h.spur.db.auditLogEntry.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        workspaceId, actorUserId: USERS.admin.id, action: "feedback.threshold", target: workspaceId, details: { from: 3 + i, to: 4 + i },
        createdAt: new Date(Date.now() - (i + 1) * 60_000),
      })),
    });
    const first = await say(USERS.admin.id, "audit", "Changes 1–20 of 24, newest first.");
    expect(first).toContain("More: `/spur audit page 2`");
    const second = await say(USERS.admin.id, "audit page 2", "Changes 21–24 of 24");
    expect(second).not.toContain("More:");
  });

  it("shows a forgotten member's entries without their identity", async () => {
    await say(USERS.admin.id, `forget ${esc(USERS.bo)} confirm`, "personal data was erased");
    const text = await say(USERS.admin.id, `audit last month`, "Changes 1–1 of 1");
    expect(text).toContain("made a former member a lead (was an agent)");
    const latest = await say(USERS.admin.id, "audit", "erased a member's personal data");
    expect(latest + text).not.toContain("UBO");
  });
});

/** The key of the month before this one (UTC is near enough: the entry sits ten days inside it). */
function lastMonthKey(): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return month.toISOString().slice(0, 7);
}
