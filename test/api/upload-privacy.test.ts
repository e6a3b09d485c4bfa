import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { issueToken } from '../../server/src/access/api-token.service';
import { User } from '../../server/src/access/user.entity';
import { openOrm } from '../../server/src/db/orm';
import { graphql } from '../support/client';
import { example, UPLOAD } from '../support/deliveries';
import { multipartHead, OpenUpload, MULTIPART_TAIL } from '../support/multipart';
import { testCluster } from '../support/server';
import { uploadRequest } from '../support/upload';

const MAIN = path.resolve(__dirname, '../../server/dist/main.js');
const PMICD_NAME = (sequence: number) => `11111111_0_PMICD_2018.0.5_${sequence}_20260410_PROD.csv`;
const VALIDATE = 'query ($file: Upload!) { validateFile(file: $file) { ... on FileCheckReport { status records } } }';

interface Child {
  process: ChildProcess;
  url: string;
}

/** The built server in its own process, with its own temp folder (TMPDIR) and data folder. */
function startChild(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it ran: ${stderr.join('')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number; msg?: string };
      if (entry.msg?.startsWith('Datahub is running')) resolve({ process: child, url: `http://127.0.0.1:${entry.port}` });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `file: value` for every file under `dirs` whose bytes contain one of `values`. */
function clearTextIn(dirs: string[], values: string[]): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    const bytes = readFileSync(file);
    for (const value of values) if (bytes.includes(value)) found.push(`${path.basename(file)}: ${value}`);
  }
  return found;
}

async function until<T>(what: string, probe: () => T | null | Promise<T | null>, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('uploads: no clear text of a delivered file on disk, ever', function () {
  this.timeout(180000);
  const pmicd = example('PMICD/PMICD/2018.0.5/examples/valid.csv');
  const bsns = pmicd
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',')[1] as string);
  const identifying = [...bsns, 'Jansen', 'Pieter', 'Bakker-de Vries'];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'datahub-upload-tmp-'));
  const data = mkdtempSync(path.join(os.tmpdir(), 'datahub-upload-data-'));
  let env: Record<string, string>;
  let child: Child;
  let submitter: string;

  before(async () => {
    const databaseUrl = await (await testCluster()).createDatabase();
    env = {
      DATABASE_URL: databaseUrl,
      DATAHUB_DATA_DIR: data,
      TMPDIR: tmp,
      DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
      DATAHUB_STORAGE_KEY: '11'.repeat(32),
      DATAHUB_PSEUDONYM_KEY: '22'.repeat(32),
      PORT: '0',
      HOST: '127.0.0.1',
      DATAHUB_DEMO: '1',
      LOG_LEVEL: 'info',
    };
    child = await startChild(env);
    const orm = await openOrm(databaseUrl);
    try {
      const em = orm.em.fork();
      const issue = async (email: string) => (await issueToken(em, { user: await em.findOneOrFail(User, { email }) }, 'test', 30, new Date(), null)).token;
      submitter = await issue('aanlever@zuidermeer.test');
      const hub = await issue('hub@datahub.test');
      const userId = (await em.findOneOrFail(User, { email: 'aanlever@zuidermeer.test' })).id;
      const granted = await graphql(
        child.url,
        'mutation ($id: ID!) { grantRole(userId: $id, input: { role: SUBMITTER, institutionCode: "11111111", registryCodes: ["PMICD"] }) { __typename } }',
        { id: userId },
        { authorization: `Bearer ${hub}` },
      );
      expect(granted.errors).to.equal(undefined);
    } finally {
      await orm.close();
    }
  });

  after(() => {
    child?.process.kill('SIGKILL');
  });

  it('keeps the BSNs and names out of the temp and data folders while the file is arriving, and after kill -9 mid-upload and a restart', async () => {
    const existing = new Set([tmp, data].flatMap(filesUnder));
    const head = multipartHead({ query: UPLOAD, variables: { file: null, input: { period: '2026K1' } } }, { 0: ['variables.file'] }, PMICD_NAME(1));
    const upload = new OpenUpload(child.url, head.length + pmicd.length + 10 * 1024 * 1024 + MULTIPART_TAIL.length, { authorization: `Bearer ${submitter}` });
    await upload.write(head + pmicd);
    await upload.write('PR9999,,,1950-01-01,M,2026-01-08,N,PM,MDT,Azure XT DR,PJN100001,SND,N\n'.repeat(4096));
    // The server has the identifying rows once a new file under either folder has grown past them.
    await until('the server to have written the first rows somewhere', () =>
      [tmp, data].flatMap(filesUnder).some((file) => !existing.has(file) && statSync(file).size >= pmicd.length) ? true : null,
    );
    const during = clearTextIn([tmp, data], identifying);
    child.process.kill('SIGKILL');
    upload.destroy();
    child = await startChild(env);
    const leftovers = [tmp, data].flatMap(filesUnder).filter((file) => /\.part$|capacitor-/.test(file));
    expect(during).to.deep.equal([]);
    expect(clearTextIn([tmp, data], identifying)).to.deep.equal([]);
    expect(leftovers).to.deep.equal([]);
  });

  it('creates no file in the temp folder and leaves no BSN or name in the data folder through a delivery (stored, processed) and a file check', async () => {
    const created: string[] = [];
    const watcher = watch(tmp, (_event, name) => created.push(String(name)));
    const auth = { 'apollo-require-preflight': 'true', authorization: `Bearer ${submitter}` };
    const delivered = await uploadRequest<{ uploadDelivery: { __typename: string; id: string } }>(
      child.url,
      UPLOAD,
      { input: { period: '2026K1' } },
      { name: PMICD_NAME(2), content: pmicd },
      auth,
    );
    const checked = await uploadRequest<{ validateFile: { records: number } }>(child.url, VALIDATE, {}, { name: PMICD_NAME(3), content: pmicd }, auth);
    const id = delivered.data?.uploadDelivery.id;
    await until('processing to end', async () => {
      const response = await graphql<{ delivery: { status: string } }>(
        child.url,
        'query ($id: ID!) { delivery(id: $id) { status } }',
        { id },
        { authorization: `Bearer ${submitter}` },
      );
      return ['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'].includes(response.data?.delivery.status ?? '') ? true : null;
    });
    watcher.close();
    expect(delivered.data?.uploadDelivery.__typename).to.equal('Delivery');
    expect(checked.data?.validateFile.records).to.equal(bsns.length);
    expect(created).to.deep.equal([]);
    expect(clearTextIn([tmp, data], identifying)).to.deep.equal([]);
  });
});
