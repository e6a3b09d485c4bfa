import type { Knex } from '@mikro-orm/postgresql';

const BATCH_SIZE = 1000;

/**
 * Collects rows and writes them as multi-row INSERTs of up to 1,000 rows inside the processing
 * transaction: never a round trip per line (issue 5). `flush()` writes what is left.
 */
export class BatchInserter<Row extends Record<string, unknown>> {
  private rows: Row[] = [];
  private pending: Promise<void> = Promise.resolve();
  count = 0;

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly table: string,
  ) {}

  add(row: Row): void {
    this.rows.push(row);
    this.count += 1;
    if (this.rows.length >= BATCH_SIZE) this.write();
  }

  private write(): void {
    const rows = this.rows;
    this.rows = [];
    // Writes are chained, so they keep their order and at most one batch is in flight.
    this.pending = this.pending.then(() => this.trx(this.table).insert(rows).then(() => undefined));
  }

  async flush(): Promise<void> {
    if (this.rows.length > 0) this.write();
    await this.pending;
  }
}
