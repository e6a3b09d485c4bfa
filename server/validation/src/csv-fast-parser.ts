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
 * Anything else hands the input over to csv-parse from the start of the current record: a quote in
 * an unquoted value, a closing quote followed by anything but `,` or the delimiter, a CR or LF that
 * is not the record delimiter (inside quotes too: csv-parse counts it as a line), a record with
 * another number of fields, a record longer than `max_record_size` bytes, a value that is not valid
 * UTF-8, a UTF-16 BOM, and a last record without a delimiter. csv-parse is then started
 * where both agree: before the first record from the file's first byte; after it, from the record's
 * start with its counters set to this reader's (see `ResumePoint`). From then on every byte goes to
 * csv-parse, so every record and error after the hand-over is its own.
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
  /** The bytes not used yet: from the current record's start (before the first record: from the file's first byte). */
  private pending: Uint8Array = EMPTY;
  /** File offset of `pending[0]`. */
  private pendingAt = 0;
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
  private delimiterLength = 0;

  constructor(
    private readonly maxRecordSize: number,
    private readonly events: CsvParserEvents,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.fallback) return this.fallback.write(bytes);
    this.parse(this.pending.length === 0 ? bytes : concat(this.pending, bytes), false);
  }

  async end(): Promise<void> {
    if (!this.fallback) this.parse(this.pending, true);
    if (this.fallback) await this.fallback.end();
  }

  private parse(buf: Uint8Array, end: boolean): void {
    let at = 0;
    if (this.bomLength < 0) {
      // csv-parse looks for a BOM once it has 3 bytes (or at the end, then not at all).
      if (buf.length < 3) {
        if (!end) return void (this.pending = buf);
        if (buf.length > 0) this.handOver(buf, 0);
        return;
      }
      if (buf[0] === 0xff && buf[1] === 0xfe) return this.handOver(buf, 0); // UTF-16 LE BOM: csv-parse switches encoding
      this.bomLength = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      at = this.bomLength;
    } else if (this.records === 0) at = this.bomLength;
    const limit = end ? buf.length : buf.length - LOOK_AHEAD;
    while (at < buf.length) {
      const next = this.scanRecord(buf, at, end);
      if (next === HAND_OVER) return this.handOver(buf, at);
      if (next === NEED_MORE) {
        if (end) return this.handOver(buf, at); // a last record without delimiter, an open quote
        // A record already longer than max_record_size: csv-parse reports it before its end.
        if (this.maxRecordSize !== 0 && buf.length - at > this.maxRecordSize) return this.handOver(buf, at);
        break;
      }
      // Checked before the look-ahead: a hand-over is exact at any moment, and csv-parse may
      // report a record too long before reaching its end.
      if (this.maxRecordSize !== 0 && this.delimiterAt - at > this.maxRecordSize) return this.handOver(buf, at);
      if (this.records > 0 && this.fieldCount !== this.columns) return this.handOver(buf, at);
      if (this.delimiterAt >= limit) break; // csv-parse has not reached this record's end yet
      if (this.records === 0) this.columns = this.fieldCount;
      const cells = this.cells(buf, at);
      if (cells === null) return this.handOver(buf, at); // not valid UTF-8
      this.records++;
      const bytes = this.pendingAt + next;
      this.bytesRecords += bytes;
      at = next;
      this.events.record(cells, this.records, bytes);
    }
    if (this.records === 0) this.pending = buf; // from the file's first byte, for a hand-over
    else {
      this.pendingAt += at;
      this.pending = buf.subarray(at);
    }
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
      this.delimiterLength = found === 'CRLF' ? 2 : 1;
      return i + this.delimiterLength;
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

  /** csv-parse takes over from `buf[at]`, the start of a record (before the first record: from the file's start). */
  private handOver(buf: Uint8Array, at: number): void {
    this.pending = EMPTY;
    if (this.records === 0) {
      this.fallback = csvParseParser(this.maxRecordSize, this.events);
      // Before the first record `pending` starts at the file's first byte.
      this.fallback.write(buf);
      return;
    }
    const point: ResumePoint = {
      columns: this.columns,
      delimiter: this.delimiter!,
      lines: this.records,
      records: this.records,
      bytes: this.pendingAt + at,
      bytesRecords: this.bytesRecords,
    };
    this.fallback = csvParseParser(this.maxRecordSize, this.events, point);
    if (at < buf.length) this.fallback.write(buf.subarray(at));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
