// Team names: what an admin may call a team, and when two names are the same one (case does not count, so
// "tier 1" is "Tier 1"; names in any script, such as 一线客服, compare as written).

/** The words after `team` that start a command of their own, so no team can be called by one of them alone. */
export const TEAM_VERBS: readonly string[] = ["list", "create", "rename", "archive", "help"];

export const MAX_TEAM_NAME_LENGTH = 80;

export function validTeamName(name: string): boolean {
  return validName(name, TEAM_VERBS, MAX_TEAM_NAME_LENGTH);
}

/** A name an admin may give (a team, a level): not empty, not too long, not one of the command's own words. */
export function validName(name: string, reserved: readonly string[], maxLength: number): boolean {
  const trimmed = name.trim();
  if (trimmed.length === 0 || [...trimmed].length > maxLength) return false;
  if (reserved.includes(trimmed.toLowerCase())) return false;
  // Letters, digits, marks, spaces and common punctuation; no control or format characters.
  return /^[\p{L}\p{M}\p{N}\p{Zs}\p{P}\p{S}]+$/u.test(trimmed);
}

/** The form two names are compared in: Unicode-normalised, case folded, spaces collapsed. */
export function teamNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}

export function sameTeamName(a: string, b: string): boolean {
  return teamNameKey(a) === teamNameKey(b);
}
