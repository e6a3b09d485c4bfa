import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { PROCESS_DELIVERY } from '../../../server/src/jobs/queue';
import { Delivery } from '../../../server/src/deliveries/delivery.entity';
import { deliveryTask } from '../../../server/src/jobs/worker';
import { HeldRecord } from '../../../server/src/records/held-record.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { settled, upload } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const WORKER = path.resolve(__dirname, '../../../server/dist/worker.js');
const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';

/** `records` CAT rows; every 20th has an unknown Geslacht (one 001_RefTab line each). */
function catFile(records: number): string {
  const rows = [HEADER];
  for (let index = 0; index < records; index++) rows.push(`R${index},2026-02-03,P${index % 5000},1950,${index % 20 === 0 ? 'X' : 'V'},01,0.30,0.90,1,N,`);
  return rows.join('\n') + '\n';
}

function startWorkerProcess(server: TestServer): ChildProcess {
  return spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      DATAHUB_DATA_DIR: server.dataDir,
      DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
      DATAHUB_STORAGE_KEY: '11'.repeat(32),
      DATAHUB_PSEUDONYM_KEY: '22'.repeat(32),
      DATAHUB_WORKER_STALE_SECONDS: '2',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('deliveries: a worker killed mid-file, an aborted upload', function () {
  this.timeout(180000);
  let server: TestServer;
  let submitter: string;
  const workers: ChildProcess[] = [];
  before(async () => {
    server = await startTestServer({ DATAHUB_WORKER: '0' });
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });
  after(() => {
    for (const worker of workers) worker.kill('SIGKILL');
  });

  it('gives the same final result when the worker process is killed (-9) mid-file and another takes over', async () => {
    const records = 150000;
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_401_20260410_PROD.csv', catFile(records), { period: '2026K1' });
    const first = startWorkerProcess(server);
    workers.push(first);
    // The counts so far travel with the progress: records read and errors found up to that moment.
    const during = await until(
      'processing with progress',
      async () => {
        const row = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: delivery.id });
        return row.status === 'PROCESSING' && Number(row.progressDone) > 0 && row.recordCount > 0 ? row : null;
      },
      60000,
    );
    first.kill('SIGKILL');
    workers.push(startWorkerProcess(server));
    const done = await settled(server, delivery.id, 120000);
    const em = server.datahub.orm.em.fork();
    const counts = (
      await em
        .getConnection()
        .execute(
          `select (select count(*)::int from report_line where delivery_id = ?) as lines, (select count(*)::int from rejected_record where delivery_id = ?) as rejected`,
          [delivery.id, delivery.id],
        )
    )[0];
    expect(during.errorCount).to.be.greaterThan(0);
    expect(during.acceptedCount).to.equal(during.recordCount - during.rejectedCount);
    expect(done.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(done.attempts).to.equal(2);
    expect([done.recordCount, done.rejectedCount, done.acceptedCount]).to.deep.equal([records, records / 20, records - records / 20]);
    expect(counts).to.deep.equal({ lines: records / 20, rejected: records / 20 });
    expect(await em.count(HeldRecord, { delivery: delivery.id })).to.equal(records - records / 20);
  });

  it('keeps no delivery, no job and no temporary file when the client aborts mid-upload', async () => {
    const deliveriesBefore = await server.datahub.orm.em.fork().count(Delivery, {});
    // The server's upload buffers go to os.tmpdir(): a folder of this test's own, so other processes' files do not count.
    const temporary = mkdtempSync(path.join(tmpdir(), 'datahub-aborted-upload-'));
    const previousTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    // The file store's put is where the server reads the upload: its outcome is the definite end of
    // the upload on the server, and its start the moment the client is surely mid-upload.
    const store = server.datahub.services.fileStore;
    const put = store.put.bind(store);
    const storing: { outcome: Promise<string> | null } = { outcome: null };
    store.put = (source) => {
      const result = put(source);
      storing.outcome = result.then(
        () => 'stored',
        () => 'failed',
      );
      return result;
    };
    try {
      const boundary = 'xxBOUNDARYxx';
      const operations = JSON.stringify({
        query: 'mutation ($file: Upload!, $input: UploadDeliveryInput!) { uploadDelivery(file: $file, input: $input) { __typename } }',
        variables: { file: null, input: { period: '2026K1' } },
      });
      const head = [
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="11111111_0_CAT_1.4_402_20260410_PROD.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ].join('');
      const request = http.request(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${submitter}`,
          'content-length': String(10_000_000),
        },
      });
      request.on('error', () => undefined);
      request.write(head + catFile(2000));
      await until('the server storing the file', async () => (storing.outcome ? true : null), 30000);
      request.destroy();
      const stored = await storing.outcome;
      // graphql-upload deletes its buffer once the store's read stream is closed, asynchronously: look again for up to 10 s.
      let left = readdirSync(temporary);
      for (const end = Date.now() + 10000; left.length > 0 && Date.now() < end; left = readdirSync(temporary))
        await new Promise((resolve) => setTimeout(resolve, 50));
      // Delivery jobs only: a worker started by the test before this one makes up the crontab's missed daily runs (reminders, data-request aftercare) meanwhile.
      const jobs = await server.datahub.orm.em
        .fork()
        .getConnection()
        .execute(
          `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = '${PROCESS_DELIVERY}'`,
        );
      const parts = readdirSync(path.join(server.dataDir, 'files'), { recursive: true }).filter((name) => String(name).endsWith('.part'));
      expect(stored).to.equal('failed');
      expect(await server.datahub.orm.em.fork().count(Delivery, {})).to.equal(deliveriesBefore);
      expect(jobs[0].n).to.equal(0);
      expect(parts).to.deep.equal([]);
      expect(left).to.deep.equal([]);
    } finally {
      store.put = put;
      if (previousTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmpdir;
      rmSync(temporary, { recursive: true, force: true });
    }
  });
});

describe('deliveries: a system failure', function () {
  this.timeout(120000);
  const job = (attempts: number) => ({ job: { attempts, max_attempts: 3 } as never, logger: { info: () => undefined } });
  const FAILURE = 'query ($id: ID!) { delivery(id: $id) { status failureCode failureReason } }';

  it('retries, and after the last attempt marks the delivery FAILED with a reason instead of looping', async () => {
    const server = await startTestServer({ DATAHUB_WORKER: '0' });
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_403_20260410_PROD.csv', catFile(10), { period: '2026K1' });
    const em = server.datahub.orm.em.fork();
    // A stored file whose authentication tag no longer matches: storage damaged behind the hub's back.
    const stored = await em.findOneOrFail(Delivery, { id: delivery.id });
    const file = path.join(server.dataDir, 'files', stored.storageKey);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const task = deliveryTask(server.datahub.services);
    const early = await task({ deliveryId: delivery.id }, job(1)).then(
      () => 'done',
      () => 'retry',
    );
    await task({ deliveryId: delivery.id }, job(3));
    const failed = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: delivery.id });
    const shown = expectOk(
      await asUser<{ delivery: { status: string; failureCode: string; failureReason: string } }>(server, submitter, FAILURE, { id: delivery.id }),
    ).delivery;
    expect(early).to.equal('retry');
    expect(failed.status).to.equal('FAILED');
    expect(failed.failureReason).to.equal('STORAGE_UNREADABLE');
    expect(shown).to.deep.equal({
      status: 'FAILED',
      failureCode: 'STORAGE_UNREADABLE',
      failureReason:
        'Het opgeslagen bestand kon niet worden gelezen (ontbrekend of beschadigd). Lever het bestand opnieuw aan; meld het aan de beheerder als dit blijft gebeuren.',
    });
    expect(await server.datahub.orm.em.fork().count(HeldRecord, { delivery: delivery.id })).to.equal(0);
  });

  it("stores a database error as DATABASE_ERROR: the error's text (which quotes a value) is never stored, shown, logged or handed to the queue", async () => {
    const logs: string[] = [];
    const server = await startTestServer({ DATAHUB_WORKER: '0' }, undefined, logs);
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_404_20260410_PROD.csv', catFile(10), { period: '2026K1' });
    // A PostgreSQL error that quotes a value, as a constraint violation's does (made by the owner:
    // the application's role may not change the schema).
    const sql = (text: string) => ownerQuery(server, text);
    await sql(`create function refuse_report_line() returns trigger language plpgsql as $$ begin raise exception 'value 123456789 Jansen refused'; end $$`);
    await sql('create trigger refuse_report_line before insert on report_line for each row execute function refuse_report_line()');
    const task = deliveryTask(server.datahub.services);
    const retried = await task({ deliveryId: delivery.id }, job(1)).then(
      () => null,
      (error: unknown) => error,
    );
    await task({ deliveryId: delivery.id }, job(3));
    const failed = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id: delivery.id });
    const shown = expectOk(
      await asUser<{ delivery: { status: string; failureCode: string; failureReason: string } }>(server, submitter, FAILURE, { id: delivery.id }),
    ).delivery;
    expect(failed.status).to.equal('FAILED');
    expect(failed.failureReason).to.equal('DATABASE_ERROR');
    expect(shown.failureCode).to.equal('DATABASE_ERROR');
    expect(shown.failureReason).to.not.match(/Jansen|123456789|refused/);
    expect(String((retried as Error).message)).to.not.match(/Jansen|123456789|refused/);
    expect(logs.filter((line) => line.includes('delivery processing failed'))).to.have.length(2);
    expect(logs.filter((line) => /Jansen|123456789/.test(line))).to.deep.equal([]);
  });
});
