import { stringify as stringifyStream, type Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The one CSV writer of the server (csv-stringify): RFC 4180 quoting, CRLF line ends, and a cell
 * that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a
 * leading `'` (csv-stringify's escape_formulas; OWASP CSV injection, ASVS 1.2.10).
 */
export type CsvCell = string | number | Date | null | undefined;

export interface CsvOptions {
  /** The first row. */
  header: readonly string[];
  /** A byte order mark first, so Excel reads UTF-8 (the report exports). */
  bom?: boolean;
}

function options(csv: CsvOptions) {
  return {
    bom: csv.bom ?? false,
    record_delimiter: 'windows' as const,
    escape_formulas: true,
    // Every cell quoted (the header row bare), as the exports always were.
    quoted: true,
    quoted_empty: true,
    cast: {
      // Dates as ISO 8601 UTC, not csv-stringify's default of epoch milliseconds.
      date: (value: Date) => value.toISOString(),
      string: (value: string, context: { records: number }) => (context.records === 0 ? { value, quoted: false } : value),
    },
  };
}

/** A transform stream: write row arrays, read CSV text; its backpressure holds the writer when the reader is slow. */
export function csvStream(csv: CsvOptions): Stringifier {
  const stream = stringifyStream(options(csv));
  stream.write([...csv.header]);
  return stream;
}

/** A whole CSV text at once, for small exports. */
export function csvText(csv: CsvOptions, rows: readonly (readonly CsvCell[])[]): string {
  return stringifySync([[...csv.header], ...rows.map((row) => [...row])], options(csv));
}

/** The same neutralisation for cells written elsewhere (an XLSX text cell). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
