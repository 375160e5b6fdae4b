// The Teams app package: the manifest validates against the official schema of its (current) version,
// lists exactly the commands the bot answers, and the zip holds the manifest and correctly sized icons.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateRawSync } from "node:zlib";
import type AjvDraft04Type from "ajv-draft-04";
import type addFormatsType from "ajv-formats";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { renderTeamsManifest, TEAMS_MANIFEST_DIR } from "../../scripts/teams/manifest.ts";
import { buildTeamsPackage } from "../../scripts/teams/package.ts";
import { TEAMS_COMMANDS } from "../../src/teams/commands/index.ts";
import { GIVE_KUDOS_FOR_MESSAGE } from "../../src/teams/give-kudos-for-message.ts";

// CommonJS packages whose default export TypeScript's NodeNext typing does not see through.
const require = createRequire(import.meta.url);
const AjvDraft04 = require("ajv-draft-04") as typeof AjvDraft04Type.default;
const addFormats = require("ajv-formats") as typeof addFormatsType.default;

const settings = { appId: "11111111-2222-3333-4444-555555555555", publicHost: "spur.example.com" };
const schemasDir = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build/json-schemas/teams");

function newestSchemaVersion(): string {
  const versions = readdirSync(schemasDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1));
  return versions.sort((a, b) => {
    const [am, an] = a.split(".").map(Number);
    const [bm, bn] = b.split(".").map(Number);
    return am! - bm! || an! - bn!;
  }).at(-1)!;
}

/** Entries of a ZIP file (local headers only; enough for what buildTeamsPackage writes). */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const data = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 30 + nameLength + extra + size;
  }
  return files;
}

describe("Teams app manifest", () => {
  const manifest = renderTeamsManifest(settings);

  it("uses the newest manifest schema version", () => {
    expect(manifest.manifestVersion).toBe(newestSchemaVersion());
    expect(String(manifest.$schema)).toContain(`/v${newestSchemaVersion()}/MicrosoftTeams.schema.json`);
  });

  it("is valid against the official JSON schema", () => {
    const schema = JSON.parse(readFileSync(join(schemasDir, `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json"), "utf8"));
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject a broken manifest.
    expect(validate({ ...manifest, bots: [{ botId: "not-a-guid", scopes: ["team"] }] })).toBe(false);
  });

  it("takes the bot id and valid domain from the build settings", () => {
    const bots = manifest.bots as { botId: string }[];
    expect(manifest.id).toBe(settings.appId);
    expect(bots[0]?.botId).toBe(settings.appId);
    expect(manifest.validDomains).toEqual(["spur.example.com"]);
    expect(() => renderTeamsManifest({ ...settings, appId: "" })).toThrow("MICROSOFT_APP_ID");
    expect(() => renderTeamsManifest({ ...settings, publicHost: "https://spur.example.com/" })).toThrow("SPUR_PUBLIC_HOST");
  });

  it("lists exactly the commands the bot answers, with their descriptions", () => {
    const [list] = (manifest.bots as { commandLists: { commands: { title: string; description: string }[] }[] }[])[0]!.commandLists;
    expect(list?.commands).toEqual(TEAMS_COMMANDS.map((c) => ({ title: c.name, description: c.description })));
  });

  it("offers \"Give kudos for this message\" on messages, as the action command the bot answers", () => {
    const [extension] = manifest.composeExtensions as { botId: string; commands: Record<string, unknown>[] }[];
    expect(extension?.botId).toBe(settings.appId);
    expect(extension?.commands).toEqual([
      expect.objectContaining({ id: GIVE_KUDOS_FOR_MESSAGE, type: "action", title: "Give kudos for this message", context: ["message"], fetchTask: true }),
    ]);
  });

  it("packages the manifest and icons of the right sizes into a zip", () => {
    const files = unzip(buildTeamsPackage(settings));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(files.get("manifest.json")!.toString("utf8"))).toEqual(manifest);
    const color = PNG.sync.read(files.get("color.png")!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(files.get("outline.png")!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The outline icon is white on transparent, as Teams requires.
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
    expect(readFileSync(`${TEAMS_MANIFEST_DIR}color.png`)).toEqual(files.get("color.png"));
  });
});
