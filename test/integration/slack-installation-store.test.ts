import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaSlackInstallationStore } from "../../src/store/slack-installation-store.ts";
import { keyId, TokenCipher } from "../../src/store/token-cipher.ts";
import { openTestStore, type TestStore } from "../support/test-store.ts";

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

const key = () => randomBytes(32).toString("base64");

function install(ids: { team?: string; enterprise?: string }, token: string): Installation<"v2", boolean> {
  return {
    team: ids.team ? { id: ids.team, name: "A team" } : undefined,
    enterprise: ids.enterprise ? { id: ids.enterprise, name: "An org" } : undefined,
    isEnterpriseInstall: !ids.team,
    user: { id: "UINSTALLER", token: undefined, scopes: undefined },
    bot: { token, scopes: ["commands", "chat:write"], id: "BBOT", userId: "UBOT" },
    appId: "ASPUR",
    authVersion: "v2",
  } as Installation<"v2", boolean>;
}

const storedCiphertext = async (installKey: string) =>
  (await store.db.slackInstallation.findUniqueOrThrow({ where: { installKey } })).botTokenEncrypted;

describe("PrismaSlackInstallationStore", () => {
  it("re-encrypts a token written with a previous key the first time it is read after a rotation", async () => {
    const oldKey = key();
    const newKey = key();
    await new PrismaSlackInstallationStore(store.db, new TokenCipher(oldKey)).storeInstallation(install({ team: "TROT" }, "xoxb-rotating"));
    expect((await storedCiphertext("TROT")).split(".")[1]).toBe(keyId(Buffer.from(oldKey, "base64")));

    const rotated = new PrismaSlackInstallationStore(store.db, new TokenCipher(newKey, [oldKey]));
    expect(await rotated.botToken("TROT")).toBe("xoxb-rotating");
    expect((await storedCiphertext("TROT")).split(".")[1]).toBe(keyId(Buffer.from(newKey, "base64")));
    // Once the old key is dropped, the token still reads.
    expect(await new PrismaSlackInstallationStore(store.db, new TokenCipher(newKey)).botToken("TROT")).toBe("xoxb-rotating");
  });

  it("keeps one row per workspace: a reinstall replaces the token", async () => {
    const s = new PrismaSlackInstallationStore(store.db, new TokenCipher(key()));
    await s.storeInstallation(install({ team: "TRE" }, "xoxb-first"));
    await s.storeInstallation(install({ team: "TRE" }, "xoxb-second"));
    expect(await store.db.slackInstallation.count({ where: { teamId: "TRE" } })).toBe(1);
    expect(await s.botToken("TRE")).toBe("xoxb-second");
    const fetched = await s.fetchInstallation({ teamId: "TRE", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched).toMatchObject({ team: { id: "TRE" }, bot: { token: "xoxb-second", userId: "UBOT", id: "BBOT" }, appId: "ASPUR" });
  });

  it("answers a workspace of an org from the org-wide install, and forgets it on uninstall", async () => {
    const s = new PrismaSlackInstallationStore(store.db, new TokenCipher(key()));
    await s.storeInstallation(install({ enterprise: "EORG" }, "xoxb-org"));
    const fetched = await s.fetchInstallation({ teamId: "TORGMEMBER", enterpriseId: "EORG", isEnterpriseInstall: false });
    expect(fetched.bot?.token).toBe("xoxb-org");
    await s.uninstall({ enterpriseId: "EORG", isEnterpriseInstall: true });
    await expect(s.fetchInstallation({ teamId: undefined, enterpriseId: "EORG", isEnterpriseInstall: true })).rejects.toThrow("no Slack installation");
  });
});
