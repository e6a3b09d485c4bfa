/**
 * The CSV tokenizer under the reader (csv-reader.ts), behind one small interface: bytes in,
 * records with csv-parse's `info.lines` and `info.bytes`, and csv-parse's errors, out. Two
 * implementations give the same events: csv-parse itself (here) and csv-fast-parser.ts, which reads
 * the well-formed case itself and hands anything else to csv-parse (docs/security.md#csv-parse).
 *
 * Only csv-parse's public API is used (`parse`, `write`, `end`, the `data`, `end` and `error`
 * events, `info`, `normalize_options`), with one exception for a hand-over, see `resumeAt`.
 */
import { normalize_options, parse, type CsvError, type Info } from '#csv-parse';

export interface CsvParserEvents {
  /** A record, with csv-parse's `info.lines` and `info.bytes` at the moment it emits it. */
  record(cells: string[], lines: number, bytes: number): void;
  /** An error csv-parse hands to `on_skip` (its record is dropped), in order with the records. */
  skip(error: CsvError): void;
  /** csv-parse's `error` event (an error it does not hand to `on_skip`): no record follows. */
  fail(error: CsvError): void;
}

export interface CsvParser {
  write(bytes: Uint8Array): void;
  /** Ends the input; resolves once the last record is out (or after an `error` event). */
  end(): Promise<void>;
}

/** The engine's csv-parse options (docs/security.md#csv-parse); `on_skip` is added by the caller. */
export function csvParseOptions(maxRecordSize: number) {
  return {
    bom: true,
    cast: false,
    delimiter: ',',
    quote: '"',
    escape: '"',
    relax_column_count: false,
    skip_empty_lines: false,
    max_record_size: maxRecordSize,
    // Errors arrive through on_skip synchronously, in order with the records, with their line.
    skip_records_with_error: true,
  } as const;
}

/**
 * csv-parse's state after its last record, for a parser that takes over from there: the bytes
 * it is given next start at the record after it.
 */
export interface ResumePoint {
  /** Fields of the first record: csv-parse expects as many of every record. */
  columns: number;
  /** The record delimiter csv-parse found on the first line. */
  delimiter: 'CRLF' | 'LF' | 'CR';
  /** `info.lines`, `info.records`, `info.bytes` and `info.bytes_records` after the last record. */
  lines: number;
  records: number;
  bytes: number;
  bytesRecords: number;
}

/**
 * csv-parse's own Buffer class: Node's, or in its browser build the bundled polyfill, whose stream
 * takes nothing but its own Buffers and strings (a plain Uint8Array is refused; a string goes
 * through the polyfill's UTF-8 encoder in JavaScript, which made parsing about 3× slower). It is the
 * class of a Buffer that the public `normalize_options` makes; `from(arrayBuffer, offset, length)`
 * views the chunk's bytes without a copy.
 */
const ParserBuffer = normalize_options({}).quote!.constructor as unknown as {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
};

const asParserBuffer = (bytes: Uint8Array): Uint8Array => ParserBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const DELIMITER_TEXT = { CRLF: '\r\n', LF: '\n', CR: '\r' } as const;

/**
 * The first record a resuming parser is given: as many (empty) fields as the file's first record,
 * so csv-parse expects that many of every record after it, and the file's record delimiter, so it
 * splits records where the file does.
 */
function syntheticFirstRecord(point: ResumePoint): Uint8Array {
  return new TextEncoder().encode(','.repeat(point.columns - 1) + DELIMITER_TEXT[point.delimiter]);
}

/**
 * When csv-parse emits the synthetic first record, its counters are set to the resume point's.
 * `info` is csv-parse's public, live object (typed read-only); the byte count it derives for each
 * field and record from its internal `state.bufBytesStart`, which is moved by the difference
 * between the synthetic record's length and the bytes it stands for. That is the one internal
 * touched; the differential test (test/validation/csv-fast-parser.test.ts) fails if it moves.
 */
function resumeAt(parser: { info: Info }, point: ResumePoint, syntheticLength: number): void {
  const info = parser.info as { -readonly [K in keyof Info]: Info[K] };
  const state = (parser as unknown as { state: { bufBytesStart: number } }).state;
  if (typeof state?.bufBytesStart !== 'number' || info.bytes !== syntheticLength) throw new Error('csv-parse: unexpected state on resuming');
  state.bufBytesStart += point.bytes - syntheticLength;
  info.lines = point.lines;
  info.records = point.records;
  info.bytes = point.bytes;
  info.bytes_records = point.bytesRecords;
}

/**
 * csv-parse with the engine's options; from the file's start, or from `resume` on. The first
 * `again` records it reads are not passed on (a hand-over gives it records that were out already).
 */
export function csvParseParser(maxRecordSize: number, events: CsvParserEvents, resume?: ResumePoint, again = 0): CsvParser {
  const parser = parse({
    ...csvParseOptions(maxRecordSize),
    on_skip: (error: CsvError | undefined) => {
      if (error) events.skip(error);
    },
  });
  const synthetic = resume ? syntheticFirstRecord(resume) : null;
  let skipFirst = synthetic !== null;
  parser.on('data', (cells: string[]) => {
    if (skipFirst) {
      skipFirst = false;
      resumeAt(parser, resume!, synthetic!.length);
      return;
    }
    if (again > 0) {
      again--;
      return;
    }
    events.record(cells, parser.info.lines, parser.info.bytes);
  });
  // Records arrive synchronously during write() (the reader reads info.lines for each), in Node and
  // in the browser build alike; the end arrives after end(), later.
  const finished = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', (error: CsvError) => {
      events.fail(error);
      resolve();
    });
  });
  if (synthetic) parser.write(asParserBuffer(synthetic));
  return {
    write: (bytes) => {
      parser.write(asParserBuffer(bytes));
    },
    end: () => {
      parser.end();
      return finished;
    },
  };
}
