// Secrets at rest (Slack bot tokens): AES-256-GCM. A stored value reads `v1.<key id>.<iv>.<tag>.<ciphertext>`
// (base64url parts); the key id names the key that wrote it, so after a rotation rows written with an earlier
// key still decrypt while new writes use the current one. The row's identity is bound in as associated data,
// so a ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretUnreadableError extends Error {
  readonly code = "secret_unreadable";
}

/** A short, stable name for a key (not secret: a hash prefix), stored with each ciphertext. */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export class TokenCipher {
  private readonly currentId: string;
  private readonly keys = new Map<string, Buffer>();

  /** `currentKey` encrypts; it and `previousKeys` decrypt. Keys are 32 bytes, base64. */
  constructor(currentKey: string, previousKeys: readonly string[] = []) {
    const current = Buffer.from(currentKey, "base64");
    if (current.length !== 32) throw new Error("encryption key must be 32 bytes");
    this.currentId = keyId(current);
    this.keys.set(this.currentId, current);
    for (const k of previousKeys) {
      const key = Buffer.from(k, "base64");
      if (key.length === 32 && !this.keys.has(keyId(key))) this.keys.set(keyId(key), key);
    }
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [VERSION, this.currentId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
  }

  decrypt(stored: string, context: string): string {
    const [version, id, iv, tag, body] = stored.split(".");
    if (version !== VERSION || !id || !iv || !tag || body === undefined) throw new SecretUnreadableError("not an encrypted secret");
    const key = this.keys.get(id);
    if (!key) throw new SecretUnreadableError(`secret was encrypted with an unknown key (${id}); add it to SPUR_PREVIOUS_ENCRYPTION_KEYS`);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretUnreadableError("secret failed authentication (wrong key or tampered value)");
    }
  }

  /** True when the value was written with an earlier key and should be re-encrypted. */
  isStale(stored: string): boolean {
    return stored.split(".")[1] !== this.currentId;
  }
}
