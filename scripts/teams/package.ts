// `npm run teams:package`: builds dist/teams/spur-teams.zip — manifest.json (with MICROSOFT_APP_ID and
// SPUR_PUBLIC_HOST from the environment), color.png and outline.png — to upload in Teams.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { renderTeamsManifest, TEAMS_MANIFEST_DIR, type ManifestSettings } from "./manifest.ts";
import { zip } from "./zip.ts";

export function buildTeamsPackage(settings: ManifestSettings): Buffer {
  const manifest = renderTeamsManifest(settings);
  return zip([
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: "color.png", data: readFileSync(`${TEAMS_MANIFEST_DIR}color.png`) },
    { name: "outline.png", data: readFileSync(`${TEAMS_MANIFEST_DIR}outline.png`) },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? "dist/teams/spur-teams.zip";
  try {
    const bytes = buildTeamsPackage({ appId: process.env.MICROSOFT_APP_ID ?? "", publicHost: process.env.SPUR_PUBLIC_HOST ?? "" });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    console.warn(`Teams app package written to ${out} (${bytes.length} bytes). Upload it in Teams → Apps → Manage your apps.`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
