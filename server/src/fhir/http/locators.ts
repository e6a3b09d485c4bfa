import { PassThrough, type Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { FileStore, StoredFile } from '../../storage/file-store';
import type { RecordLocator } from '../conversion';

/**
 * Record locators (which resources a CSV record came from) as they are made, one JSON line per
 * record (`[n, locator]`), straight into the encrypted file store: never in clear on disk, never
 * all in memory.
 */
export class LocatorWriter {
  private readonly lines = new PassThrough();
  readonly stored: Promise<StoredFile>;

  constructor(store: FileStore) {
    // The store attaches its own listener only once it has made the file's folder: an abort before
    // then must not be an uncaught 'error' (the store still sees the stream destroyed).
    this.lines.on('error', () => undefined);
    this.stored = store.put(this.lines);
    // Read by the caller after the conversion; a failure before then must not go unhandled.
    this.stored.catch(() => undefined);
  }

  add(recordNumber: number, locator: RecordLocator): void {
    this.lines.write(`${JSON.stringify([recordNumber, locator])}\n`);
  }

  end(): void {
    this.lines.end();
  }

  abort(error: Error): void {
    this.lines.destroy(error);
  }
}

/**
 * Reads the locators of one delivery in record order: `at(n)` for ascending n (report lines come
 * in record order), reading the file only as far as needed.
 */
export class LocatorReader {
  private readonly lines: AsyncIterator<string>;
  private current: [number, RecordLocator] | null = null;
  private ended = false;

  constructor(source: Readable) {
    this.lines = createInterface({ input: source, crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  async at(recordNumber: number): Promise<RecordLocator | null> {
    while (!this.ended && (this.current === null || this.current[0] < recordNumber)) {
      const next = await this.lines.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      if (next.value) this.current = JSON.parse(next.value) as [number, RecordLocator];
    }
    return this.current && this.current[0] === recordNumber ? this.current[1] : null;
  }

  async close(): Promise<void> {
    await this.lines.return?.();
  }
}
