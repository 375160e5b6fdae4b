// A failed query's error, logged as Spur logs every error, names what failed but none of the values it failed
// with: no comment, no giver key, no raw parameter, however the database layer words it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let s: TestStore;
let ids: { workspaceId: string; subjectId: string };
const COMMENT = "my secret comment about ana";
const GIVER_KEY = "b3f0c5d1e2a4-giver-key";

beforeAll(async () => {
  s = await openTestStore();
  const { workspace, members } = await seedTeam(s.db, 1);
  ids = { workspaceId: workspace.id, subjectId: members[0]?.id ?? "" };
});
afterAll(async () => {
  await s?.close();
});

async function loggedFailure(query: () => Promise<unknown>): Promise<{ line: string; err: Record<string, unknown> }> {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  let thrown: unknown = null;
  await query().catch((err: unknown) => (thrown = err));
  expect(thrown).toBeInstanceOf(Error);
  logger.error({ err: thrown, command: "feedback.submit" }, "interaction failed");
  logger.warn({ error: thrown }, "retrying");
  logger.error(thrown as Error, "as the first argument");
  const line = lines.join("\n");
  return { line, err: (JSON.parse(lines[0] ?? "{}") as { err: Record<string, unknown> }).err };
}

// An anonymous answer waiting for its batch, with a giver's mark beside it in the same statement batch.
const answer = (comment: string, periodKey = "2026-11") => (data: { ratings?: unknown } = {}) =>
  s.db.feedbackPendingAnswer.create({
    data: { ...ids, periodKey, ratings: {}, keepDoing: GIVER_KEY, improve: comment, ...(data as object) },
  });
const mark = (periodKey: string) => s.db.feedbackGiverMark.create({ data: { subjectId: ids.subjectId, periodKey, mark: GIVER_KEY } });

describe("logged database errors", () => {
  const cases: [string, () => Promise<unknown>][] = [
    // The issue's case: a comment ending in half an emoji, written with a raw query.
    [
      "raw query, lone surrogate",
      () => s.db.$queryRaw`
        INSERT INTO feedback_pending_answer (workspace_id, subject_id, period_key, ratings, keep_doing, improve)
        VALUES (${ids.workspaceId}::uuid, ${ids.subjectId}::uuid, '2026-11', '{}'::jsonb, ${GIVER_KEY}, ${`${COMMENT} \uD83D`})`,
    ],
    [
      "raw query, NUL byte",
      () => s.db.$executeRaw`
        INSERT INTO feedback_pending_answer (workspace_id, subject_id, period_key, ratings, keep_doing, improve)
        VALUES (${ids.workspaceId}::uuid, ${ids.subjectId}::uuid, '2026-11', '{}'::jsonb, ${GIVER_KEY}, ${`${COMMENT}\u0000`})`,
    ],
    ["raw query, the value quoted by PostgreSQL", () => s.db.$queryRaw`SELECT ${COMMENT}::uuid`],
    ["model call, NUL byte", () => answer(`${COMMENT}\u0000`)()],
    ["model call, lone surrogate", () => answer(`${COMMENT}\uD83D`)()],
    ["model call, its arguments printed", () => answer(COMMENT)({ ratings: undefined, periodKey: 42 } as never)],
    [
      "unique violation",
      async () => {
        await mark("2026-12");
        await mark("2026-12");
      },
    ],
  ];

  it.each(cases)("%s: logs no comment, giver key or parameter", async (_name, query) => {
    const { line, err } = await loggedFailure(query);
    for (const secret of [COMMENT, "secret comment", GIVER_KEY, ids.workspaceId, ids.subjectId, "__prismaRawParameters__"]) {
      expect(line).not.toContain(secret);
    }
    // Still useful: what kind of failure, and where.
    expect(String(err.type)).toMatch(/Prisma|DriverAdapterError/);
    expect(String(err.message).length).toBeGreaterThan(10);
    expect(String(err.stack)).toContain("    at ");
  });
});
