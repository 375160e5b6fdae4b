// Plain SQL over the connection pool Prisma uses, for the request path's hottest statements. Prisma's client
// engine compiles every call (raw ones included) to a query plan in WebAssembly; under load that compilation was
// most of the web process's CPU. These statements skip it: node-postgres, parameters, the same pool.
import type pg from "pg";

export interface SqlQueryable {
  /**
   * The rows of one parameterised statement ($1, $2 … are `values`), typed as the caller says they are. A
   * `name` makes it a prepared statement, parsed and planned once per connection.
   */
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[], options?: { name?: string }): Promise<R[]>;
}

export interface Sql extends SqlQueryable {
  /** Runs `work` in one transaction (READ COMMITTED) on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/** `prepared: false` ignores statement names: for connections that share one server session, where a name prepared by one would clash with another's. */
export function sqlOver(pool: pg.Pool, settings: { prepared: boolean } = { prepared: true }): Sql {
  const on = (client: pg.Pool | pg.PoolClient): SqlQueryable => ({
    query: async <R extends object>(text: string, values: unknown[] = [], options: { name?: string } = {}) =>
      (await client.query(settings.prepared && options.name ? { name: options.name, text, values } : { text, values })).rows as R[],
  });
  return {
    ...on(pool),
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query("BEGIN");
        const result = await work(on(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch((rollbackErr: unknown) => (broken = rollbackErr));
        throw err;
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: the pool discards it.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}
