import { expect } from 'chai';
import { Delivery } from '../../../server/src/deliveries/delivery.entity';
import { HeldRecord } from '../../../server/src/records/held-record.entity';
import { CURSOR_HEADER } from '../../../server/src/forwarding/forwarding.route';
import type { ForwardSelection } from '../../../server/src/forwarding/forward-selection';
import { deliveryLineage, recordLineage } from '../../../server/src/forwarding/lineage.service';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { settled, upload } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';
import { createInstitution, createInstitutionUser, participate } from '../../support/delivery-rows';
import { Role } from '../../../server/src/kernel/role';

const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const row = (id: string, patient: string, post = '0.90', date = '2026-02-03') => `${id},${date},${patient},1948,V,01,0.30,${post},1,N,`;
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
let sequence = 700;
/** A hospital of this test's own: the demo's hospitals hold a delivery history of their own. */
let code = '';
const name = () => `${code}_0_CAT_1.4_${(sequence += 1)}_20260410_PROD.csv`;
const FIELDS = ['OperatieDatum', 'PatientCode', 'VaCCPO'];

interface NdjsonLine {
  recordKey: string;
  version: number;
  institution: string;
  period: string;
  status: string;
  fields: Record<string, string> | null;
}

describe('forwarding: current held records, changes since a cursor, afnames and lineage', () => {
  let server: TestServer;
  let submitter: string;
  /** What the stub authorisation check answers (null: refused). */
  let selection: ForwardSelection | null = null;
  const deliveries: Record<string, string> = {};
  const knex = () => server.datahub.orm.em.fork().getKnex();
  const fetchRecords = async (format: 'csv' | 'ndjson', since?: string, token = submitter) =>
    fetch(`${server.url}/api/forwarding/auth-1/records.${format}${since ? `?since=${encodeURIComponent(since)}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const ndjson = async (since?: string) => {
    const response = await fetchRecords('ndjson', since);
    expect(response.status).to.equal(200);
    const lines = (await response.text()).trimEnd().split('\n');
    const trailer = JSON.parse(lines.pop()!) as { cursor: string; records: number; withdrawn: number; afname: string };
    const records = lines.map((line) => JSON.parse(line) as NdjsonLine).sort((a, b) => a.recordKey.localeCompare(b.recordKey));
    expect(trailer.cursor).to.equal(response.headers.get(CURSOR_HEADER));
    return { records, trailer };
  };
  const pseudonym = async (recordKey: string) => (await server.datahub.orm.em.fork().findOneOrFail(HeldRecord, { recordKey })).payload.PatientCode;
  const csvBody = (text: string) => {
    const [header, ...rows] = text.trimEnd().split('\n');
    return { header, rows: rows.sort() };
  };

  before(async () => {
    server = await startTestServer();
    code = await createInstitution(server, 'Doorleverziekenhuis');
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2025K1' });
    submitter = await tokenFor(server, await createInstitutionUser(server, code, Role.SUBMITTER, 'CAT'));
    server.datahub.services.forwardingSelection = () => Promise.resolve(selection);
  });

  it('hands over exactly the selected fields of the current records, pseudonyms as pseudonyms, as CSV', async () => {
    const first = await upload(server, submitter, name(), file(row('F1', 'P-A'), row('F2', 'P-A', '0.80'), row('F3', 'P-B', '0.70')), { period: '2026K1' });
    const d1 = await settled(server, first.id);
    deliveries.d1 = d1.id;
    const held = await server.datahub.orm.em.fork().findOneOrFail(HeldRecord, { recordKey: 'F1' });
    selection = {
      authorisationId: null,
      organisationId: null,
      institutionIds: [held.institution.id],
      registryId: (await knex()('sub_delivery').where({ id: held.subDelivery.id }).first('registry_id')).registry_id as string,
      subDeliveryId: held.subDelivery.id,
      periods: null,
      fields: FIELDS,
    };
    const response = await fetchRecords('csv');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/csv/);
    const { header, rows } = csvBody(await response.text());
    const [pa, pb] = [await pseudonym('F1'), await pseudonym('F3')];
    expect(header).to.equal('recordKey,version,institution,period,status,OperatieDatum,PatientCode,VaCCPO');
    expect(rows).to.deep.equal([
      `F1,1,${code},2026K1,CURRENT,2026-02-03,${pa},0.90`,
      `F2,1,${code},2026K1,CURRENT,2026-02-03,${pa},0.80`,
      `F3,1,${code},2026K1,CURRENT,2026-02-03,${pb},0.70`,
    ]);
    deliveries.cursor1 = response.headers.get(CURSOR_HEADER)!;
  });

  it('after a superseding delivery: an incremental fetch returns only the changes, the withdrawn record as such, and a full fetch the current versions', async () => {
    const second = await upload(server, submitter, name(), file(row('F1', 'P-A', '1.00'), row('F2', 'P-A', '0.80'), row('F4', 'P-C')), { period: '2026K1' });
    deliveries.d2 = (await settled(server, second.id)).id;
    const earlier = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: deliveries.d1! });
    expect(earlier.supersededBy?.id).to.equal(deliveries.d2);
    const { records, trailer } = await ndjson(deliveries.cursor1);
    const pa = await pseudonym('F1');
    expect(records).to.deep.equal([
      {
        recordKey: 'F1',
        version: 2,
        institution: code,
        period: '2026K1',
        status: 'CURRENT',
        fields: { OperatieDatum: '2026-02-03', PatientCode: pa, VaCCPO: '1.00' },
      },
      { recordKey: 'F3', version: 1, institution: code, period: '2026K1', status: 'WITHDRAWN', fields: null },
      {
        recordKey: 'F4',
        version: 1,
        institution: code,
        period: '2026K1',
        status: 'CURRENT',
        fields: { OperatieDatum: '2026-02-03', PatientCode: await pseudonym('F4'), VaCCPO: '0.90' },
      },
    ]);
    expect([trailer.records, trailer.withdrawn]).to.deep.equal([2, 1]);
    deliveries.cursor2 = trailer.cursor;
    const full = csvBody(await (await fetchRecords('csv')).text());
    expect(full.rows.map((line) => line.split(',').slice(0, 5).join(','))).to.deep.equal([
      `F1,2,${code},2026K1,CURRENT`,
      `F2,1,${code},2026K1,CURRENT`,
      `F4,1,${code},2026K1,CURRENT`,
    ]);
    const nothing = await ndjson(deliveries.cursor2);
    expect([nothing.records, nothing.trailer.records, nothing.trailer.cursor]).to.deep.equal([[], 0, deliveries.cursor2]);
  });

  it('filters by period range: records of a period outside it are not handed over', async () => {
    const other = await upload(server, submitter, name(), file(row('F9', 'P-D', '0.90', '2025-11-03')), { period: '2025K4' });
    await settled(server, other.id);
    selection = { ...selection!, periods: { from: '2026K1', to: '2026K4' } };
    const inRange = csvBody(await (await fetchRecords('csv')).text());
    selection = { ...selection, periods: null };
    const all = csvBody(await (await fetchRecords('csv')).text());
    expect(inRange.rows.map((line) => line.split(',')[0])).to.deep.equal(['F1', 'F2', 'F4']);
    expect(all.rows.map((line) => line.split(',')[0])).to.deep.equal(['F1', 'F2', 'F4', 'F9']);
  });

  it('records every fetch as an afname, its versions as a few ranges, and answers lineage exactly', async () => {
    const afnames = await ownerQuery<{ id: string; record_count: number; withdrawn_count: number; since_seq: string | null; ranges: string }>(
      server,
      `select id, record_count, withdrawn_count, since_seq, version_seqs::text as ranges from afname order by fetched_at, id`,
    );
    expect(afnames.map((a) => [a.record_count, a.withdrawn_count, a.since_seq === null])).to.deep.equal([
      [3, 0, true],
      [2, 1, false],
      [3, 0, true],
      [0, 0, false],
      [3, 0, true],
      [4, 0, true],
    ]);
    // The first fetch's three versions were drawn together: one range.
    expect(afnames[0]!.ranges).to.match(/^\{\[\d+,\d+\)\}$/);
    const [a1, a2, a3] = afnames.map((a) => a.id);
    const pairs = (lineage: Awaited<ReturnType<typeof deliveryLineage>>) =>
      lineage.receipts.map((receipt) => [receipt.afname.id, receipt.versions.map((v) => `${v.recordKey}@${v.version}`)]);
    const first = await deliveryLineage(knex(), deliveries.d1!);
    expect(first.versionCount).to.equal(3);
    expect(pairs(first)).to.deep.equal([
      [a1, ['F1@1', 'F2@1', 'F3@1']],
      [a3, ['F2@1']],
      [afnames[4]!.id, ['F2@1']],
      [afnames[5]!.id, ['F2@1']],
    ]);
    const second = await deliveryLineage(knex(), deliveries.d2!);
    expect(pairs(second)).to.deep.equal([
      [a2, ['F1@2', 'F4@1']],
      [a3, ['F1@2', 'F4@1']],
      [afnames[4]!.id, ['F1@2', 'F4@1']],
      [afnames[5]!.id, ['F1@2', 'F4@1']],
    ]);
    const held = await server.datahub.orm.em.fork().findOneOrFail(HeldRecord, { recordKey: 'F1' });
    const record = await recordLineage(knex(), { institutionId: held.institution.id, subDeliveryId: held.subDelivery.id, recordKey: 'F1' });
    expect(record.versions.map((v) => [v.version, v.deliveryId, v.current, v.receivedBy.map((a) => a.id)])).to.deep.equal([
      [1, deliveries.d1, false, [a1]],
      [2, deliveries.d2, true, [a2, a3, afnames[4]!.id, afnames[5]!.id]],
    ]);
    const withdrawn = await recordLineage(knex(), { institutionId: held.institution.id, subDeliveryId: held.subDelivery.id, recordKey: 'F3' });
    expect(withdrawn.versions.map((v) => [v.version, v.withdrawn, v.receivedBy.map((a) => a.id)])).to.deep.equal([[1, true, [a1]]]);
  });

  it('refuses outside an authorisation with 404 (audited), without a login with 401, and a foreign cursor with 400', async () => {
    const saved = selection;
    selection = null;
    const refused = await fetchRecords('csv');
    expect([refused.status, await refused.text()]).to.deep.equal([404, '{"error":"NOT_FOUND"}']);
    const audited = await ownerQuery<{ n: number }>(
      server,
      `select count(*)::int as n from audit_event where action = 'forwardRecords' and event = 'AUTHORISATION_FAILURE'`,
    );
    expect(audited[0]!.n).to.equal(1);
    selection = saved;
    expect((await fetchRecords('csv', undefined, 'not-a-token')).status).to.equal(401);
    expect((await fetchRecords('ndjson', 'Zm9v')).status).to.equal(400);
    const exports = await ownerQuery<{ n: number }>(server, `select count(*)::int as n from audit_event where action = 'forwardRecords' and event = 'EXPORT'`);
    expect(exports[0]!.n).to.equal(6);
  });

  it('neutralises a held value that a spreadsheet would run as a formula, in the CSV only', async () => {
    // Crafted in the store directly: the dictionary's checks would not accept such a value in these fields.
    await ownerQuery(
      server,
      `insert into held_record (sub_delivery_id, institution_id, record_key, patient_ref, payload, delivery_id, version, updated_at)
       select sub_delivery_id, institution_id, 'F7', patient_ref, payload || '{"VaCCPO": "=HYPERLINK(1)", "OperatieDatum": "-1"}', delivery_id, 1, now()
         from held_record where record_key = 'F4'`,
    );
    const since = deliveries.cursor2;
    const csv = csvBody(await (await fetchRecords('csv', since)).text());
    expect(csv.rows.map((line) => line.split(',').slice(0, 6).concat(line.split(',').slice(-1)))).to.deep.equal([
      ['F7', '1', code, '2026K1', 'CURRENT', "'-1", "'=HYPERLINK(1)"],
      ['F9', '1', code, '2025K4', 'CURRENT', '2025-11-03', '0.90'],
    ]);
    const { records } = await ndjson(since);
    expect(records.map((r) => r.fields?.VaCCPO)).to.deep.equal(['=HYPERLINK(1)', '0.90']);
  });

  it("answers afnames and lineage over GraphQL to the institution's local administrator, and nothing to a submitter", async () => {
    const admin = await tokenFor(server, await createInstitutionUser(server, code, Role.LOCAL_ADMIN));
    const query = `query ($d: ID!, $s: ID!) {
      afnames(institutionCode: "${code}") { nodes { id recordCount incremental complete } }
      deliveryLineage(deliveryId: $d) { versionCount receipts { afname { id } versions { recordKey version } } }
      recordLineage(institutionCode: "${code}", subDeliveryId: $s, recordKey: "F1") { version current receivedBy { id } }
    }`;
    const variables = { d: deliveries.d1, s: selection!.subDeliveryId };
    type Answer = {
      afnames: { nodes: { id: string; recordCount: number; incremental: boolean }[] };
      deliveryLineage: { versionCount: number; receipts: { afname: { id: string }; versions: { recordKey: string; version: number }[] }[] };
      recordLineage: { version: number; current: boolean; receivedBy: { id: string }[] }[];
    };
    const data = expectOk(await asUser<Answer>(server, admin, query, variables));
    const direct = await deliveryLineage(knex(), deliveries.d1!);
    expect(data.afnames.nodes.length).to.equal(8);
    expect(data.deliveryLineage.receipts.map((r) => [r.afname.id, r.versions.map((v) => `${v.recordKey}@${v.version}`).join(' ')])).to.deep.equal(
      direct.receipts.map((r) => [r.afname.id, r.versions.map((v) => `${v.recordKey}@${v.version}`).join(' ')]),
    );
    expect(data.recordLineage.map((v) => [v.version, v.current])).to.deep.equal([
      [1, false],
      [2, true],
    ]);
    const denied = await asUser<Answer>(server, submitter, query, variables);
    expect(denied.errors?.[0]?.extensions?.code).to.be.oneOf(['FORBIDDEN', 'UNAUTHORIZED', 'UNAUTHENTICATED']);
  });
});
