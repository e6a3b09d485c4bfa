import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { tokenFor } from '../../support/actors';
import { example } from '../../support/deliveries';
import { pmicdFhir, recordsFromCsv } from '../../support/fhir-fixtures';
import { deliver, type DeliverTarget, grantSubmitter, switchToFhir } from '../../support/fhir-http';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const TARGET: DeliverTarget = { institution: '11111111', unit: 0, registry: 'PMICD', version: '2018.0.5', period: '2026K1' };

interface Counts {
  deliveries: number;
  jobs: number;
  submissions: number;
  audited: number;
  files: number;
}

/** Every row and stored file a `$deliver` could leave behind, counted. */
async function counts(server: TestServer): Promise<Counts> {
  const [row] = await ownerQuery<Omit<Counts, 'files'>>(
    server,
    `select (select count(*)::int from delivery) as deliveries,
            (select count(*)::int from graphile_worker._private_jobs) as jobs,
            (select count(*)::int from fhir_submission) as submissions,
            (select count(*)::int from audit_event where action = 'fhirDeliver' and event = 'CREATE') as audited`,
  );
  const root = path.join(server.dataDir, 'files');
  const files = existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
  return { ...(row as Omit<Counts, 'files'>), files };
}

describe("FHIR $deliver writes its submission row (discarded paths, locators) in the delivery's own transaction", function () {
  this.timeout(120000);
  const fixture = pmicdFhir(recordsFromCsv(example('PMICD/PMICD/2018.0.5/examples/valid.csv')).slice(0, 3));
  const logs: string[] = [];
  let server: TestServer;
  let submitter: string;

  before(async () => {
    // No worker: the delivery and its job stay as committed, so what one transaction wrote can be read back.
    server = await startTestServer({ DATAHUB_WORKER: '0' }, undefined, logs);
    await grantSubmitter(server, 'aanlever@zuidermeer.test', '11111111', ['PMICD']);
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    await switchToFhir(server, 'beheer@zuidermeer.test', '11111111', 'PMICD', '2026K1');
  });

  it('commits the delivery, its job, its audit row and its submission row in one transaction', async () => {
    const accepted = await deliver(server, submitter, TARGET, fixture.ndjson, 'application/fhir+ndjson');
    expect(accepted.status, JSON.stringify(accepted.outcome)).to.equal(202);
    const id = /\$deliver-status\/([0-9a-f-]{36})$/.exec(accepted.headers.get('content-location') ?? '')?.[1];
    // xmin is the transaction that inserted a row: one value for all four rows.
    const rows = await ownerQuery<{ delivery: string; job: string; audit: string; submission: string; records: number; locator: string | null }>(
      server,
      `select d.xmin::text as delivery, j.xmin::text as job, a.xmin::text as audit, s.xmin::text as submission, s.records, s.locator_key as locator
         from delivery d
         join fhir_submission s on s.delivery_id = d.id
         join graphile_worker._private_jobs j on j.key = 'delivery:' || d.id
         join audit_event a on a.object_id = d.id::text and a.action = 'fhirDeliver' and a.event = 'CREATE'
        where d.id = $1`,
      [id],
    );
    expect(rows, `delivery ${id}`).to.have.length(1);
    const [row] = rows as [(typeof rows)[number]];
    expect(row.records).to.equal(3);
    expect(row.locator).to.be.a('string');
    expect([row.job, row.audit, row.submission]).to.deep.equal([row.delivery, row.delivery, row.delivery]);
  });

  it('when the submission row cannot be written: 500 OperationOutcome with a reference, and no delivery, job, audit row, submission or file remains', async () => {
    const earlier = await counts(server);
    await ownerQuery(
      server,
      `create function refuse_fhir_submission() returns trigger language plpgsql as $$ begin raise exception 'test: submission refused'; end $$;
       create trigger refuse_fhir_submission before insert on fhir_submission for each row execute function refuse_fhir_submission();`,
    );
    let answer: Awaited<ReturnType<typeof deliver>>;
    try {
      answer = await deliver(server, submitter, TARGET, fixture.ndjson, 'application/fhir+ndjson', { 'accept-language': 'en' });
    } finally {
      await ownerQuery(server, 'drop trigger refuse_fhir_submission on fhir_submission; drop function refuse_fhir_submission();');
    }
    expect(answer.status, JSON.stringify(answer.outcome)).to.equal(500);
    expect(answer.outcome.resourceType).to.equal('OperationOutcome');
    expect(answer.outcome.issue[0]).to.include({ severity: 'error', code: 'exception' });
    const reference = /reference ([0-9a-f-]{36})/.exec(answer.outcome.issue[0]?.diagnostics ?? '')?.[1];
    expect(reference, answer.outcome.issue[0]?.diagnostics).to.be.a('string');
    expect(logs.some((line) => line.includes(reference as string) && line.includes('FHIR delivery failed'))).to.equal(true);
    // The stored CSV and its locators are removed with the rolled-back delivery.
    expect(await counts(server)).to.deep.equal(earlier);
  });

  it('takes the same delivery again once the row can be written', async () => {
    const earlier = await counts(server);
    const accepted = await deliver(server, submitter, TARGET, fixture.ndjson, 'application/fhir+ndjson');
    expect(accepted.status, JSON.stringify(accepted.outcome)).to.equal(202);
    expect(await counts(server)).to.deep.equal({
      deliveries: earlier.deliveries + 1,
      jobs: earlier.jobs + 1,
      submissions: earlier.submissions + 1,
      audited: earlier.audited + 1,
      files: earlier.files + 2,
    });
  });
});
