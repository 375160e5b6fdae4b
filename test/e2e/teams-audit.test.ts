// Teams counterpart of slack-audit: `admin audit` is the same use case, so it lists the same changes, filtered by
// period and member, and refuses non-admins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../support/fake-bot-connector.ts";
import { type Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { type Say, startTeams, type TeamsSetup } from "../support/teams-chat.ts";

// Carl owns the team, so he is a Spur admin.
const { ana, carl, dee } = TEAMS_USERS;
let h: Harness;
let say: Say;
let teams: TeamsSetup;

beforeAll(async () => {
  teams = await startTeams({ known: [ana, dee] });
  ({ h } = teams);
  say = teams.chat.say;
  await say(carl, ["admin role ", dee, " lead"], "Dee Diaz is now a lead");
  await say(carl, ["admin timezone Europe/Berlin"], "Europe/Berlin");
  await say(carl, ["feedback threshold 4"], "once 4 people", "personal");
});
afterAll(async () => {
  await teams?.stop();
});

describe("Teams: admin audit", () => {
  it("is refused to a non-admin", async () => {
    await say(ana, ["admin audit"], "Only Spur admins can read the audit log");
    await say(dee, ["admin audit"], "Only Spur admins can read the audit log");
  });

  it("lists who changed what, newest first, with the installation's own changes left out", async () => {
    const text = textOf(await say(carl, ["admin audit"], "Audit log", "personal"));
    const lines = ["set the feedback anonymity threshold from 3 to 4", "time zone from UTC to Europe/Berlin", "a lead (was an agent)"];
    const at = lines.map((line) => text.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("· Carl Cruz set the feedback");
    expect(text).toContain("made Dee Diaz a lead");
    expect(text).toContain("Changes 1–3 of 3, newest first.");
  });

  it("answers an admin who asks in a channel in their personal chat", async () => {
    const reply = textOf(await say(carl, ["admin audit"], "The audit log is for admins' eyes only"));
    expect(reply).not.toContain("a lead");
  });

  it("filters by member and by period", async () => {
    const aboutDee = textOf(await say(carl, ["admin audit ", dee], "Changes 1–1 of 1", "personal"));
    expect(aboutDee).toContain("made Dee Diaz a lead");
    await say(carl, ["admin audit ", ana], "No changes recorded.", "personal");
    const role = await h.spur.db.auditLogEntry.findFirstOrThrow({ where: { action: "member.role" } });
    await h.spur.db.$executeRaw`UPDATE audit_log SET created_at = date_trunc('quarter', now()) - interval '10 days' WHERE id = ${role.id}::uuid`;
    const lastQuarter = textOf(await say(carl, ["admin audit last quarter"], "Changes 1–1 of 1", "personal"));
    expect(lastQuarter).toContain("a lead");
    const thisQuarter = textOf(await say(carl, ["admin audit this quarter"], "Changes 1–2 of 2", "personal"));
    expect(thisQuarter).not.toContain("a lead");
  });
});
