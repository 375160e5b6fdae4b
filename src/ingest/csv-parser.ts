// A streaming RFC 4180 CSV parser: quoted fields, "" escapes, commas and newlines inside quotes, CRLF.
// Yields each record with the line number it starts on, so import errors can name the line.

export interface CsvRow {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export async function* parseCsv(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRow> {
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let quoteJustClosed = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  let rowHasContent = false;
  const decoder = new TextDecoder("utf-8");

  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (pendingCr) {
        pendingCr = false;
        if (c === "\n") continue;
      }
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // Closed — unless the next chunk starts with a quote, making this an escaped "" split in two.
            inQuotes = false;
            quoteJustClosed = true;
          }
        } else {
          if (c === "\n") line++;
          field += c;
        }
        continue;
      }
      if (quoteJustClosed && c === '"') {
        // "" split across chunks: an escaped quote after all.
        field += '"';
        inQuotes = true;
        quoteJustClosed = false;
        continue;
      }
      quoteJustClosed = false;
      if (c === '"' && field === "") {
        inQuotes = true;
        rowHasContent = true;
      } else if (c === ",") {
        fields.push(field);
        field = "";
        rowHasContent = true;
      } else if (c === "\n" || c === "\r") {
        if (c === "\r") pendingCr = true;
        if (rowHasContent || field !== "") {
          fields.push(field);
          yield { line: rowLine, fields };
        }
        fields = [];
        field = "";
        rowHasContent = false;
        line++;
        rowLine = line;
      } else {
        field += c;
        rowHasContent = true;
      }
    }
  }
  if (inQuotes) throw new CsvSyntaxError(rowLine, `line ${rowLine}: a quoted field is never closed`);
  if (rowHasContent || field !== "") {
    fields.push(field);
    yield { line: rowLine, fields };
  }
}
