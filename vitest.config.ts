import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Test files wait on PostgreSQL, Redis and HTTP more than they compute: on a 2-core machine three files at
    // a time keep both cores busy (vitest's default would run one). Each file has its own database and queue prefix.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
