import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { expect } from 'chai';
import { tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { pmicdFhir, recordsFromCsv } from '../../support/fhir-fixtures';
import { deliver, type DeliverTarget, finalOutcome, grantSubmitter, type Outcome, switchToFhir } from '../../support/fhir-http';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const TARGET: DeliverTarget = { institution: '11111111', unit: 0, registry: 'PMICD', version: '2018.0.5', period: '2026K1' };
/** A conforming name with a sequence number above any the demo used, so the upload has no B08/B09 line a FHIR delivery cannot have. */
const CSV_NAME = '11111111_0_PMICD_2018.0.5_999_20260410_PROD.csv';

interface Snapshot {
  status: string;
  counts: number[];
  lines: string[];
  held: string[];
}

/**
 * What a processed delivery came to: status and counts, its report lines, and the records held for
 * `keys` (the CSV's accepted records) as they stand after it, whichever delivery brought them.
 */
async function snapshot(server: TestServer, id: string, keys?: string[]): Promise<Snapshot & { keys: string[] }> {
  const delivery = await settled(server, id, 60000);
  const lines = await ownerQuery<{ line: string }>(
    server,
    `select concat_ws('|', record_number, code, class, field, params::text, key_values::text) as line from report_line where delivery_id = $1 order by ordinal`,
    [id],
  );
  const held = await ownerQuery<{ key: string; row: string }>(
    server,
    `select record_key as key, concat_ws('|', record_key, patient_ref, payload::text, withdrawn) as row from held_record
      where institution_id = $1 and sub_delivery_id = $2 and (record_key = any($3::text[]) or ($3::text[] is null and delivery_id = $4))
      order by record_key`,
    [delivery.institution.id, delivery.subDelivery.id, keys ?? null, id],
  );
  return {
    status: delivery.status,
    counts: [delivery.recordCount, delivery.acceptedCount, delivery.rejectedCount, delivery.errorCount, delivery.warningCount],
    lines: lines.map((row) => row.line),
    held: held.map((row) => row.row),
    keys: held.map((row) => row.key),
  };
}

function deliveryIdOf(location: string | null): string {
  const id = /\$deliver-status\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1];
  if (!id) throw new Error(`no status URL: ${location}`);
  return id;
}

/** `table.column` for every text or JSON column of every table that holds one of `values`. */
async function valuesInTables(server: TestServer, values: string[]): Promise<string[]> {
  const columns = await ownerQuery<{ table_name: string; column_name: string }>(
    server,
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await ownerQuery<{ value: string }>(
      server,
      `select v as value from unnest($1::text[]) v where exists (select 1 from "${table}" t where t."${column}"::text like '%' || v || '%')`,
      [values],
    );
    found.push(...rows.map((row) => `${table}.${column}: ${row.value}`));
  }
  return found;
}

/** Every stored file, decrypted through the file store, that holds one of `values`. */
async function valuesInStore(server: TestServer, values: string[]): Promise<string[]> {
  const root = path.join(server.dataDir, 'files');
  if (!existsSync(root)) return [];
  const keys = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.bin'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  const found: string[] = [];
  for (const key of keys) {
    const content = await text(server.datahub.services.fileStore.open(key));
    for (const value of values) if (content.includes(value)) found.push(`${key}: ${value}`);
  }
  return found;
}

describe('FHIR deliveries end to end: a Bundle and NDJSON give what the equivalent CSV gives, and keep nothing unmapped', function () {
  this.timeout(300000);
  const records = recordsFromCsv(example('PMICD/PMICD/2018.0.5/examples/valid.csv'));
  // One record with a procedure code outside the reference table: an F line (001_RefTab) on that record.
  const withError = records.map((record, index) => (index === 1 ? { ...record, Procedure: 'ZZ' } : record));
  const fixture = pmicdFhir(withError);
  const logs: string[] = [];
  let server: TestServer;
  let submitter: string;
  let csv: Snapshot & { keys: string[] };
  let baselineTables: string[];
  let baselineStore: string[];
  const outcomes: Record<string, Outcome> = {};
  const snapshots: Record<string, Snapshot> = {};
  const deliveryIds: Record<string, string> = {};

  before(async () => {
    server = await startTestServer({}, undefined, logs);
    // The demo's own data may hold a common name (its example files are stored too): only what is new counts.
    baselineTables = await valuesInTables(server, fixture.unmappedValues);
    baselineStore = await valuesInStore(server, fixture.unmappedValues);
    await grantSubmitter(server, 'aanlever@zuidermeer.test', '11111111', ['PMICD']);
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const uploaded = await upload(server, submitter, CSV_NAME, fixture.csv, { period: TARGET.period });
    expect(uploaded.__typename, JSON.stringify(uploaded)).to.equal('Delivery');
    deliveryIds['csv'] = uploaded.id;
    csv = await snapshot(server, uploaded.id);
    await switchToFhir(server, 'beheer@zuidermeer.test', '11111111', 'PMICD', '2026K1');
    for (const [name, body, type] of [
      ['bundle', JSON.stringify(fixture.bundle), 'application/fhir+json'],
      ['ndjson', fixture.ndjson, 'application/fhir+ndjson'],
    ] as const) {
      const accepted = await deliver(server, submitter, TARGET, body, type);
      expect(accepted.status, JSON.stringify(accepted.outcome)).to.equal(202);
      const id = deliveryIdOf(accepted.headers.get('content-location'));
      snapshots[name] = await snapshot(server, id, csv.keys);
      deliveryIds[name] = id;
      outcomes[name] = await finalOutcome(server, submitter, accepted.headers.get('content-location') ?? '');
    }
  });

  it('the CSV upload has the one rejected record the data was made with', () => {
    expect(csv.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(csv.counts.slice(0, 3)).to.deep.equal([withError.length, withError.length - 1, 1]);
    expect(csv.lines.some((line) => line.includes('|001_RefTab|F|Procedure|'))).to.equal(true);
  });

  for (const name of ['bundle', 'ndjson']) {
    it(`a ${name} delivery gives the same status, counts, report lines and held records as the CSV`, () => {
      const fhir = snapshots[name] as Snapshot;
      expect(fhir.status).to.equal(csv.status);
      expect(fhir.counts).to.deep.equal(csv.counts);
      expect(fhir.lines).to.deep.equal(csv.lines);
      expect(fhir.held).to.deep.equal(csv.held);
      expect(fhir.held).to.have.length(withError.length - 1);
      expect(fhir.held.every((row) => row.endsWith('|f'))).to.equal(true);
    });

    it(`the ${name} delivery's status ends in an OperationOutcome: counts, discarded paths, and the finding on its resource path`, () => {
      const outcome = outcomes[name] as Outcome;
      expect(outcome.resourceType).to.equal('OperationOutcome');
      const [summary] = outcome.issue;
      expect(summary).to.include({ severity: 'information' });
      expect(summary?.details?.coding?.[0]?.code).to.equal('PROCESSED_WITH_ERRORS');
      expect(summary?.diagnostics).to.include(`${withError.length} records`);
      const discarded = outcome.issue.filter((issue) => issue.diagnostics?.startsWith('Not stored')).flatMap((issue) => issue.expression ?? []);
      expect(discarded).to.include.members(['Patient.name', 'Patient.address', 'Patient.telecom']);
      const finding = outcome.issue.find((issue) => issue.details?.coding?.[0]?.code === '001_RefTab');
      expect(finding, JSON.stringify(outcome.issue)).to.include({ severity: 'error', code: 'code-invalid' });
      // The element of the record's focus resource: the Procedure made from the record with the error.
      const expression = finding?.expression?.[0] ?? '';
      const wrong = fixture.resources.findIndex((resource) => resource['resourceType'] === 'Procedure' && JSON.stringify(resource).includes('"code":"ZZ"'));
      expect(expression).to.equal(name === 'bundle' ? `Bundle.entry[${wrong}].resource.code` : `Procedure (line ${wrong + 1}).code`);
      expect(finding?.diagnostics).to.be.a('string').and.not.to.equal('001_RefTab');
      for (const issue of outcome.issue) for (const value of fixture.unmappedValues) expect(JSON.stringify(issue)).to.not.include(value);
    });
  }

  it('each FHIR delivery supersedes the one before for the period, as an upload does, with channel FHIR', async () => {
    const rows = await ownerQuery<{ id: string; channel: string; superseded_by_id: string | null }>(
      server,
      'select id, channel, superseded_by_id from delivery where id = any($1::uuid[])',
      [Object.values(deliveryIds)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(deliveryIds['csv'] as string)?.channel).to.equal('PORTAL');
    // A superseded delivery names the newest that replaced it.
    expect(byId.get(deliveryIds['csv'] as string)?.superseded_by_id).to.be.oneOf([deliveryIds['bundle'], deliveryIds['ndjson']]);
    expect(byId.get(deliveryIds['bundle'] as string)).to.include({ channel: 'FHIR', superseded_by_id: deliveryIds['ndjson'] });
    expect(byId.get(deliveryIds['ndjson'] as string)).to.include({ channel: 'FHIR', superseded_by_id: null });
  });

  it('refuses a structurally broken Bundle at once with an OperationOutcome naming the resource and the path', async () => {
    const broken = structuredClone(fixture.bundle) as { entry: { resource: Record<string, unknown> }[] };
    const patient = broken.entry.findIndex((entry) => entry.resource['resourceType'] === 'Patient');
    (broken.entry[patient] as { resource: Record<string, unknown> }).resource['gender'] = 42;
    const before = await ownerQuery<{ count: string }>(server, 'select count(*) from delivery');
    const refused = await deliver(server, submitter, TARGET, JSON.stringify(broken), 'application/fhir+json');
    expect(refused.status).to.equal(422);
    expect(refused.outcome.resourceType).to.equal('OperationOutcome');
    const issue = refused.outcome.issue[0];
    expect(issue?.severity).to.be.oneOf(['error', 'fatal']);
    expect(issue?.expression?.[0]).to.include(`Bundle.entry[${patient}]`).and.to.include('gender');
    expect(await ownerQuery<{ count: string }>(server, 'select count(*) from delivery')).to.deep.equal(before);
  });

  it('lists at most 1,000 findings in the outcome and says how many more there are', async () => {
    const [first] = records;
    const many = Array.from({ length: 1050 }, (_, i) => ({ ...first, ProcedureID: `PRZ${i}`, Serienummer: `ZZ${100000 + i}`, Procedure: 'ZZ' }));
    const accepted = await deliver(server, submitter, { ...TARGET, test: true }, pmicdFhir(many).ndjson, 'application/x-ndjson');
    expect(accepted.status, JSON.stringify(accepted.outcome)).to.equal(202);
    const id = deliveryIdOf(accepted.headers.get('content-location'));
    const outcome = await finalOutcome(server, submitter, accepted.headers.get('content-location') ?? '');
    const [{ count }] = (await ownerQuery<{ count: string }>(server, 'select count(*) from report_line where delivery_id = $1', [id])) as [{ count: string }];
    expect(Number(count)).to.be.at.least(1050);
    expect(outcome.issue.filter((issue) => issue.details?.coding?.[0]?.system.endsWith('/CodeSystem/check'))).to.have.length(1000);
    const more = outcome.issue.find((issue) => issue.code === 'too-costly');
    expect(more?.diagnostics).to.match(new RegExp(`^${Number(count) - 1000} more findings`));
  });

  it('stores no unmapped value (names, addresses, phone numbers, notes) in any table', async () => {
    expect(fixture.unmappedValues.length).to.be.greaterThan(10);
    const after = await valuesInTables(server, fixture.unmappedValues);
    expect(after.filter((match) => !baselineTables.includes(match))).to.deep.equal([]);
  });

  it('stores no unmapped value in any stored file (read back decrypted), and none reaches the debug log', async () => {
    const stored = await valuesInStore(server, fixture.unmappedValues);
    expect(stored.filter((match) => !baselineStore.includes(match))).to.deep.equal([]);
    expect(logs.length).to.be.greaterThan(0);
    const log = logs.join('');
    expect(fixture.unmappedValues.filter((value) => log.includes(value))).to.deep.equal([]);
  });
});
