import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect } from 'chai';
import { Delivery } from '../../../server/src/deliveries/delivery.entity';
import { DeliveryStatus } from '../../../server/src/deliveries/delivery-status';
import { DeliveryWriters } from '../../../server/src/deliveries/processing/delivery-writers';

/** The transaction's knex handle, typed by what DeliveryWriters.open takes (the test package has no direct @mikro-orm/postgresql dependency). */
type Transaction = Parameters<typeof DeliveryWriters.open>[0];
import type { Finding } from '../../../server/validation/src';
import { sharedServer, type TestServer } from '../../support/server';

class RolledBack extends Error {}

const finding = (recordNumber: number): Finding => ({
  recordNumber,
  code: '001_RefTab',
  class: 'F',
  field: 'Geslacht',
  params: { value: 'X' },
  keyValues: { OperatieID: `K${recordNumber}` },
});
const record = (recordNumber: number) => ({
  recordKey: `K${recordNumber}`,
  patientRef: `P${recordNumber}`,
  payloadJson: JSON.stringify({ OperatieID: `K${recordNumber}`, Tekst: 'tab\there, back\\slash' }),
});

describe('deliveries: the COPY writers of a processing transaction', () => {
  let server: TestServer;
  before(async () => {
    server = await sharedServer();
  });

  it("stores every record and line when the lines are sent between chunks while the records' COPY is open, each record with its outcome", async () => {
    // A processed demo delivery: it has no report lines, so the ordinals written here are the only ones.
    const { id } = await server.datahub.orm.em
      .fork()
      .findOneOrFail(Delivery, { test: false, status: DeliveryStatus.PROCESSED }, { orderBy: { deliveredAt: 'asc' } });
    let seen: { records: number; rejected: number[]; lines: number; late: number[]; text: string; linesStoredBetweenRecordCopies: boolean } | null = null;
    // One byte a chunk, the next only once the reader has handled the last: the reader sees them one at a time, as a file's chunks.
    let handled: () => void = () => undefined;
    async function* chunks() {
      for (let index = 0; index < 400; index++) {
        const next = new Promise<void>((resolve) => (handled = resolve));
        yield Buffer.from('x');
        await next;
      }
    }
    await server.datahub.orm.em
      .fork()
      .transactional(async (em) => {
        const trx = em.getTransactionContext<Transaction>() as Transaction;
        // A 2 kB limit: the lines are sent (and the records' COPY closed and reopened) many times over.
        const writers = await DeliveryWriters.open(trx, id, true, 2048);
        let recordNumber = 0;
        await pipeline(Readable.from(chunks()), writers.pacer(), async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) {
            for (let n = 0; n < 25 * chunk.length; n++) {
              writers.addRecord(++recordNumber, record(recordNumber));
              if (recordNumber % 3 === 0) writers.addFinding(finding(recordNumber));
            }
            handled();
          }
        });
        writers.addFinding(finding(1)); // found after record 1 was staged: a late rejection
        await writers.finish();
        const staged = (
          await trx.raw(
            `select count(*)::int as n, array_agg(record_number order by record_number) filter (where rejected) as rejected, max(payload ->> 'Tekst') as text from staged_record`,
          )
        ).rows[0];
        const lines = (
          await trx.raw(`select count(*)::int as n from report_line where delivery_id = ? and code = '001_RefTab' and params ->> 'value' = 'X'`, [id])
        ).rows[0];
        // What PostgreSQL saw: each row keeps the number of the statement (cmin) that stored it in this
        // transaction. Lines sent between chunks were stored by statements before the records' last COPY.
        const order = (
          await trx.raw(
            `select count(distinct l.cmin::text::int)::int as statements from report_line l
          where l.delivery_id = ? and l.xmin = pg_current_xact_id()::xid and l.cmin::text::int < (select max(cmin::text::int) from staged_record)`,
            [id],
          )
        ).rows[0];
        seen = {
          records: staged.n,
          rejected: staged.rejected,
          lines: lines.n,
          late: writers.lateRejections,
          text: staged.text,
          linesStoredBetweenRecordCopies: order.statements > 1,
        };
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    const total = 400 * 25;
    const thirds = Math.floor(total / 3);
    expect(seen).to.deep.equal({
      records: total,
      rejected: Array.from({ length: thirds }, (_, index) => (index + 1) * 3),
      lines: thirds + 1,
      late: [1],
      text: 'tab\there, back\\slash',
      linesStoredBetweenRecordCopies: true,
    });
  });
});
