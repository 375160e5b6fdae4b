// Which Teams identities name a Spur admin: a team owner (the roster's userRole "owner", when Teams says it) or a
// person SPUR_BOOTSTRAP_ADMINS lists by sign-in name, email or Entra object id.
import type { TeamsChannelAccount } from "botbuilder";

type Identity = Pick<TeamsChannelAccount, "userRole" | "email" | "userPrincipalName" | "aadObjectId">;

/** Whether any of a person's identities is listed in SPUR_BOOTSTRAP_ADMINS (kept lower-case). */
export function isBootstrapAdmin(identities: (string | null | undefined)[], bootstrap: readonly string[]): boolean {
  return bootstrap.length > 0 && identities.some((id) => Boolean(id) && bootstrap.includes(String(id).toLowerCase()));
}

/** A roster account that makes a Spur admin: a team owner, or a bootstrap admin. */
export function namesAdmin(account: Identity, bootstrap: readonly string[]): boolean {
  return account.userRole?.toLowerCase() === "owner" || isBootstrapAdmin([account.email, account.userPrincipalName, account.aadObjectId], bootstrap);
}
