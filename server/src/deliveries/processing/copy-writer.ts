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
 * trips and no per-row SQL (issue 5: "COPY or multi-row inserts"). Rows are gathered as COPY text
 * and sent in 1 MiB chunks while the writer is attached (a COPY is open); while it is detached
 * they wait in memory, because a connection runs one COPY at a time and nothing else meanwhile.
 * `add` never waits, so the file's synchronous record callbacks can call it at any moment.
 */
export class CopyWriter {
  private buffer = '';
  private stream: Writable | null = null;
  private done: Promise<unknown> | null = null;
  count = 0;

  constructor(
    private readonly connection: pg.Client,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  /** Characters gathered and not sent yet. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Opens a COPY (the connection must have nothing else open) and sends what was gathered. */
  attach(): void {
    const stream = this.connection.query(
      copyFrom(`copy ${this.table} (${this.columns.join(', ')}) from stdin with (format text)`, { highWaterMark: IN_FLIGHT }),
    );
    this.stream = stream;
    this.done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([error]) => Promise.reject(error))]);
    this.done.catch(() => undefined);
    this.flushChunk();
  }

  /** Sends what is left and ends the COPY; rows added later wait for the next `attach`. */
  async detach(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.flushChunk();
    this.stream = null;
    stream.end();
    await this.done;
  }

  /** Sends everything gathered in one COPY of its own. */
  async writeOut(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.attach();
    await this.detach();
  }

  add(values: ReadonlyArray<string | number | boolean | null>): void {
    let line = '';
    for (let index = 0; index < values.length; index++) line += (index ? '\t' : '') + cell(values[index] ?? null);
    this.buffer += line + '\n';
    this.count += 1;
    if (this.buffer.length >= CHUNK) this.flushChunk();
  }

  private flushChunk(): void {
    if (this.buffer.length === 0 || !this.stream) return;
    this.stream.write(this.buffer);
    this.buffer = '';
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
    this.buffer = '';
    const stream = this.stream;
    this.stream = null;
    stream?.destroy(reason);
    await this.done?.catch(() => undefined);
  }
}
