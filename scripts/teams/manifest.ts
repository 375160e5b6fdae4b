// The Teams app manifest: manifests/teams/manifest.json with the bot's app id and Spur's public host filled in.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const TEAMS_MANIFEST_DIR = fileURLToPath(new URL("../../manifests/teams/", import.meta.url));

export interface ManifestSettings {
  /** The Azure Bot registration's app id (a GUID); also used as the Teams app id. */
  appId: string;
  /** Spur's public host name, e.g. spur.example.com (no scheme, no path). */
  publicHost: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^[a-z0-9.-]+(?::\d+)?$/i;

export function renderTeamsManifest(settings: ManifestSettings, template = readFileSync(`${TEAMS_MANIFEST_DIR}manifest.json`, "utf8")): Record<string, unknown> {
  if (!GUID.test(settings.appId)) throw new Error(`MICROSOFT_APP_ID must be the bot's app id (a GUID), got "${settings.appId}"`);
  if (!HOST.test(settings.publicHost)) throw new Error(`SPUR_PUBLIC_HOST must be a host name such as spur.example.com, got "${settings.publicHost}"`);
  const filled = template.replaceAll("{{MICROSOFT_APP_ID}}", settings.appId).replaceAll("{{SPUR_PUBLIC_HOST}}", settings.publicHost);
  const left = /\{\{(\w+)\}\}/.exec(filled);
  if (left) throw new Error(`manifest.json has an unknown placeholder {{${left[1]}}}`);
  return JSON.parse(filled) as Record<string, unknown>;
}
