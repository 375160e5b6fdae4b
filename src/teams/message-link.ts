// Links to Teams messages (a message action's message, a gift's source): only https links on Teams' own hosts.
const TEAMS_HOSTS = ["teams.microsoft.com", "teams.cloud.microsoft"];

/** A Teams message link, safe to store and to put in card markdown; null for anything else. */
export function teamsMessageLink(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || !TEAMS_HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`))) return null;
  return url.href.replaceAll("(", "%28").replaceAll(")", "%29");
}
