import { expect } from 'chai';
import { Migration20261124091000 } from '../../../server/src/db/migrations/Migration20261124091000';
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

  it("reports the example's errors with rendered messages, report keys and a hint per code", async () => {
    const delivery = await upload(server, submitter, CAT(2), example('CAT/Cataract/1.4/examples/invalid-records.csv'), { period: '2026K1' });
    await settled(server, delivery.id);
    const { delivery: detail } = expectOk(
      await asUser<{
        delivery: {
          status: string;
          recordCount: number;
          acceptedCount: number;
          reportTotals: { code: string; count: number; hint: string | null }[];
          reportLines: { nodes: { code: string; message: string; keyValues: { name: string }[] }[] };
        };
      }>(server, submitter, DETAIL, { id: delivery.id }),
    );
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
    const refused = await upload(server, submitter, '15330041_0_CAT_1.4_1_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    const audit = await server.datahub.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from audit_event where action = 'uploadDelivery' and event = 'AUTHORISATION_FAILURE'`);
    expect(refused).to.deep.include({ __typename: 'Refused', code: 'FORBIDDEN' });
    expect(await server.datahub.orm.em.fork().count(Delivery, {})).to.equal(before);
    expect(audit[0].n).to.equal(1);
  });

  it('answers an unknown institution code exactly like one the submitter does not deliver for, and audits both refusals', async () => {
    const refusals = async () =>
      (
        await server.datahub.orm.em
          .fork()
          .getConnection()
          .execute(`select count(*)::int as n from audit_event where action = 'uploadDelivery' and event = 'AUTHORISATION_FAILURE'`)
      )[0].n as number;
    const content = example('CAT/Cataract/1.4/examples/valid.csv');
    const before = await refusals();
    const another = await upload(server, submitter, '15330041_0_CAT_1.4_1_20260410_PROD.csv', content, { period: '2026K1' });
    const unknown = await upload(server, submitter, '99999999_0_CAT_1.4_1_20260410_PROD.csv', content, { period: '2026K1' });
    const byHand = await upload(server, submitter, 'export.csv', content, {
      period: '2026K1',
      institutionCode: '99999999',
      unit: 0,
      registry: 'CAT',
      version: '1.4',
    });
    const after = await refusals();
    // The answer may repeat the code that was asked for, nothing more.
    const typed = (answer: typeof another, code: string) => ({ ...answer, message: answer.message?.replaceAll(code, '<code>') });
    expect(typed(another, '15330041')).to.deep.include({ __typename: 'Refused', code: 'FORBIDDEN', field: 'institutionCode' });
    expect(typed(unknown, '99999999')).to.deep.equal(typed(another, '15330041'));
    expect(typed(byHand, '99999999')).to.deep.equal(typed(another, '15330041'));
    expect(after - before).to.equal(3);
  });

  it('checks a name for an unknown institution exactly like one for an institution the submitter does not deliver for', async () => {
    const CHECK =
      'query ($name: String!) { checkDeliveryFileName(fileName: $name) { conforming institutionCode unit registry subDelivery version sequenceNumber creationDate test problems { code message field } warnings } }';
    const check = async (code: string) => {
      const answer = expectOk(
        await asUser<{ checkDeliveryFileName: Record<string, unknown> }>(server, submitter, CHECK, { name: `${code}_0_CAT_1.4_7_20260410_PROD.csv` }),
      ).checkDeliveryFileName;
      return JSON.parse(JSON.stringify(answer).replaceAll(code, '<code>')) as Record<string, unknown>;
    };
    const another = await check('15330041');
    const unknown = await check('99999999');
    expect(another.problems).to.have.length(1);
    expect(unknown).to.deep.equal(another);
  });

  it('stores a file name without its bidirectional and control characters, and reads the fields from what is stored', async () => {
    const content = example('CAT/Cataract/1.4/examples/valid.csv');
    // U+202E would show "uitvoer‮gpj.csv" as "uitvoerjpg.csv"; U+200E and U+2066 are as invisible.
    const byHand = await upload(server, submitter, 'uitvoer\u202Egpj.csv', content, {
      period: '2026K1',
      institutionCode: '11111111',
      unit: 0,
      registry: 'CAT',
      version: '1.4',
    });
    const named = await upload(server, submitter, '11111111_0_CAT_1.4_201_20260410_PROD\u200E\u2066.csv', content, { period: '2026K1' });
    const em = server.datahub.orm.em.fork();
    const stored = await em.find(Delivery, { id: { $in: [byHand.id, named.id] } }, { orderBy: { fileName: 'asc' } });
    expect(stored.map((delivery) => [delivery.fileName, delivery.fileNameConforming, delivery.sequenceNumber])).to.deep.equal([
      ['11111111_0_CAT_1.4_201_20260410_PROD.csv', true, 201],
      ['uitvoergpj.csv', false, null],
    ]);
  });

  it('leaves out the bidirectional and control characters of names stored before uploads did (migration)', async () => {
    const em = server.datahub.orm.em.fork();
    const connection = em.getConnection();
    const { id } = await em.findOneOrFail(Delivery, { institution: { code: '11111111' } }, { orderBy: { deliveredAt: 'asc' } });
    await connection.execute('update delivery set file_name = ? where id = ?', ['oud\u202Egpj\u0007\u2069.csv', id]);
    const migration = new Migration20261124091000(
      ...([em.getDriver(), server.datahub.orm.config] as unknown as ConstructorParameters<typeof Migration20261124091000>),
    );
    await migration.up();
    for (const sql of migration.getQueries()) await connection.execute(String(sql));
    const stored = (await connection.execute('select file_name from delivery where id = ?', [id]))[0]?.file_name;
    expect(stored).to.equal('oudgpj.csv');
  });

  it('checks a name as the upload will store it, and says which invisible characters it removes', async () => {
    const CHECK = 'query ($name: String!) { checkDeliveryFileName(fileName: $name) { conforming sequenceNumber problems { code message field } warnings } }';
    const check = expectOk(
      await asUser<{ checkDeliveryFileName: { conforming: boolean; sequenceNumber: number | null; problems: unknown[]; warnings: string[] } }>(
        server,
        submitter,
        CHECK,
        { name: '11111111_0_CAT_1.4_202_20260410_PROD\u202E.csv' },
      ),
    ).checkDeliveryFileName;
    expect(check).to.deep.equal({
      conforming: true,
      sequenceNumber: 202,
      problems: [],
      warnings: ['Bestandsnaam: onzichtbare stuurtekens (U+202E) worden weggelaten.'],
    });
  });

  it('refuses a non-conforming name without the fields by hand, naming what is missing', async () => {
    const refused = await upload(server, submitter, 'export.csv', example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    expect(refused.code).to.equal('DELIVERY_FIELDS_MISSING');
    expect(refused.message).to.include('institutionCode');
  });

  it('accepts fields filled in by hand and reports B08 for the name', async () => {
    const delivery = await upload(server, submitter, 'export.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
      institutionCode: '11111111',
      unit: 0,
      registry: 'CAT',
      version: '1.4',
      sequenceNumber: 500,
    });
    const done = await settled(server, delivery.id);
    const lines = (await server.datahub.orm.em.fork().getConnection().execute(`select code from report_line where delivery_id = ?`, [delivery.id])) as {
      code: string;
    }[];
    expect(done.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(lines.map((line) => line.code)).to.deep.equal(['B08']);
  });

  it('rejects a 0-byte file with B05 (the file holds no records), as the command line does, instead of failing on it', async () => {
    // Sequence 1000: above every earlier delivery of this suite, so B05 is its only line.
    const delivery = await upload(server, submitter, CAT(900), '', { period: '2026K1' });
    const done = await settled(server, delivery.id);
    const { delivery: detail } = expectOk(
      await asUser<{ delivery: { status: string; reportLines: { nodes: { code: string; class: string }[] } } }>(server, submitter, DETAIL, { id: delivery.id }),
    );
    expect(done.status).to.equal('REJECTED');
    expect(detail.reportLines.nodes.map((line) => [line.code, line.class])).to.deep.equal([['B05', 'BF']]);
  });
});
