import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the server (csv-stringify): RFC 4180 quoting where a cell needs it, CRLF
 * line ends, and a cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 * tab or CR) gets a leading `'` (csv-stringify's escape_formulas; OWASP CSV injection, ASVS 1.2.10).
 */
export type CsvCell = string | number | Date | null | undefined;

export interface CsvOptions {
  /** Rows before the table (label, value), followed by one blank line; the report exports' header block. */
  preamble?: readonly (readonly CsvCell[])[];
  /** The table's first row. */
  header: readonly string[];
  /** A byte order mark first, so Excel reads UTF-8 (the report exports). */
  bom?: boolean;
}

const OPTIONS = {
  record_delimiter: 'windows',
  escape_formulas: true,
  // Dates as ISO 8601 UTC, not csv-stringify's default of epoch milliseconds.
  cast: { date: (value: Date) => value.toISOString() },
} as const;

function rowsText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.length
    ? stringify(
        rows.map((row) => [...row]),
        OPTIONS,
      )
    : '';
}

/** A whole CSV text at once, for small exports. */
export function csvText(csv: CsvOptions, rows: readonly (readonly CsvCell[])[]): string {
  const preamble = csv.preamble?.length ? [...csv.preamble, []] : [];
  return (csv.bom ? '\uFEFF' : '') + rowsText([...preamble, csv.header, ...rows]);
}

/**
 * A large CSV as text chunks, one per batch of rows read: the header first, then each batch as
 * one chunk (not a write per row), so `pipeline(Readable.from(csvChunks(…)), response)` sends few,
 * large writes and reads the next batch only when the client has taken the last (backpressure).
 */
export async function* csvChunks(csv: CsvOptions, batches: AsyncIterable<readonly (readonly CsvCell[])[]>): AsyncGenerator<string> {
  yield csvText(csv, []);
  for await (const batch of batches) {
    const text = rowsText(batch);
    if (text) yield text;
  }
}

/** The same neutralisation for cells written elsewhere (an XLSX text cell). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
