import { expect } from 'chai';
import { asUser, awaitMail, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';
import { parse } from 'csv-parse/sync';

/** Every text value of every table in the public and graphile_worker schemas, as one string. */
async function databaseDump(server: TestServer): Promise<string> {
  const connection = server.datahub.orm.em.fork().getConnection();
  const tables = (await connection.execute(
    `select table_schema, table_name from information_schema.tables where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE'`,
  )) as { table_schema: string; table_name: string }[];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await connection.execute(`select t::text as row from "${table.table_schema}"."${table.table_name}" t`);
    for (const row of rows as { row: string }[]) parts.push(row.row);
  }
  return parts.join('\n');
}

describe('deliveries: pseudonymisation, exports and the processing mail', () => {
  const logs: string[] = [];
  let server: TestServer;
  let submitter: string;
  let pmicdId: string;
  const pmicd = example('PMICD/PMICD/2018.0.5/examples/valid.csv');
  const bsns = pmicd
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',')[1] as string);
  const names = ['Jansen', 'Pieter', 'Bakker-de Vries'];
  before(async () => {
    server = await startTestServer({}, undefined, logs);
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const hub = await tokenFor(server, 'hub@datahub.test');
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const users = expectOk(
      await asUser<{ institutionUsers: { nodes: { id: string; email: string }[] } }>(
        server,
        admin,
        '{ institutionUsers(institutionCode: "11111111") { nodes { id email } } }',
      ),
    );
    const id = users.institutionUsers.nodes.find((user) => user.email === 'aanlever@zuidermeer.test')?.id;
    await asUser(
      server,
      hub,
      'mutation ($id: ID!) { grantRole(userId: $id, input: { role: SUBMITTER, institutionCode: "11111111", registryCodes: ["PMICD"] }) { __typename } }',
      { id },
    );
    const delivery = await upload(server, submitter, '11111111_0_PMICD_2018.0.5_301_20260410_PROD.csv', pmicd, { period: '2026K1' });
    pmicdId = delivery.id;
    await settled(server, pmicdId);
    // The worker mails just after it stores the outcome: wait for the mail instead of racing it.
    for (let attempt = 0; !logs.some((line) => line.includes('mail written to the outbox')) && attempt < 100; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  });

  // First, while the PMICD delivery's mail is still the submitter's latest.
  it('mails the submitter when processing ends: outcome and link, no BSN or name', async () => {
    const mail = await awaitMail(server, 'aanlever@zuidermeer.test', /Aanlevering PMICD/);
    expect(mail).to.match(/Aanlevering PMICD .*: Verwerkt/);
    expect(mail).to.include('/aanleveringen/');
    for (const value of [...bsns, ...names]) expect(mail).not.to.include(value);
  });

  it('stores no BSN or name of a PMICD file anywhere in the database: only keyed pseudonyms', async () => {
    const dump = await databaseDump(server);
    expect(bsns.length).to.be.greaterThan(2);
    for (const value of [...bsns, ...names]) expect(dump, value).not.to.include(value);
    expect(dump).to.match(/ps_[A-Za-z0-9_-]{43}/);
  });

  it('writes no BSN or name to the logs, even at debug level', () => {
    const text = logs.join('');
    expect(text.length).to.be.greaterThan(0);
    for (const value of [...bsns, ...names]) expect(text, value).not.to.include(value);
  });

  it('gives the same BSN the same pseudonym in a later delivery: the held records match it, without T01 or T02', async () => {
    const again = await upload(server, submitter, '11111111_0_PMICD_2018.0.5_302_20260410_PROD.csv', pmicd, { period: '2026K2' });
    const done = await settled(server, again.id);
    const connection = server.datahub.orm.em.fork().getConnection();
    // Another pseudonym for the same BSN would make the record another patient (T01) or change its values (T02).
    const conflicts = await connection.execute(`select count(*)::int as n from report_line where delivery_id = ? and code in ('T01', 'T02')`, [again.id]);
    const held = (await connection.execute(
      `select h.payload ->> 'BSN' as bsn from held_record h join delivery d on d.id = h.delivery_id where d.id in (?, ?)`,
      [pmicdId, again.id],
    )) as { bsn: string }[];
    expect(conflicts[0]).to.deep.equal({ n: 0 });
    expect(done.acceptedCount).to.equal(bsns.length);
    expect(held.length).to.equal(bsns.length);
    expect(held.every((row) => row.bsn.startsWith('ps_'))).to.equal(true);
  });

  it('exports the report and the failed records as CSV with formula cells neutralised, and audits each export', async () => {
    const delivery = await upload(
      server,
      submitter,
      '11111111_0_CAT_1.4_303_20260410_PROD.csv',
      'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType\nK1,2026-02-03,=1+2,1948,X,01,0.30,0.90,1,N,\nK2,2026-02-03,P2,1948,V,01,0.30,0.90,1,N,\n',
      { period: '2026K1' },
    );
    await settled(server, delivery.id);
    const report = await fetch(`${server.url}/api/deliveries/${delivery.id}/report.csv`, { headers: { authorization: `Bearer ${submitter}` } });
    const failed = await fetch(`${server.url}/api/deliveries/${delivery.id}/failed-records.csv`, { headers: { authorization: `Bearer ${submitter}` } });
    const [reportCsv, failedCsv] = [await report.text(), await failed.text()];
    const audited = await server.datahub.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from audit_event where event = 'EXPORT' and object_id = ?`, [delivery.id]);
    expect([report.status, report.headers.get('cache-control'), failed.headers.get('cache-control')]).to.deep.equal([200, 'no-store', 'no-store']);
    expect(reportCsv).to.include(',001_RefTab,F,Geslacht,');
    expect(failedCsv.split('\r\n')[1]).to.equal(`K1,2026-02-03,'=1+2,1948,X,01,0.30,0.90,1,N,`);
    expect(audited[0].n).to.equal(2);
  });

  it("neutralises every ;-separated part of the report's cells, so a spreadsheet splitting on semicolons finds no formula either", async () => {
    const delivery = await upload(
      server,
      submitter,
      '11111111_0_CAT_1.4_305_20260410_PROD.csv',
      'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType\nK3;=1+2,2026-02-03,P3,1948,X,01,0.30,0.90,1,N,\nK4; @SUM(1),2026-02-03,P4,1948,X,01,0.30,0.90,1,N,\n',
      { period: '2026K1' },
    );
    await settled(server, delivery.id);
    const csv = await (await fetch(`${server.url}/api/deliveries/${delivery.id}/report.csv`, { headers: { authorization: `Bearer ${submitter}` } })).text();
    const table = csv.split('\r\n\r\n')[1] ?? '';
    const cells = (parse(table, { from_line: 2 }) as string[][]).flat();
    const formulaParts = cells.flatMap((cell) => cell.split(';')).filter((part) => /^\s*[=+\-@\t\r]/.test(part));
    expect(cells.filter((cell) => cell.startsWith('OperatieID=K3;'))).to.have.length.greaterThan(0);
    expect(cells.filter((cell) => cell.startsWith('OperatieID=K4;'))).to.have.length.greaterThan(0);
    expect(formulaParts).to.deep.equal([]);
  });

  it('exports XLSX, and the failed records of a PMICD file without its identifying columns: no BSN, name or pseudonym', async () => {
    const invalid = example('PMICD/PMICD/2018.0.5/examples/invalid-records.csv');
    const rows = invalid
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(','));
    const delivery = await upload(server, submitter, '11111111_0_PMICD_2018.0.5_304_20260410_PROD.csv', invalid, { period: '2026K1' });
    const done = await settled(server, delivery.id);
    const xlsx = await fetch(`${server.url}/api/deliveries/${delivery.id}/report.xlsx`, { headers: { authorization: `Bearer ${submitter}` } });
    const failed = await fetch(`${server.url}/api/deliveries/${delivery.id}/failed-records.csv`, { headers: { authorization: `Bearer ${submitter}` } });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const [header, ...body] = (await failed.text()).split('\r\n').filter(Boolean);
    expect(xlsx.status).to.equal(200);
    expect(bytes.subarray(0, 2).toString()).to.equal('PK');
    expect(header).to.equal('ProcedureID,Geboortedatum,Geslacht,ImplantatieDatum,Procedure,DeviceType,Fabrikant,Model,Serienummer,Indicatie,Complicatie30d');
    expect(body.length).to.equal(done.rejectedCount).and.to.be.greaterThan(0);
    for (const line of body) {
      expect(line).not.to.include('ps_');
      for (const value of rows.flatMap(([, bsn, name]) => [bsn, name]).filter((value): value is string => Boolean(value))) expect(line).not.to.include(value);
    }
  });

  it("answers another institution's delivery export byte for byte like an unknown id, on each export route, and audits both refusals", async () => {
    const other = await tokenFor(server, 'beheer@maasdal.test');
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const refusals = async (id: string) =>
      (
        await server.datahub.orm.em
          .fork()
          .getConnection()
          .execute(`select count(*)::int as n from audit_event where event = 'AUTHORISATION_FAILURE' and object_id = ?`, [id])
      )[0].n as number;
    /** Status, headers (but the date) and body: everything the client sees. */
    const seen = async (id: string, route: string) => {
      const response = await fetch(`${server.url}/api/deliveries/${id}/${route}`, { headers: { authorization: `Bearer ${other}` } });
      const headers = [...response.headers].filter(([name]) => name !== 'date');
      return { status: response.status, headers, body: await response.text() };
    };
    const [foreignBefore, unknownBefore] = [await refusals(pmicdId), await refusals(unknownId)];
    for (const route of ['report.csv', 'report.xlsx', 'failed-records.csv']) {
      const foreign = await seen(pmicdId, route);
      const unknown = await seen(unknownId, route);
      expect(foreign.status, route).to.equal(404);
      expect(foreign.headers, route).to.deep.include(['cache-control', 'no-store']);
      expect(unknown, route).to.deep.equal(foreign);
    }
    expect([(await refusals(pmicdId)) - foreignBefore, (await refusals(unknownId)) - unknownBefore]).to.deep.equal([3, 3]);
  });

  it("answers delivery(id) with null for another institution's delivery, an unknown id and a malformed id alike; the foreign one audited", async () => {
    const other = await tokenFor(server, 'beheer@maasdal.test');
    const DELIVERY = 'query ($id: ID!) { delivery(id: $id) { id } }';
    const audited = async () =>
      (
        await server.datahub.orm.em
          .fork()
          .getConnection()
          .execute(`select count(*)::int as n from audit_event where event = 'AUTHORISATION_FAILURE' and action = 'delivery' and object_id = ?`, [pmicdId])
      )[0].n as number;
    const before = await audited();
    const answers = [];
    for (const id of [pmicdId, '00000000-0000-4000-8000-000000000000', 'aanlevering-1'])
      answers.push(await asUser<{ delivery: unknown }>(server, other, DELIVERY, { id }));
    expect(answers.map((answer) => [answer.data, answer.errors])).to.deep.equal([
      [{ delivery: null }, undefined],
      [{ delivery: null }, undefined],
      [{ delivery: null }, undefined],
    ]);
    expect(await audited()).to.equal(before + 1);
  });
});
