import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../src/ingest/csv-parser.ts";

async function rows(chunks: string[]) {
  const out = [];
  for await (const row of parseCsv((async function* () { yield* chunks; })())) out.push(row);
  return out;
}

describe("streaming CSV parser", () => {
  it("handles quotes, escaped quotes, commas and newlines inside quotes, CRLF and blank lines, with line numbers", async () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\n1,2';
    const expected = [
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 4, fields: ["multi\nline", "z"] },
      { line: 6, fields: ["1", "2"] },
    ];
    expect(await rows([text])).toEqual(expected);
    // Every possible split into two chunks gives the same rows.
    for (let i = 1; i < text.length; i++) expect(await rows([text.slice(0, i), text.slice(i)])).toEqual(expected);
  });

  it("reports an unclosed quote with the line it started on", async () => {
    await expect(rows(['a,b\n"open,1\n2,3\n'])).rejects.toThrow(CsvSyntaxError);
    await expect(rows(['a,b\n"open,1\n2,3\n'])).rejects.toMatchObject({ line: 2 });
  });
});

describe("streaming CSV parser limits", () => {
  it("stops at a record longer than the limit, naming its line, before reading it whole", async () => {
    let pulled = 0;
    const chunks = (async function* () {
      yield "a,b\n";
      for (;;) {
        pulled++;
        yield "x".repeat(1000);
      }
    })();
    const rows = async () => {
      for await (const _row of parseCsv(chunks, { maxRecordLength: 10_000 })) void _row;
    };
    await expect(rows()).rejects.toMatchObject({ limit: "line", message: expect.stringContaining("Line 2 is longer than 10000 characters") });
    expect(pulled).toBeLessThanOrEqual(11);
  });
});
