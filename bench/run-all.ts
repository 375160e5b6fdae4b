// Runs every benchmark in bench/ (each file is a standalone script), one after another.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here).filter((f) => f.endsWith(".ts") && f !== "run-all.ts").sort();
for (const file of benches) {
  execFileSync("npx", ["tsx", join(here, file)], { stdio: "inherit" });
}
