/**
 * Streaming CSV reader: bytes in, `string[]` records out, structural problems as data.
 * The user guide's rules (docs/domain.md#csv-rules) and docs/security.md#csv-parse: strict UTF-8 checked
 * in front of the parser, BOM accepted, no empty lines, `relax_column_count: false`, a maximum
 * record size, no control characters, one kind of line ending (CRLF, LF or CR) throughout,
 * `cast: false`, never the whole upload as one string.
 * Headers are handed over as they are; the caller compares them with its allowlist.
 *
 * The same code runs in Node and in the browser: `#csv-parse` (package.json `imports`) is csv-parse
 * in Node and its browser build (csv-parse/browser/esm) in a bundler. The tokenizer is csv-parse
 * itself or, by default, csv-fast-parser.ts, which gives csv-parse's records and errors exactly
 * (it hands everything but the well-formed case to csv-parse).
 */
import type { CsvError } from '#csv-parse';
import { CsvLineScanner, type ScanHit } from './control-characters';
import { FastCsvParser } from './csv-fast-parser';
import { type CsvParser, type CsvParserEvents, csvParseParser } from './csv-parser';
import type { ParamValue } from './findings';
import { type Utf8Validator, Utf8Guard } from './utf8-guard';

export type StructureProblem =
  { code: 'B02'; offset: number } | { code: 'B04'; line: number } | { code: 'B06'; line: number; detail: string; params: Record<string, ParamValue> };

export interface CsvReaderOptions {
  /** csv-parse `max_record_size`: a 50 MB line fails at once instead of being buffered. */
  maxRecordSize: number;
  utf8Validator?: Utf8Validator;
  /** The tokenizer: the fast reader (default) or csv-parse alone; same records and problems (test/validation/csv-fast-parser.test.ts). */
  csvParser?: CsvParserChoice;
}

export type CsvParserChoice = 'fast' | 'csv-parse';

export interface CsvRecordSink {
  /** The first row and the byte offset where it ends (after its line break); return false to stop reading. */
  header(cells: string[], endByte: number): boolean;
  /** A data row with the physical lines it spans and the byte offset where it ends; return false to stop reading. */
  record(cells: string[], firstLine: number, lastLine: number, endByte: number): boolean;
}

const CSV_ERROR_DETAILS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'invalidClosingQuote',
  INVALID_OPENING_QUOTE: 'invalidOpeningQuote',
  CSV_MAX_RECORD_SIZE: 'maxRecordSize',
};

/** Translates a csv-parse error into B04 or B06; the error's own text (which may quote data) is dropped. */
export function translateCsvError(error: CsvError, maxRecordSize: number): Exclude<StructureProblem, { code: 'B02' }> {
  const line = typeof error.lines === 'number' ? error.lines : 0;
  const record: unknown = (error as { record?: unknown }).record;
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    if (Array.isArray(record) && record.length === 1 && record[0] === '') return { code: 'B04', line };
    const found = Array.isArray(record) ? record.length : 0;
    const expected = (error as { columns?: unknown }).columns;
    return { code: 'B06', line, detail: 'inconsistentColumns', params: { expected: Number(expected) || 0, found } };
  }
  const detail = Object.prototype.hasOwnProperty.call(CSV_ERROR_DETAILS, error.code) ? CSV_ERROR_DETAILS[error.code]! : 'csvOther';
  const params: Record<string, ParamValue> = detail === 'maxRecordSize' ? { max: maxRecordSize } : detail === 'csvOther' ? { reason: error.code } : {};
  return { code: 'B06', line, detail, params };
}

/** Reads the whole source; resolves with the first structural problem, or null. */
export async function readCsv(source: AsyncIterable<Uint8Array>, options: CsvReaderOptions, sink: CsvRecordSink): Promise<StructureProblem | null> {
  const utf8 = new Utf8Guard(options.utf8Validator);
  const lines = new CsvLineScanner();
  let problem: StructureProblem | null = null;
  let stopped = false;
  let headerSeen = false;
  let expectedColumns = 0;
  let lastLine = 0;
  /**
   * Set when the byte scan found a problem on this line: the parser gets the bytes before it and
   * ends there, so a problem it finds on an earlier line is reported first. Its records and errors
   * from this line on are dropped: the line was cut short.
   */
  let cutLine = Infinity;
  const events: CsvParserEvents = {
    skip: (error) => {
      if (stopped) return;
      const translated = translateCsvError(error, options.maxRecordSize);
      if (translated.line >= cutLine) return;
      problem =
        translated.code === 'B06' && translated.detail === 'inconsistentColumns'
          ? { ...translated, params: { ...translated.params, expected: expectedColumns } }
          : translated;
      stopped = true;
    },
    fail: (error) => {
      const translated = translateCsvError(error, options.maxRecordSize);
      if (!stopped && translated.line < cutLine) problem = translated;
      stopped = true;
    },
    record: (cells, line, bytes) => {
      if (stopped) return;
      if (line >= cutLine) {
        stopped = true;
        return;
      }
      const firstLine = lastLine + 1;
      lastLine = line;
      if (!headerSeen) {
        headerSeen = true;
        expectedColumns = cells.length;
        if (cells.length === 1 && cells[0] === '') {
          problem = { code: 'B04', line };
          stopped = true;
        } else if (!sink.header(cells, bytes)) stopped = true;
      } else if (!sink.record(cells, firstLine, line, bytes)) stopped = true;
    },
  };
  const parser: CsvParser =
    options.csvParser === 'csv-parse' ? csvParseParser(options.maxRecordSize, events) : new FastCsvParser(options.maxRecordSize, events);
  let hit: ScanHit | null = null;
  let written = false;

  // A parser left without end() (B02, or the source failed) holds nothing but memory: it is dropped.
  for await (const chunk of source) {
    const badByte = utf8.push(chunk);
    if (badByte >= 0) return { code: 'B02', offset: badByte };
    hit = lines.push(chunk);
    written = true;
    if (hit) {
      cutLine = hit.line;
      parser.write(chunk.subarray(0, hit.at));
      break;
    }
    parser.write(chunk);
    if (stopped) break;
  }
  if (!stopped && !hit) {
    const badByte = utf8.end();
    if (badByte >= 0) return { code: 'B02', offset: badByte };
    hit = lines.end();
    if (hit) cutLine = hit.line;
  }
  // end() parses what the last write left. Once reading has stopped nothing more is wanted; and
  // with nothing left at all (no write, or the only write cut short by an error) csv-parse's browser
  // build throws in end(): its close path calls a destroy() that its stream polyfill lacks.
  if (!stopped && written) await parser.end();
  return problem ?? (hit ? problemOfHit(hit) : null);
}

function problemOfHit(hit: ScanHit): StructureProblem {
  return hit.kind === 'control'
    ? { code: 'B06', line: hit.line, detail: 'controlCharacter', params: { char: hit.char, column: hit.column } }
    : { code: 'B06', line: hit.line, detail: 'mixedLineEndings', params: { found: hit.found, expected: hit.expected } };
}
