// A streaming RFC 4180 CSV parser: quoted fields, "" escapes, commas and newlines inside quotes, CRLF.
// Yields each record with the line number it starts on, so import errors can name the line. A record longer
// than `maxRecordLength` characters stops the parse (CsvLimitError) before it is held in memory whole.

export interface CsvRow {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** One of the import's limits was reached; nothing of the file is imported. */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: "body" | "line" | "rows",
    message: string,
  ) {
    super(message);
  }
}

export async function* parseCsv(chunks: AsyncIterable<string | Buffer>, options: { maxRecordLength?: number } = {}): AsyncGenerator<CsvRow> {
  for await (const rows of parseCsvBatches(chunks, options)) yield* rows;
}

/** The records of each chunk together: one step of the async iteration per chunk rather than per record. */
export async function* parseCsvBatches(chunks: AsyncIterable<string | Buffer>, options: { maxRecordLength?: number } = {}): AsyncGenerator<CsvRow[]> {
  const maxLength = options.maxRecordLength ?? Number.POSITIVE_INFINITY;
  let recordLength = 0;
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let quoteJustClosed = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  let rowHasContent = false;
  const decoder = new TextDecoder("utf-8");

  const texts = async function* () {
    for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  };
  let rows: CsvRow[] = [];
  for await (const text of texts()) {
    for (let i = 0; i < text.length; i++) {
      // A run of ordinary characters is taken in one slice; the characters that change state go one by one below.
      if (!pendingCr && !quoteJustClosed) {
        const end = inQuotes ? quotedRunEnd(text, i) : plainRunEnd(text, i);
        if (end > i) {
          recordLength += end - i;
          if (recordLength > maxLength) {
            throw new CsvLimitError("line", `Line ${rowLine} is longer than ${maxLength} characters (the limit of a line). Nothing was imported.`);
          }
          field += text.slice(i, end);
          if (!inQuotes) rowHasContent = true;
          i = end;
          if (i >= text.length) break;
        }
      }
      const c = text[i] as string;
      if (++recordLength > maxLength) {
        throw new CsvLimitError("line", `Line ${rowLine} is longer than ${maxLength} characters (the limit of a line). Nothing was imported.`);
      }
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
          rows.push({ line: rowLine, fields });
        }
        fields = [];
        field = "";
        rowHasContent = false;
        recordLength = 0;
        line++;
        rowLine = line;
      } else {
        field += c;
        rowHasContent = true;
      }
    }
    if (rows.length > 0) {
      yield rows;
      rows = [];
    }
  }
  if (inQuotes) throw new CsvSyntaxError(rowLine, `line ${rowLine}: a quoted field is never closed`);
  if (rowHasContent || field !== "") {
    fields.push(field);
    yield [{ line: rowLine, fields }];
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Where the unquoted run from `i` ends: at a comma, quote, CR or LF, or the end of the text. */
function plainRunEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j++) {
    const k = text.charCodeAt(j);
    if (k === COMMA || k === QUOTE || k === LF || k === CR) break;
  }
  return j;
}

/** Where the quoted run from `i` ends: at a quote or LF (counted as a line), or the end of the text. */
function quotedRunEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j++) {
    const k = text.charCodeAt(j);
    if (k === QUOTE || k === LF) break;
  }
  return j;
}
