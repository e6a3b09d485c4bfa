import { expect } from 'chai';
import { Delivery } from '../../../server/src/deliveries/delivery.entity';
import { processDelivery } from '../../../server/src/deliveries/processing/process-delivery';
import { HeldRecordVersion } from '../../../server/src/records/held-record-version.entity';
import { HeldRecord } from '../../../server/src/records/held-record.entity';
import { tokenFor } from '../../support/actors';
import { settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const row = (id: string, patient: string, post = '0.90', date = '2026-02-03') => `${id},${date},${patient},1948,V,01,0.30,${post},1,N,`;
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
let sequence = 200;
const name = () => `11111111_0_CAT_1.4_${(sequence += 1)}_20260410_PROD.csv`;

describe('deliveries: record store, conflicts with data held, supersession', () => {
  let server: TestServer;
  let submitter: string;
  const lines = async (id: string) =>
    (await server.datahub.orm.em
      .fork()
      .getConnection()
      .execute(`select code, class, record_number, params from report_line where delivery_id = ? order by record_number nulls first, ordinal`, [id])) as {
      code: string;
      class: string;
      record_number: number;
      params: Record<string, unknown>;
    }[];
  before(async () => {
    server = await startTestServer();
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it('rejects a record whose key is held for another patient with T01 (TF), and keeps the held one', async () => {
    const first = await upload(server, submitter, name(), file(row('K100', 'P-A'), row('K101', 'P-A')), { period: '2026K1' });
    await settled(server, first.id);
    const second = await upload(server, submitter, name(), file(row('K100', 'P-B'), row('K102', 'P-C')), { period: '2026K1' });
    const done = await settled(server, second.id);
    const held = await server.datahub.orm.em.fork().findOneOrFail(HeldRecord, { recordKey: 'K100' });
    expect((await lines(second.id)).map((line) => `${line.record_number}:${line.code}:${line.class}`)).to.deep.equal(['1:T01:TF']);
    expect([done.status, done.acceptedCount, done.rejectedCount]).to.deep.equal(['PROCESSED_WITH_ERRORS', 1, 1]);
    expect(held.patientRef).to.equal('P-A');
  });

  it('updates a record held with other values with T02 (TW), counting the changed fields and keeping the old version', async () => {
    const first = await upload(server, submitter, name(), file(row('K200', 'P-D')), { period: '2026K1' });
    await settled(server, first.id);
    const second = await upload(server, submitter, name(), file(row('K200', 'P-D', '1.00')), { period: '2026K1' });
    await settled(server, second.id);
    const em = server.datahub.orm.em.fork();
    const held = await em.findOneOrFail(HeldRecord, { recordKey: 'K200' });
    const history = await em.find(HeldRecordVersion, { recordKey: 'K200' });
    expect((await lines(second.id)).map((line) => [line.code, line.params.n])).to.deep.equal([['T02', 1]]);
    expect([held.payload.VaCCPO, held.version]).to.deep.equal(['1.00', 2]);
    expect(history.map((version) => version.payload.VaCCPO)).to.deep.equal(['0.90']);
  });

  it('gives no line for a record delivered again with the same values', async () => {
    const first = await upload(server, submitter, name(), file(row('K300', 'P-E')), { period: '2026K1' });
    await settled(server, first.id);
    const again = await upload(server, submitter, name(), file(row('K300', 'P-E')), { period: '2026K1' });
    const done = await settled(server, again.id);
    expect(done.status).to.equal('PROCESSED');
  });

  it('supersedes the earlier production delivery of the same stream and period, which stays in the history', async () => {
    const first = await upload(server, submitter, name(), file(row('K400', 'P-F', '0.90', '2025-02-03')), { period: '2025K1' });
    await settled(server, first.id);
    const second = await upload(server, submitter, name(), file(row('K400', 'P-F', '0.90', '2025-02-03'), row('K401', 'P-F', '0.90', '2025-02-04')), {
      period: '2025K1',
    });
    await settled(server, second.id);
    const earlier = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: first.id });
    expect(earlier.supersededBy?.id).to.equal(second.id);
    expect(earlier.status).to.equal('PROCESSED');
  });

  it('recognises the same bytes delivered again for the same stream and period', async () => {
    const content = file(row('K500', 'P-G', '0.90', '2025-05-03'));
    const first = await upload(server, submitter, name(), content, { period: '2025K2' });
    const second = await upload(server, submitter, name(), content, { period: '2025K2' });
    expect(second.sameBytesAs?.id).to.equal(first.id);
  });

  it('applies two deliveries uploaded at once for one period in delivery order: the later one wins and supersedes the earlier', async () => {
    const [a, b] = await Promise.all([
      upload(server, submitter, name(), file(row('K600', 'P-H', '0.50', '2025-08-03')), { period: '2025K3' }),
      upload(server, submitter, name(), file(row('K600', 'P-H', '0.60', '2025-08-03')), { period: '2025K3' }),
    ]);
    await Promise.all([settled(server, a.id), settled(server, b.id)]);
    const em = server.datahub.orm.em.fork();
    const [older, newer] = (await em.find(Delivery, { id: { $in: [a.id, b.id] } }, { orderBy: { deliveredAt: 'asc', id: 'asc' } })) as [Delivery, Delivery];
    const held = await em.findOneOrFail(HeldRecord, { recordKey: 'K600' });
    expect(held.delivery.id).to.equal(newer.id);
    expect(older.supersededBy?.id).to.equal(newer.id);
    expect(newer.supersededBy).to.equal(null);
  });
});

describe('deliveries: processing order and repeated runs (no worker: jobs run by hand)', () => {
  let server: TestServer;
  let submitter: string;
  before(async () => {
    server = await startTestServer({ DATAHUB_WORKER: '0' });
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it("keeps the later delivery's values when the earlier one is processed last", async () => {
    const earlier = await upload(server, submitter, name(), file(row('K700', 'P-I', '0.50', '2024-02-03')), { period: '2024K1' });
    const later = await upload(server, submitter, name(), file(row('K700', 'P-I', '0.60', '2024-02-03')), { period: '2024K1' });
    await processDelivery(server.datahub.services, later.id);
    await processDelivery(server.datahub.services, earlier.id);
    const em = server.datahub.orm.em.fork();
    const held = await em.findOneOrFail(HeldRecord, { recordKey: 'K700' });
    const first = await em.findOneOrFail(Delivery, { id: earlier.id });
    expect([held.payload.VaCCPO, held.delivery.id]).to.deep.equal(['0.60', later.id]);
    expect(first.supersededBy?.id).to.equal(later.id);
  });

  it('orders two deliveries made in the same instant by id, as supersession does', async () => {
    const one = await upload(server, submitter, name(), file(row('K750', 'P-K', '0.50', '2024-08-03')), { period: '2024K3' });
    const two = await upload(server, submitter, name(), file(row('K750', 'P-K', '0.60', '2024-08-03')), { period: '2024K3' });
    const em = server.datahub.orm.em.fork();
    await em.getConnection().execute(`update delivery set delivered_at = '2026-01-01T00:00:00Z' where id in (?, ?)`, [one.id, two.id]);
    const [first, last] = [one.id, two.id].sort();
    await processDelivery(server.datahub.services, last as string);
    await processDelivery(server.datahub.services, first as string);
    const held = await server.datahub.orm.em.fork().findOneOrFail(HeldRecord, { recordKey: 'K750' });
    const earlier = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: first as string });
    expect(held.delivery.id).to.equal(last);
    expect(earlier.supersededBy?.id).to.equal(last);
  });

  it('refuses to delete a delivery, since the record store and the audit trail refer to it', async () => {
    const delivery = await upload(server, submitter, name(), file(row('K900', 'P-K', '0.50', '2024-08-03')), { period: '2024K3' });
    await processDelivery(server.datahub.services, delivery.id);
    const connection = server.datahub.orm.em.fork().getConnection();
    const refusal = await connection.execute('delete from delivery where id = ?', [delivery.id]).then(
      () => null,
      (error: Error) => error.message,
    );
    const left = await connection.execute('select count(*)::int as n from held_record where delivery_id = ?', [delivery.id]);
    expect(refusal).to.match(/deliveries are never deleted/);
    expect(left[0]).to.deep.equal({ n: 1 });
  });

  it("leaves exactly one run's lines, counts and records when the same job runs twice at once", async () => {
    const delivery = await upload(
      server,
      submitter,
      name(),
      file(
        row('K800', 'P-J', '0.50', '2024-05-03'),
        row('K800', 'P-J', '0.50', '2024-05-04'),
        row('K801', 'P-J', '9.99', '2024-05-05'),
        row('K802', 'P-J', '0.50', '2024-05-06'),
      ),
      { period: '2024K2' },
    );
    const results = await Promise.all([processDelivery(server.datahub.services, delivery.id), processDelivery(server.datahub.services, delivery.id)]);
    const em = server.datahub.orm.em.fork();
    const done = await em.findOneOrFail(Delivery, { id: delivery.id });
    const counts = await em.getConnection().execute(
      `select (select count(*)::int from report_line where delivery_id = ?) as lines, (select count(*)::int from rejected_record where delivery_id = ?) as rejected,
              (select count(*)::int from held_record where delivery_id = ?) as held`,
      [delivery.id, delivery.id, delivery.id],
    );
    expect(results.filter((status) => status !== null)).to.have.length(1);
    expect(done.status).to.equal('PROCESSED_WITH_ERRORS');
    expect([done.rejectedCount, done.acceptedCount]).to.deep.equal([3, 1]);
    expect(counts[0]).to.deep.equal({ lines: 4, rejected: 3, held: 1 });
  });
});
