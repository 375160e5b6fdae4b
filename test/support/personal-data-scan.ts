// Looks for strings in every column of every table of a test database. Tables and columns come from
// information_schema, so a table added later is searched without changing the tests.
import pg from "pg";

export interface Finding {
  needle: string;
  table: string;
  column: string;
  rows: number;
}

export async function findEverywhere(databaseUrl: string, needles: string[]): Promise<Finding[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
       ORDER BY c.table_name, c.column_name`,
    );
    if (columns.rows.length < 50) throw new Error(`only ${columns.rows.length} columns found: is this the right database?`);
    const findings: Finding[] = [];
    for (const { table_name: table, column_name: column } of columns.rows) {
      const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
      const counts = await client.query<{ needle: string; rows: string }>(
        `SELECT n AS needle, (SELECT count(*) FROM ${ident(table)} WHERE strpos(${ident(column)}::text, n) > 0) AS rows
         FROM unnest($1::text[]) n`,
        [needles],
      );
      for (const c of counts.rows) if (Number(c.rows) > 0) findings.push({ needle: c.needle, table, column, rows: Number(c.rows) });
    }
    return findings;
  } finally {
    await client.end();
  }
}
