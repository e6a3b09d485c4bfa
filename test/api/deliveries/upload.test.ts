import { expect } from 'chai';
import { Delivery } from '../../../server/src/deliveries/delivery.entity';
import { HeldRecord } from '../../../server/src/records/held-record.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

const CAT = (sequence: number, env = 'PROD') => `11111111_0_CAT_1.4_${100 + sequence}_20260410_${env}.csv`;
const DETAIL = `query ($id: ID!) { delivery(id: $id) { status recordCount acceptedCount rejectedCount errorCount warningCount progress period deadline
  reportTotals { code class count hint } reportLines(first: 5) { nodes { recordNumber code class field message keyValues { name value } } } } }`;

describe('deliveries: upload and processing', () => {
  let server: TestServer;
  let submitter: string;
  before(async () => {
    server = await startTestServer();
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it('processes a clean CAT file to PROCESSED and holds its four records', async () => {
    const delivery = await upload(server, submitter, CAT(1), example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    const done = await settled(server, delivery.id);
    const held = await server.datahub.orm.em.fork().count(HeldRecord, { delivery: delivery.id });
    expect(delivery.__typename).to.equal('Delivery');
    expect(done.status).to.equal('PROCESSED');
    expect([done.recordCount, done.acceptedCount, done.rejectedCount]).to.deep.equal([4, 4, 0]);
    expect(held).to.equal(4);
  });

  it('reports the example\'s errors with rendered messages, report keys and a hint per code', async () => {
    const delivery = await upload(server, submitter, CAT(2), example('CAT/Cataract/1.4/examples/invalid-records.csv'), { period: '2026K1' });
    await settled(server, delivery.id);
    const { delivery: detail } = expectOk(await asUser<{ delivery: { status: string; recordCount: number; acceptedCount: number; reportTotals: { code: string; count: number; hint: string | null }[]; reportLines: { nodes: { code: string; message: string; keyValues: { name: string }[] }[] } } }>(server, submitter, DETAIL, { id: delivery.id }));
    expect(detail.status).to.equal('PROCESSED_WITH_ERRORS');
    expect([detail.recordCount, detail.acceptedCount]).to.deep.equal([13, 2]);
    expect(detail.reportTotals.find((row) => row.code === '005')).to.deep.include({ count: 2 });
    expect(detail.reportTotals.every((row) => typeof row.hint === 'string' && row.hint.length > 0)).to.equal(true);
    expect(detail.reportTotals.reduce((sum, row) => sum + row.count, 0)).to.equal(14);
    expect(detail.reportLines.nodes).to.have.length(5);
    expect(detail.reportLines.nodes[1]?.keyValues.map((pair) => pair.name)).to.deep.equal(['OperatieID', 'OperatieDatum', 'PatientCode', 'ODS']);
  });

  it('rejects a file with a wrong header as a whole and ingests nothing of it', async () => {
    const delivery = await upload(server, submitter, CAT(3), example('CAT/Cataract/1.4/examples/invalid-header.csv'), { period: '2026K1' });
    const done = await settled(server, delivery.id);
    expect(done.status).to.equal('REJECTED');
    expect(await server.datahub.orm.em.fork().count(HeldRecord, { delivery: delivery.id })).to.equal(0);
  });

  it('checks a test delivery like production but ingests nothing and supersedes nothing', async () => {
    const before = await server.datahub.orm.em.fork().count(HeldRecord, {});
    const delivery = await upload(server, submitter, CAT(4, 'TEST'), example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    const done = await settled(server, delivery.id);
    const em = server.datahub.orm.em.fork();
    expect(done.status).to.equal('PROCESSED');
    expect(done.test).to.equal(true);
    expect(await em.count(HeldRecord, {})).to.equal(before);
    expect(await em.count(Delivery, { supersededBy: delivery.id })).to.equal(0);
  });

  it('refuses, before reading it, a file for another institution: nothing stored, the refusal audited', async () => {
    const before = await server.datahub.orm.em.fork().count(Delivery, {});
    const refused = await upload(server, submitter, '15330041_0_CAT_1.4_1_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    const audit = await server.datahub.orm.em.fork().getConnection().execute(`select count(*)::int as n from audit_event where action = 'uploadDelivery' and event = 'AUTHORISATION_FAILURE'`);
    expect(refused).to.deep.include({ __typename: 'AuthRefusal', code: 'FORBIDDEN' });
    expect(await server.datahub.orm.em.fork().count(Delivery, {})).to.equal(before);
    expect(audit[0].n).to.equal(1);
  });

  it('refuses a non-conforming name without the fields by hand, naming what is missing', async () => {
    const refused = await upload(server, submitter, 'export.csv', example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    expect(refused.code).to.equal('DELIVERY_FIELDS_MISSING');
    expect(refused.message).to.include('institutionCode');
  });

  it('accepts fields filled in by hand and reports B08 for the name', async () => {
    const delivery = await upload(server, submitter, 'export.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1', institutionCode: '11111111', unit: 0, registry: 'CAT', version: '1.4', sequenceNumber: 500,
    });
    const done = await settled(server, delivery.id);
    const lines = (await server.datahub.orm.em.fork().getConnection().execute(`select code from report_line where delivery_id = ?`, [delivery.id])) as { code: string }[];
    expect(done.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(lines.map((line) => line.code)).to.deep.equal(['B08']);
  });
});
