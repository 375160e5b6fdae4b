// The cipher for secrets at rest (Slack bot tokens, helpdesk signing secrets): SPUR_ENCRYPTION_KEY, with the
// earlier keys still read after a rotation. Outside production a fixed development key stands in for it.
import { type Config, DEV_ENCRYPTION_KEY } from "../config.ts";
import { TokenCipher } from "../store/token-cipher.ts";

export function secretCipher(config: Pick<Config, "SPUR_ENCRYPTION_KEY" | "SPUR_PREVIOUS_ENCRYPTION_KEYS">): TokenCipher {
  return new TokenCipher(config.SPUR_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY, config.SPUR_PREVIOUS_ENCRYPTION_KEYS);
}
