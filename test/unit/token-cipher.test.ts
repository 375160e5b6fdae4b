import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, SecretUnreadableError, TokenCipher } from "../../src/store/token-cipher.ts";

const key = () => randomBytes(32).toString("base64");
const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";

describe("TokenCipher (AES-256-GCM)", () => {
  it("round-trips a token and never stores it in the clear", () => {
    const cipher = new TokenCipher(key());
    const stored = cipher.encrypt(TOKEN, "slack-installation:T1");
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{8}\./);
    expect(stored).not.toContain("abcdefghijklmnop");
    expect(cipher.decrypt(stored, "slack-installation:T1")).toBe(TOKEN);
    // A fresh IV each time: the same token encrypts differently.
    expect(cipher.encrypt(TOKEN, "slack-installation:T1")).not.toBe(stored);
  });

  it("refuses a ciphertext moved to another row, tampered with, or read with the wrong key", () => {
    const k = key();
    const cipher = new TokenCipher(k);
    const stored = cipher.encrypt(TOKEN, "slack-installation:T1");
    expect(() => cipher.decrypt(stored, "slack-installation:T2")).toThrow(SecretUnreadableError);
    const parts = stored.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => cipher.decrypt(parts.join("."), "slack-installation:T1")).toThrow("failed authentication");
    expect(() => new TokenCipher(key()).decrypt(stored, "slack-installation:T1")).toThrow("unknown key");
    expect(() => cipher.decrypt(TOKEN, "slack-installation:T1")).toThrow("not an encrypted secret");
  });

  it("after a rotation, reads old values with the previous key and writes with the new one", () => {
    const oldKey = key();
    const newKey = key();
    const before = new TokenCipher(oldKey).encrypt(TOKEN, "ctx");
    const rotated = new TokenCipher(newKey, [oldKey]);
    expect(rotated.decrypt(before, "ctx")).toBe(TOKEN);
    expect(rotated.isStale(before)).toBe(true);
    const after = rotated.encrypt(TOKEN, "ctx");
    expect(rotated.isStale(after)).toBe(false);
    expect(after.split(".")[1]).toBe(keyId(Buffer.from(newKey, "base64")));
  });

  it("rejects a key that is not 32 bytes", () => {
    expect(() => new TokenCipher(randomBytes(16).toString("base64"))).toThrow("32 bytes");
  });
});
