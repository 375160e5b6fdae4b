// Helpdesk signing secrets at rest: encrypted like Slack bot tokens, never in plaintext in the table; rows an
// earlier version wrote in plaintext are still read, and encrypted (and cleared) by the startup conversion.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaHelpdeskStore } from "../../src/store/helpdesk-store.ts";
import { TokenCipher } from "../../src/store/token-cipher.ts";
import { openTestStore, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let helpdesks: PrismaHelpdeskStore;
let workspaceId = "";
const rows = () => store.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM helpdesk_integration ORDER BY provider`;

beforeAll(async () => {
  store = await openTestStore();
  helpdesks = new PrismaHelpdeskStore(store.db, new TokenCipher(randomBytes(32).toString("base64")));
  workspaceId = (await store.db.workspace.create({ data: { platform: "slack", externalId: "T-HELPDESK" } })).id;
});
afterAll(async () => {
  await store?.close();
});

describe("helpdesk secrets", () => {
  it("are stored encrypted: the row holds no plaintext, and reading gives the secret back", async () => {
    await helpdesks.setSecret(workspaceId, "zendesk", "zendesk-signing-secret-0042");
    const raw = JSON.stringify(await rows());
    expect(raw).not.toContain("zendesk-signing-secret-0042");
    expect(raw).not.toContain("0042");
    expect(await helpdesks.secret(workspaceId, "zendesk")).toBe("zendesk-signing-secret-0042");
  });

  it("reads a plaintext secret an earlier version wrote, then encrypts it once at startup", async () => {
    await store.db.$executeRaw`INSERT INTO helpdesk_integration (workspace_id, provider, secret) VALUES (${workspaceId}::uuid, 'intercom', 'legacy-intercom-secret')`;
    expect(await helpdesks.secret(workspaceId, "intercom")).toBe("legacy-intercom-secret");
    expect(await helpdesks.encryptPlaintextSecrets()).toBe(1);
    expect(await helpdesks.encryptPlaintextSecrets()).toBe(0);
    expect(JSON.stringify(await rows())).not.toContain("legacy-intercom-secret");
    expect(await helpdesks.secret(workspaceId, "intercom")).toBe("legacy-intercom-secret");
  });

  it("binds a ciphertext to its workspace and helpdesk: copied onto another row it does not decrypt", async () => {
    const [zendesk] = await store.db.$queryRaw<{ secret_encrypted: string }[]>`SELECT secret_encrypted FROM helpdesk_integration WHERE provider = 'zendesk'`;
    await store.db.$executeRaw`UPDATE helpdesk_integration SET secret_encrypted = ${zendesk!.secret_encrypted} WHERE provider = 'intercom'`;
    await expect(helpdesks.secret(workspaceId, "intercom")).rejects.toThrow(/failed authentication/);
  });
});
