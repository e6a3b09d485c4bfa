import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const CHUNK = 1 << 20;
/**
 * How much may be on its way to PostgreSQL before the reader waits: several chunks, so the database
 * parses one while the engine checks the next (with one chunk in flight they took turns).
 */
const IN_FLIGHT = 8 * CHUNK;

const SPECIAL = /[\\\t\n\r]/;

/** PostgreSQL COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (character) => (character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r'));
}

/** The processing transaction's one connection (inside a transaction, knex's client hands out that connection). */
export async function connectionOf(trx: Knex.Transaction): Promise<pg.Client> {
  return (await (trx as unknown as { client: { acquireConnection(): Promise<pg.Client> } }).client.acquireConnection()) as pg.Client;
}

/**
 * Writes rows into a table with COPY on the processing transaction's connection: far fewer round
 * trips and no per-row SQL (issue 5: "COPY or multi-row inserts"). Rows are written as COPY text
 * straight into 1 MiB buffers, which are sent while the writer is attached (a COPY is open); while
 * it is detached they wait in memory, because a connection runs one COPY at a time and nothing
 * else meanwhile. `add` never waits, so the file's synchronous record callbacks can call it at any
 * moment. (Gathering a chunk as one string, by `+=`, cost more than everything else of staging a
 * record: the string, a rope of thousands of lines, was flattened and encoded again when sent.)
 */
export class CopyWriter {
  /** Full chunks not sent yet, and the one being filled. */
  private readonly full: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private fullBytes = 0;
  private stream: Writable | null = null;
  private done: Promise<unknown> | null = null;
  count = 0;

  constructor(
    private readonly connection: pg.Client,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  /** Bytes gathered and not sent yet. */
  get pending(): number {
    return this.fullBytes + this.used;
  }

  /** Opens a COPY (the connection must have nothing else open) and sends what was gathered. */
  attach(): void {
    const stream = this.connection.query(
      copyFrom(`copy ${this.table} (${this.columns.join(', ')}) from stdin with (format text)`, { highWaterMark: IN_FLIGHT }),
    );
    this.stream = stream;
    this.done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([error]) => Promise.reject(error))]);
    this.done.catch(() => undefined);
    this.sendFull();
  }

  /** Sends what is left and ends the COPY; rows added later wait for the next `attach`. */
  async detach(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.closeChunk();
    this.sendFull();
    this.stream = null;
    stream.end();
    await this.done;
  }

  /** Sends everything gathered in one COPY of its own. */
  async writeOut(): Promise<void> {
    if (this.pending === 0) return;
    this.attach();
    await this.detach();
  }

  add(values: ReadonlyArray<string | number | boolean | null>): void {
    let line = '';
    for (let index = 0; index < values.length; index++) line += (index ? '\t' : '') + cell(values[index] ?? null);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8, so a line of this length always fits.
    const room = 3 * line.length + 1;
    if (this.used + room > this.chunk.length) {
      this.closeChunk();
      this.sendFull();
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, room));
    }
    this.used += this.chunk.write(line, this.used);
    this.chunk[this.used++] = 0x0a;
    this.count += 1;
  }

  /** The chunk being filled joins the full ones (a fresh one is taken by the next `add` that needs it). */
  private closeChunk(): void {
    if (this.used === 0) return;
    this.full.push(this.chunk.subarray(0, this.used));
    this.fullBytes += this.used;
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }

  private sendFull(): void {
    if (!this.stream) return;
    for (const chunk of this.full) this.stream.write(chunk);
    this.full.length = 0;
    this.fullBytes = 0;
  }

  /**
   * Resolves when PostgreSQL has taken what was written so far (at once when it keeps up or no
   * COPY is open). The file reader waits on it between chunks, so a slow database slows reading
   * instead of rows piling up in memory; rejects when the COPY fails.
   */
  async ready(): Promise<void> {
    const stream = this.stream;
    // writableNeedDrain, not the last write's result: 'drain' may have come and gone since.
    if (!stream?.writableNeedDrain) return;
    await Promise.race([once(stream, 'drain'), this.done]);
  }

  /**
   * Ends an open COPY with a failure (CopyFail): needed before the transaction can roll back, since
   * no other statement can run on the connection while a COPY waits for data.
   */
  async abort(reason: Error): Promise<void> {
    this.full.length = 0;
    this.fullBytes = 0;
    this.used = 0;
    const stream = this.stream;
    this.stream = null;
    stream?.destroy(reason);
    await this.done?.catch(() => undefined);
  }
}
