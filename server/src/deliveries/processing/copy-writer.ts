import { once } from 'node:events';
import type { Knex } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const CHUNK = 1 << 20;

/** PostgreSQL COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (character) => (character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r'));
}

/**
 * Streams rows into a table with COPY on the processing transaction's own connection: far fewer
 * round trips and no per-row SQL (issue 5: "COPY or multi-row inserts"). Rows are gathered into
 * 1 MiB chunks; the caller awaits `end()` before using the rows.
 */
export class CopyWriter {
  private buffer = '';
  private stream: NodeJS.WritableStream | null = null;
  private done: Promise<unknown> | null = null;
  count = 0;

  private constructor() {}

  static async open(trx: Knex.Transaction, table: string, columns: readonly string[]): Promise<CopyWriter> {
    // Inside a transaction, knex's client hands out the transaction's one connection.
    const connection = (await (trx as unknown as { client: { acquireConnection(): Promise<pg.Client> } }).client.acquireConnection()) as pg.Client;
    const writer = new CopyWriter();
    const stream = connection.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format text)`));
    writer.stream = stream;
    writer.done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([error]) => Promise.reject(error))]);
    writer.done.catch(() => undefined);
    return writer;
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
   * Ends the COPY with a failure (CopyFail): needed before the transaction can roll back, since no
   * other statement can run on the connection while a COPY waits for data.
   */
  async abort(reason: Error): Promise<void> {
    this.buffer = '';
    (this.stream as unknown as { destroy(error: Error): void } | null)?.destroy(reason);
    await this.done?.catch(() => undefined);
  }

  async end(): Promise<void> {
    this.flushChunk();
    this.stream?.end();
    await this.done;
  }
}
