/**
 * The CSV text of the records built so far, handed on in pieces: records counted from 1 in the
 * order they are written, each one's locator reported as it is (for the outcome's resource paths).
 */
import type { CompiledMapping } from './compiled-mapping';
import { csvLine } from './csv-line';
import type { BuiltRecord, ResourcePool } from './resource-pool';

export type RecordLocator = Record<string, string>;

/** CSV text is handed on in pieces of about this many characters. */
const PIECE = 64 * 1024;

export class CsvOutput {
  private text = '';
  records = 0;

  constructor(
    private readonly compiled: CompiledMapping,
    private readonly onRecord?: (recordNumber: number, locator: RecordLocator) => void,
  ) {}

  /** Whether a piece is ready to hand on. */
  get full(): boolean {
    return this.text.length >= PIECE;
  }

  /** The records of one pool (a Bundle, or one patient's lines). */
  pool(pool: ResourcePool): void {
    for (const record of pool.records(this.compiled)) this.record(record);
  }

  record(record: BuiltRecord): void {
    this.records++;
    this.onRecord?.(this.records, record.locator);
    this.text += csvLine(record.cells);
  }

  /**
   * Records another thread built (ndjson-block.ts): their CSV text, and per record the line of each
   * alias (`aliases` in order, 0 where the record has no such resource).
   */
  block(csv: string, records: number, lines: Int32Array | undefined, aliases: readonly string[]): void {
    if (this.onRecord && lines) {
      for (let r = 0; r < records; r++) {
        const locator: RecordLocator = {};
        for (let a = 0; a < aliases.length; a++) {
          const line = lines[r * aliases.length + a]!;
          if (line > 0) locator[aliases[a]!] = `line ${line}`;
        }
        this.onRecord(this.records + r + 1, locator);
      }
    }
    this.records += records;
    this.text += csv;
  }

  /** The text written since the last take. */
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}
