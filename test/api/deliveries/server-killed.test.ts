import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { WATCHDOG_NAME } from '../../../server/src/db/embedded-lifetime';
import { findFreePort } from '../../../server/src/db/free-port';
import { asUser, expectOk, signIn } from '../../support/actors';
import { upload } from '../../support/deliveries';
import type { TestServer } from '../../support/server';

const MAIN = path.resolve(__dirname, '../../../server/dist/main.js');
const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const CREATE_TOKEN = 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on CreatedApiToken { token } } }';
const DELIVERY = 'query ($id: ID!) { delivery(id: $id) { status progress } }';

/** `records` clean CAT rows: large enough that processing takes seconds. */
function catFile(records: number): string {
  const rows = [HEADER];
  for (let index = 0; index < records; index++) rows.push(`R${index},2026-02-03,P${index % 5000},1950,V,01,0.30,0.90,1,N,`);
  return rows.join('\n') + '\n';
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pids of a process's children (Linux: /proc/PID/task/TID/children). */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('deliveries: a server killed (-9) on its embedded database', function () {
  this.timeout(300000);
  const servers: ChildProcess[] = [];
  const dataDirs: string[] = [];
  before(function () {
    // Linux only (the test finds the server's children in /proc). It runs the embedded database
    // whatever DATABASE_URL says, so a run against DATABASE_URL (CI's second run) leaves it to the other.
    if (!existsSync('/proc/self/task') || process.env.DATABASE_URL) this.skip();
  });
  after(async () => {
    for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    for (const dataDir of dataDirs) {
      if (existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))) {
        const pid = postmasterPid(dataDir);
        if (alive(pid)) process.kill(pid, 'SIGINT');
        await until("the test's PostgreSQL to stop", () => (alive(pid) ? null : true), 30000).catch(() => undefined);
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  async function dataFolder(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-killed-'));
    // As root the database runs as the `postgres` user, who must be able to enter the folder.
    await chmod(dir, 0o755);
    dataDirs.push(dir);
    return dir;
  }

  /** `node server/dist/main.js` on the embedded database in `dataDir`, once it says it is running. */
  async function startServer(dataDir: string): Promise<{ process: ChildProcess; server: TestServer }> {
    const port = await findFreePort();
    const { DATABASE_URL: _owner, DATABASE_APP_URL: _app, ...environment } = process.env;
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...environment,
        DATAHUB_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATAHUB_DEMO: '1',
        DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
        DATAHUB_STORAGE_KEY: '11'.repeat(32),
        DATAHUB_PSEUDONYM_KEY: '22'.repeat(32),
        DATAHUB_WORKER_STALE_SECONDS: '2',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    servers.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    await until(
      'the server to start',
      () => {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output.slice(-2000)}`);
        return output.includes('Datahub is running') ? true : null;
      },
      120000,
    );
    return { process: child, server: { url: `http://127.0.0.1:${port}`, dataDir } as TestServer };
  }

  async function killed(child: ChildProcess): Promise<void> {
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exit;
  }

  it('finishes the delivery it was processing after a restart, stopping the database the killed server left running', async () => {
    const dataDir = await dataFolder();
    const first = await startServer(dataDir);
    const browser = await signIn(first.server, 'aanlever@zuidermeer.test');
    const { token } = expectOk(
      await browser.request<{ createApiToken: { token: string } }>(CREATE_TOKEN, { input: { name: 'restart', days: 1 } }),
    ).createApiToken;
    const records = 100000;
    const delivery = await upload(first.server, token, '11111111_0_CAT_1.4_701_20260410_PROD.csv', catFile(records), { period: '2026K1' });
    await until(
      'processing under way',
      async () => {
        const { delivery: state } = expectOk(
          await asUser<{ delivery: { status: string; progress: number } }>(first.server, token, DELIVERY, { id: delivery.id }),
        );
        return state.status === 'PROCESSING' && state.progress > 0 ? state : null;
      },
      120000,
    );
    // The watchdog would stop the database with its server; without it, the database outlives the server as an orphan.
    for (const child of childrenOf(first.process.pid as number)) {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(WATCHDOG_NAME)) process.kill(child, 'SIGKILL');
    }
    const postmaster = postmasterPid(dataDir);
    await killed(first.process);
    const orphaned = alive(postmaster);

    const second = await startServer(dataDir);
    const done = await until(
      'the delivery to finish',
      async () => {
        const { delivery: state } = expectOk(await asUser<{ delivery: { status: string } }>(second.server, token, DELIVERY, { id: delivery.id }));
        return ['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'].includes(state.status) ? state : null;
      },
      180000,
    );
    expect(orphaned).to.equal(true);
    expect(done.status).to.equal('PROCESSED');
    second.process.kill('SIGTERM');
    await new Promise((resolve) => second.process.once('exit', resolve));
  });

  it('does not leave its embedded database running when the server is killed with -9', async () => {
    const dataDir = await dataFolder();
    const { process: server } = await startServer(dataDir);
    const postmaster = postmasterPid(dataDir);
    await killed(server);
    const stopped = await until('the embedded PostgreSQL to stop', () => (alive(postmaster) ? null : true), 60000).catch(() => false);
    expect(stopped).to.equal(true);
  });
});
