// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// src/playground (npm run demo) is a development tool; nothing that `npm start` runs may reach it.
const NO_PLAYGROUND = { group: ["**/playground/**"], message: "The playground is a development tool: production code must not import it." };

export default tseslint.config(
  { ignores: ["dist/**", "src/generated/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // botbuilder is being archived by Microsoft: it stays behind the thin adapter in src/teams.
    // (src/core has its own, stricter list below, which replaces this one there.)
    files: ["src/**/*.ts"],
    ignores: ["src/teams/**", "src/playground/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["botbuilder", "botbuilder-*", "botframework-*"], message: "Only src/teams may import botbuilder." },
            NO_PLAYGROUND,
          ],
        },
      ],
    },
  },
  {
    // The domain stays pure: no chat platform, queue, Redis or database code, and no adapters.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@slack/*", "botbuilder", "botbuilder-*", "botframework-*"], message: "src/core must not import chat platform SDKs." },
            { group: ["bullmq", "ioredis"], message: "src/core must not import queue or Redis code." },
            { group: ["@prisma/*", "pg", "**/generated/**"], message: "src/core must not import database code." },
            {
              group: ["**/store/**", "**/slack/**", "**/teams/**", "**/jobs/**", "**/ingest/**", "**/http/**", "**/app/**"],
              message: "src/core must not import adapters; define a port in the feature's ports file instead.",
            },
            NO_PLAYGROUND,
          ],
        },
      ],
    },
  },
  {
    // Only src/config.ts reads the environment.
    files: ["src/**/*.ts"],
    ignores: ["src/config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through src/config.ts." }],
    },
  },
  {
    // The playground page's scripts run in the browser.
    files: ["src/playground/public/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { window: "readonly", document: "readonly", localStorage: "readonly", alert: "readonly", EventSource: "readonly", Option: "readonly", CSS: "readonly" },
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "no-console": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
