// Every admin change writes exactly one audit entry, in the same transaction as the change: a change that fails
// writes none, and an entry that cannot be written undoes the change. Run through the core rules on real stores.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStores } from "../../src/app/stores.ts";
import type { Stores } from "../../src/app/services.ts";
import { type AdminDeps, runAdminCommand } from "../../src/core/admin/admin.ts";
import type { AdminAction } from "../../src/core/admin/admin.ts";
import { requestDataExport } from "../../src/core/data-rights/data-export.ts";
import { setDigestMovers } from "../../src/core/digests/digest-commands.ts";
import { runFeedbackSettings } from "../../src/core/feedback/feedback-admin.ts";
import { changeTargets, connectHelpdesk, createApiToken, disconnectHelpdesk, mapHelpdeskAgent, revokeApiToken, setCustomerShoutouts } from "../../src/core/kpi/kpi-admin.ts";
import { updateRecognitionSettings } from "../../src/core/recognition/recognition-admin.ts";
import { auditBy, type AuditAction } from "../../src/core/shared/audit.ts";
import { MemberDirectory } from "../../src/core/shared/member-directory.ts";
import type { Member, Team, Workspace } from "../../src/core/shared/model.ts";
import { systemClock } from "../../src/core/shared/ports.ts";
import { TokenCipher } from "../../src/store/token-cipher.ts";
import { openTestStore, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let stores: Stores;
let workspace: Workspace;
let team: Team;
let admin: Member;
let ana: Member;
let adminDeps: AdminDeps & Stores;

const entries = (action: AuditAction) => store.db.auditLogEntry.findMany({ where: { action } });
const profile = (platformUserId: string, displayName: string) => ({
  platformUserId, displayName, handle: null, email: null, timeZone: null, isBot: false, isDeactivated: false, isWorkspaceAdmin: false,
});

/** Runs the change and returns the entries of `action` it wrote. */
async function wrote(action: AuditAction, change: () => Promise<unknown>) {
  const before = (await entries(action)).length;
  await change();
  return (await entries(action)).sort((a, b) => +a.createdAt - +b.createdAt).slice(before);
}

const admin_ = (command: AdminAction) => runAdminCommand(adminDeps, { workspace, team, actor: admin, command });

beforeAll(async () => {
  store = await openTestStore();
  stores = createStores(store.db, { cipher: new TokenCipher(randomBytes(32).toString("base64")) }).stores;
  ({ workspace, defaultTeam: team } = await stores.workspaces.ensure("slack", "T-AUDIT", { teamTimeZone: "UTC" }));
  const [a, b] = await stores.memberRepo.upsertProfiles(workspace.id, team.id, [profile("UADMIN", "Alex"), profile("UANA", "Ana")]);
  admin = await stores.memberRepo.setRole(a!.id, "admin");
  ana = b!;
  const members = new MemberDirectory(stores.memberRepo, { lookup: async () => null }, systemClock);
  adminDeps = { ...stores, members, onTeamChanged: async () => undefined };
});
afterAll(async () => {
  await store?.close();
});

describe("admin changes are audited", () => {
  it("a role: one entry about the member, from and to", async () => {
    const [entry, ...more] = await wrote("member.role", () => admin_({ kind: "role", target: { kind: "id", id: "UANA" }, role: "lead" }));
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorUserId: "UADMIN", target: "UANA", details: { from: "agent", to: "lead" } });
  });

  it("the team's channel, time zone, digest schedule, leaderboard post and awards: one entry each", async () => {
    const cases: [AuditAction, AdminAction][] = [
      ["team.channel", { kind: "channel", channelId: "CWINS" }],
      ["team.timezone", { kind: "timezone", timeZone: "Europe/Berlin" }],
      ["team.digest_schedule", { kind: "digest", day: 5, minuteOfDay: 16 * 60 }],
      ["team.leaderboard_post", { kind: "leaderboard_post", mode: "composite" }],
      ["team.awards", { kind: "awards", enabled: false }],
    ];
    for (const [action, command] of cases) {
      team = (await stores.workspaces.teamById(team.id))!;
      const written = await wrote(action, () => admin_(command));
      expect(written, action).toHaveLength(1);
      expect(written[0]).toMatchObject({ actorUserId: "UADMIN", target: team.id });
    }
    expect((await entries("team.timezone"))[0]?.details).toEqual({ team: team.name, from: "UTC", to: "Europe/Berlin" });
  });

  it("the workspace's language, and the digest's movers: one entry each, none when nothing changes", async () => {
    expect(await wrote("workspace.locale", () => admin_({ kind: "locale", locale: "zh-CN" }))).toHaveLength(1);
    workspace = { ...workspace, locale: "zh-CN" };
    expect(await wrote("workspace.locale", () => admin_({ kind: "locale", locale: "zh-CN" }))).toHaveLength(0);
    expect(await wrote("team.digest_movers", () => setDigestMovers(stores, admin, team, true))).toHaveLength(1);
    expect(await wrote("team.digest_movers", () => setDigestMovers(stores, admin, team, true))).toHaveLength(0);
  });

  it("recognition settings: one entry with each changed field", async () => {
    const settings = { ...(await stores.recognitionSettings.get(workspace.id)), allowancePoints: 15 };
    const [entry, ...more] = await wrote("settings.update", () => updateRecognitionSettings(stores, { workspace, actor: admin, settings }));
    expect(more).toHaveLength(0);
    expect(entry?.details).toEqual({ allowancePoints: { from: 5, to: 15 } });
  });

  it("targets: one entry per target set or removed, none for one that stays as it was or was never set", async () => {
    const csat = { metric: "csat" as const, target: 90, weight: 2, period: "month" as const, minVolume: 5 };
    expect(await wrote("kpi.target_set", () => changeTargets(stores, { actor: admin, team, set: [csat], remove: [] }))).toHaveLength(1);
    expect(await wrote("kpi.target_set", () => changeTargets(stores, { actor: admin, team, set: [csat], remove: [] }))).toHaveLength(0);
    const [raised] = await wrote("kpi.target_set", () => changeTargets(stores, { actor: admin, team, set: [{ ...csat, target: 95 }], remove: [] }));
    expect(raised?.details).toMatchObject({ metric: "csat", target: 95, from: { target: 90 } });
    expect(await wrote("kpi.target_remove", () => changeTargets(stores, { actor: admin, team, set: [], remove: ["csat", "qa_score"] }))).toHaveLength(1);
  });

  it("API tokens: one entry to create (named by prefix, never the token), one to revoke, none when nothing was revoked", async () => {
    let token = "";
    const [created] = await wrote("api_token.create", async () => ({ token } = await createApiToken(stores, { workspace, actor: admin, name: "zendesk" })));
    expect(created).toMatchObject({ target: token.slice(0, 10), details: { name: "zendesk" } });
    expect(JSON.stringify(await store.db.auditLogEntry.findMany())).not.toContain(token);
    const revoke = (prefix: string) => revokeApiToken(stores, { workspace, actor: admin, prefix, now: new Date() });
    expect(await wrote("api_token.revoke", () => revoke(token.slice(0, 10)))).toHaveLength(1);
    expect(await wrote("api_token.revoke", () => revoke(token.slice(0, 10)))).toHaveLength(0);
  });

  it("helpdesk secrets, agents and shoutouts: one entry each, never the secret", async () => {
    const set = () => connectHelpdesk(adminDeps, { workspace, actor: admin, provider: "zendesk", secret: "zendesk-signing-secret-0042" });
    expect(await wrote("helpdesk.secret_set", set)).toHaveLength(1);
    expect(JSON.stringify(await store.db.auditLogEntry.findMany())).not.toContain("0042");
    const agent = () => mapHelpdeskAgent(adminDeps, { workspace, team, actor: admin, provider: "zendesk", externalId: "Z-7", member: { kind: "id", id: "UANA" } });
    expect(await wrote("helpdesk.agent", agent)).toHaveLength(1);
    expect(await wrote("helpdesk.shoutouts", () => setCustomerShoutouts(adminDeps, { workspace, actor: admin, on: true }))).toHaveLength(1);
    const remove = () => disconnectHelpdesk(adminDeps, { workspace, actor: admin, provider: "zendesk" });
    expect(await wrote("helpdesk.secret_remove", remove)).toHaveLength(1);
    expect(await stores.helpdesks.secret(workspace.id, "zendesk")).toBeNull();
    expect(await wrote("helpdesk.secret_remove", remove)).toHaveLength(0);
  });

  it("the feedback anonymity threshold, and an export request: one entry each", async () => {
    const threshold = () => runFeedbackSettings(stores, { workspaceId: workspace.id, actor: admin, command: { kind: "threshold", value: 5 } });
    const [entry] = await wrote("feedback.threshold", threshold);
    expect(entry?.details).toEqual({ from: 3, to: 5 });
    const exportData = () =>
      requestDataExport({ clock: systemClock, auditLog: stores.auditLog, jobs: { exportData: async () => undefined } }, {
        workspace, team, actor: admin, period: { kind: "key", key: "2026-11" }, format: "csv", conversationId: null, requestId: "r1", locale: "en",
      });
    expect(await wrote("data.export", exportData)).toHaveLength(1);
  });

  it("a refused change writes nothing", async () => {
    const count = await store.db.auditLogEntry.count();
    await expect(runAdminCommand(adminDeps, { workspace, team, actor: ana, command: { kind: "timezone", timeZone: "Asia/Tokyo" } })).rejects.toThrow();
    await expect(createApiToken(stores, { workspace, actor: ana, name: "x" })).rejects.toThrow();
    expect(await store.db.auditLogEntry.count()).toBe(count);
  });
});

describe("a change and its entry share a transaction", () => {
  it("a change that fails writes no entry", async () => {
    const count = await store.db.auditLogEntry.count();
    await expect(stores.memberRepo.setRole(randomUUID(), "lead", auditBy(admin, "member.role", "UNOBODY", { to: "lead" }))).rejects.toThrow();
    expect(await store.db.auditLogEntry.count()).toBe(count);
  });

  it("an entry that cannot be written undoes the change", async () => {
    // An entry for a workspace that does not exist breaks its foreign key.
    const broken = { ...auditBy(admin, "team.timezone", team.id, {}), workspaceId: randomUUID() };
    const before = (await stores.workspaces.teamById(team.id))!.timeZone;
    await expect(stores.workspaces.updateTeam(team.id, { timeZone: "Asia/Tokyo" }, broken)).rejects.toThrow();
    expect((await stores.workspaces.teamById(team.id))!.timeZone).toBe(before);
    const target = { metric: "resolution_time" as const, target: 300, weight: 1, period: "week" as const, minVolume: null };
    await expect(stores.kpiTargets.change(team.id, { set: [target], remove: [] }, admin.id, [broken])).rejects.toThrow();
    expect((await stores.kpiTargets.forTeam(team.id)).map((t) => t.metric)).not.toContain("resolution_time");
    await expect(stores.apiTokens.create(workspace.id, "lost", admin.id, broken)).rejects.toThrow();
    expect((await stores.apiTokens.list(workspace.id)).map((t) => t.name)).not.toContain("lost");
    await expect(stores.feedback.setAnonymityThreshold(workspace.id, 9, broken)).rejects.toThrow();
    expect(await stores.feedback.anonymityThreshold(workspace.id)).toBe(5);
  });
});
