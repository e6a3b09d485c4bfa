/**
 * A CSV tokenizer for the well-formed case that gives exactly csv-parse's records, and hands
 * anything else to csv-parse (docs/security.md#csv-parse, issue 17).
 *
 * It reads RFC 4180 records with the engine's csv-parse options (csv-parser.ts): `,` between
 * fields, `"` quotes with `""` inside them, the record delimiter csv-parse finds on the first line
 * (CRLF, LF or CR), a UTF-8 BOM skipped, every record as many fields as the first. Each record comes
 * with the `info.lines` and `info.bytes` csv-parse would give it, at the same moment: csv-parse
 * handles a byte only once LOOK_AHEAD more bytes have been written after it (or at the end), so a
 * record whose delimiter lies closer to the end of what was written waits for the next write, here
 * too. Records are the only thing it emits; it never makes an error itself.
 *
 * Anything else hands the input over to csv-parse before the current record: a quote in
 * an unquoted value, a closing quote followed by anything but `,` or the delimiter, a CR or LF that
 * is not the record delimiter (inside quotes too: csv-parse counts it as a line), a record with
 * another number of fields, a record longer than `max_record_size` bytes, a value that is not valid
 * UTF-8, a UTF-16 BOM, and a last record without a delimiter. csv-parse is then started
 * where both agree: before the first record ends, from the file's first byte; after that, from a
 * record boundary (`keepAt`) with its counters set to this reader's (see `ResumePoint`), given the
 * same bytes at each write as if it had read the file from the start. It drops the records it
 * reads a second time. From then on every byte goes to csv-parse, so every record and error after
 * the hand-over is its own.
 *
 * Plain TypeScript over Uint8Array: it runs in Node and in the browser build alike.
 */
import { type CsvParser, type CsvParserEvents, csvParseParser, type ResumePoint } from './csv-parser';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * csv-parse handles the byte at `pos` only when `length - pos - 1 >= 3` (its `__needMoreData`: the
 * longest of a 3-byte trimmable character, a quote pair, or a quote and a CRLF), unless the input
 * has ended.
 */
const LOOK_AHEAD = 3;

const EMPTY = new Uint8Array(0);

/** Where `scanRecord` stopped: a record's end (its delimiter at `delimiterAt`), or one of these. */
const NEED_MORE = -1;
const HAND_OVER = -2;

export class FastCsvParser implements CsvParser {
  /**
   * Where a hand-over restarts csv-parse: a record boundary (or the file's start) at least
   * LOOK_AHEAD bytes before the end of what the earlier writes gave. csv-parse keeps those last
   * bytes unparsed between writes, and after a too-long record it parses them again at the next
   * write (its `max_record_size` error leaves its buffer as it was before that write); restarting
   * here, with the same write boundaries from here on, gives it the same bytes at every write.
   */
  private keepAt = 0;
  /** Records before `keepAt`, and their `info.bytes_records`. */
  private keepRecords = 0;
  private keepBytesRecords = 0;
  /** The bytes from `keepAt` to the end of what the earlier writes gave. */
  private pending: Uint8Array = EMPTY;
  /** File offset where the current record starts. */
  private recordAt = 0;
  /** Bytes of a UTF-8 BOM at the start of the file, once known (-1 before). */
  private bomLength = -1;
  private delimiter: ResumePoint['delimiter'] | null = null;
  private columns = 0;
  private records = 0;
  private bytesRecords = 0;
  private fallback: CsvParser | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  // Results of scanRecord, kept here instead of an object per record.
  /** Field boundaries of the record scanned: start and end (exclusive) of each value, in bytes. */
  private bounds: number[] = [];
  /** Per field: 1 when it was quoted and holds `""`. */
  private escaped: number[] = [];
  private fieldCount = 0;
  private delimiterAt = 0;

  constructor(
    private readonly maxRecordSize: number,
    private readonly events: CsvParserEvents,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.fallback) return this.fallback.write(bytes);
    const written = this.pending.length;
    this.parse(written === 0 ? bytes : concat(this.pending, bytes), written, false);
  }

  async end(): Promise<void> {
    if (!this.fallback) this.parse(this.pending, this.pending.length, true);
    if (this.fallback) await this.fallback.end();
  }

  /** `buf` holds the bytes from `keepAt` on; this write's bytes start at `written`. */
  private parse(buf: Uint8Array, written: number, end: boolean): void {
    const base = this.keepAt;
    let at = this.recordAt - base;
    if (this.bomLength < 0) {
      // csv-parse looks for a BOM once it has 3 bytes (or at the end, then not at all).
      if (buf.length < 3) {
        // Nothing at all is left to csv-parse (whose browser build throws when ended unwritten).
        if (end) return buf.length > 0 ? this.handOver(buf, written) : undefined;
        this.pending = buf;
        return;
      }
      if (buf[0] === 0xff && buf[1] === 0xfe) return this.handOver(buf, written); // UTF-16 LE BOM: csv-parse switches encoding
      this.bomLength = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      at = this.recordAt = this.bomLength;
    }
    const limit = end ? buf.length : buf.length - LOOK_AHEAD;
    // The last record boundary at least LOOK_AHEAD bytes before the end: the next `keepAt`.
    let keepAt = base;
    let keepRecords = this.keepRecords;
    let keepBytesRecords = this.keepBytesRecords;
    while (at < buf.length) {
      const next = this.scanRecord(buf, at, end);
      if (next === HAND_OVER) return this.handOver(buf, written);
      if (next === NEED_MORE) {
        if (end) return this.handOver(buf, written); // a last record without delimiter, an open quote
        // A record already longer than max_record_size: csv-parse reports it before its end.
        if (this.maxRecordSize !== 0 && buf.length - at > this.maxRecordSize) return this.handOver(buf, written);
        break;
      }
      // Checked before the look-ahead: a hand-over is exact at any moment, and csv-parse may
      // report a record too long before reaching its end.
      if (this.maxRecordSize !== 0 && this.delimiterAt - at > this.maxRecordSize) return this.handOver(buf, written);
      if (this.records > 0 && this.fieldCount !== this.columns) return this.handOver(buf, written);
      if (this.delimiterAt >= limit) break; // csv-parse has not reached this record's end yet
      const cells = this.cells(buf, at);
      if (cells === null) return this.handOver(buf, written); // not valid UTF-8
      if (this.records === 0) this.columns = this.fieldCount;
      this.records++;
      const bytes = base + next;
      this.bytesRecords += bytes;
      at = next;
      this.recordAt = bytes;
      if (next <= buf.length - LOOK_AHEAD) {
        keepAt = bytes;
        keepRecords = this.records;
        keepBytesRecords = this.bytesRecords;
      }
      this.events.record(cells, this.records, bytes);
    }
    this.keepAt = keepAt;
    this.keepRecords = keepRecords;
    this.keepBytesRecords = keepBytesRecords;
    this.pending = buf.subarray(keepAt - base);
  }

  /**
   * Finds the end of the record starting at `at`: returns the offset after its delimiter (with
   * `delimiterAt`, `fieldCount`, `bounds` and `escaped` set), NEED_MORE, or HAND_OVER.
   */
  private scanRecord(buf: Uint8Array, at: number, end: boolean): number {
    const bounds = this.bounds;
    const length = buf.length;
    let fields = 0;
    let i = at;
    for (;;) {
      if (i >= length) return NEED_MORE;
      let start = i;
      let stop: number;
      let escaped = 0;
      if (buf[i] === QUOTE) {
        start = ++i;
        for (;;) {
          while (i < length) {
            const byte = buf[i]!;
            if (byte === QUOTE) break;
            if (byte === LF || byte === CR) return HAND_OVER;
            i++;
          }
          if (i + 1 >= length) return NEED_MORE;
          if (buf[i + 1] !== QUOTE) break;
          escaped = 1;
          i += 2;
        }
        stop = i++;
        const after = buf[i]!;
        if (after !== COMMA && after !== LF && after !== CR) return HAND_OVER; // csv-parse: invalid closing quote
      } else {
        let byte = 0;
        while (i < length) {
          byte = buf[i]!;
          if (byte === COMMA || byte === LF || byte === CR || byte === QUOTE) break;
          i++;
        }
        if (i >= length) return NEED_MORE;
        if (byte === QUOTE) return HAND_OVER; // csv-parse: invalid opening quote
        stop = i;
      }
      bounds[2 * fields] = start;
      bounds[2 * fields + 1] = stop;
      this.escaped[fields] = escaped;
      fields++;
      const byte = buf[i]!;
      if (byte === COMMA) {
        i++;
        continue;
      }
      // A CR or LF after a value: the record's end if it is the record delimiter.
      let found: ResumePoint['delimiter'];
      if (byte === LF) found = 'LF';
      else if (i + 1 >= length) {
        if (!end) return NEED_MORE;
        found = 'CR';
      } else found = buf[i + 1] === LF ? 'CRLF' : 'CR';
      if (this.delimiter === null) this.delimiter = found;
      else if (found !== this.delimiter) {
        // A CR before the LF of an LF file, or an LF after a CR of a CR file: not the delimiter.
        return HAND_OVER;
      }
      this.fieldCount = fields;
      this.delimiterAt = i;
      return i + (found === 'CRLF' ? 2 : 1);
    }
  }

  /** The values of the record scanned, as csv-parse decodes them; null when a value is not valid UTF-8. */
  private cells(buf: Uint8Array, at: number): string[] | null {
    const bounds = this.bounds;
    const cells = new Array<string>(this.fieldCount);
    let text: string;
    try {
      text = this.decoder.decode(buf.subarray(at, this.delimiterAt));
    } catch {
      return null;
    }
    if (text.length === this.delimiterAt - at) {
      // Only ASCII (a fatal decoder turns every longer sequence into fewer code units): byte offsets are string offsets.
      for (let f = 0; f < this.fieldCount; f++) {
        const value = text.substring(bounds[2 * f]! - at, bounds[2 * f + 1]! - at);
        cells[f] = this.escaped[f] === 1 ? value.replaceAll('""', '"') : value;
      }
      return cells;
    }
    for (let f = 0; f < this.fieldCount; f++) {
      const value = this.decoder.decode(buf.subarray(bounds[2 * f]!, bounds[2 * f + 1]!));
      cells[f] = this.escaped[f] === 1 ? value.replaceAll('""', '"') : value;
    }
    return cells;
  }

  /**
   * csv-parse takes over: from `keepAt` (the file's start, or a record boundary with its counters),
   * given the earlier writes' bytes from there and then this write's, as csv-parse alone would have
   * been given this write. The records it reads again up to the current one were out already.
   */
  private handOver(buf: Uint8Array, written: number): void {
    this.pending = EMPTY;
    const again = this.records - this.keepRecords;
    const point: ResumePoint | undefined =
      this.keepRecords === 0
        ? undefined
        : {
            columns: this.columns,
            delimiter: this.delimiter!,
            lines: this.keepRecords,
            records: this.keepRecords,
            bytes: this.keepAt,
            bytesRecords: this.keepBytesRecords,
          };
    const fallback = csvParseParser(this.maxRecordSize, this.events, point, again);
    this.fallback = fallback;
    if (written > 0) fallback.write(buf.subarray(0, written));
    if (written < buf.length) fallback.write(buf.subarray(written));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
