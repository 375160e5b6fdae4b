// The house rules are enforced by ESLint: these prove the rules fire (and stay quiet on clean code).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "");
}

describe("import boundaries of src/core", () => {
  const forbidden = [
    `import { App } from "@slack/bolt";`,
    `import { CloudAdapter } from "botbuilder";`,
    `import { Queue } from "bullmq";`,
    `import { Redis } from "ioredis";`,
    `import { PrismaPg } from "@prisma/adapter-pg";`,
    `import pg from "pg";`,
    `import { PrismaKudosStore } from "../store/kudos-store.ts";`,
    `import { createSlackApp } from "../slack/app.ts";`,
    `import { startWorkers } from "../jobs/workers.ts";`,
    `import { x } from "../teams/bot.ts";`,
    `import { y } from "../ingest/zendesk.ts";`,
  ];
  for (const line of forbidden) {
    it(`rejects ${line}`, async () => {
      expect(await ruleIds(`${line}\nexport const used = [${line.match(/\{ (\w+) \}|import (\w+)/)?.slice(1).find(Boolean)}];\n`, "src/core/example.ts")).toContain(
        "no-restricted-imports",
      );
    });
  }

  it("accepts imports inside the core and of pure libraries", async () => {
    const code = `import { DateTime } from "luxon";\nimport { SpurError } from "./errors.ts";\nexport const used = [DateTime, SpurError];\n`;
    expect(await ruleIds(code, "src/core/example.ts")).toEqual([]);
  });

  it("allows adapters to import platform code", async () => {
    const code = `import { App } from "@slack/bolt";\nexport const used = [App];\n`;
    expect(await ruleIds(code, "src/slack/example.ts")).toEqual([]);
  });
});

describe("botbuilder stays in src/teams", () => {
  it("rejects botbuilder outside src/teams and allows it inside", async () => {
    const code = `import { CloudAdapter } from "botbuilder";\nexport const used = [CloudAdapter];\n`;
    expect(await ruleIds(code, "src/spur.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(code, "src/jobs/example.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(code, "src/teams/example.ts")).toEqual([]);
  });
});

describe("the playground stays out of production code", () => {
  it("rejects importing src/playground from the rest of src, and allows it inside the playground", async () => {
    const demo = `import { SlackDriver } from "./playground/slack-driver.ts";\nexport const used = [SlackDriver];\n`;
    expect(await ruleIds(demo, "src/spur.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(demo, "src/main.ts")).toContain("no-restricted-imports");
    const fake = `import { FakeSlackApi } from "../playground/fake-slack-api.ts";\nexport const used = [FakeSlackApi];\n`;
    expect(await ruleIds(fake, "src/slack/example.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(fake, "src/core/example.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(`import { PlaygroundFeed } from "./feed.ts";\nexport const used = [PlaygroundFeed];\n`, "src/playground/example.ts")).toEqual([]);
  });
});

describe("configuration access", () => {
  it("rejects process.env outside src/config.ts", async () => {
    expect(await ruleIds(`export const port = process.env.PORT;\n`, "src/slack/example.ts")).toContain("no-restricted-properties");
    expect(await ruleIds(`export const port = process.env.PORT;\n`, "src/config.ts")).toEqual([]);
  });
});
