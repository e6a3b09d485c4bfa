import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { asUser, expectOk } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../server/dist/cli.js');

describe('pnpm cli user create / token create (built CLI against the test database)', () => {
  let server: TestServer;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    server = await startTestServer();
    env = {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      DATAHUB_DATA_DIR: server.dataDir,
      DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'silent',
    };
  });

  it('creates a hub staff account with a password, whose CLI token then works as hub staff; the token is all that is printed', async () => {
    await run(
      'node',
      [CLI, 'user', 'create', '--email', 'Nieuw.Hub@datahub.test', '--name', 'Nieuwe Hub', '--role', 'HUB_STAFF', '--password', 'Sterk-cli-wachtwoord-1'],
      { env },
    );
    const { stdout } = await run('node', [CLI, 'token', 'create', '--email', 'nieuw.hub@datahub.test', '--name', 'script', '--days', '7'], { env });
    const token = stdout.trim();
    const organisations = expectOk(await asUser<{ organisations: { nodes: unknown[] } }>(server, token, '{ organisations { nodes { name } } }'));
    expect(stdout).to.match(/^dh_[A-Za-z0-9_-]{40,}\n$/);
    expect(organisations.organisations.nodes.length).to.be.greaterThan(0);
  });

  it('creates a submitter for two registries by invitation when no password is given', async () => {
    const { stdout } = await run(
      'node',
      [
        CLI,
        'user',
        'create',
        '--email',
        'cli@zuidermeer.test',
        '--name',
        'Cli',
        '--role',
        'SUBMITTER',
        '--institution',
        '11111111',
        '--registry',
        'CAT',
        '--registry',
        'MMY',
      ],
      { env },
    );
    expect(stdout).to.match(/invitation for cli@zuidermeer.test \(SUBMITTER\) mailed; link: http:\/\/localhost:\d+\/invitation\/[A-Za-z0-9_-]+/);
  });

  it('refuses a role without its scope with exit code 2 and a sentence naming it', async () => {
    const failure = await run('node', [CLI, 'user', 'create', '--email', 'x@zuidermeer.test', '--name', 'X', '--role', 'VIEWER', '--institution', '11111111'], {
      env,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).to.equal(2);
    expect(failure?.stderr).to.include('VIEWER').and.include('registry');
  });
});

describe('pnpm cli validate (built CLI, no server or database)', () => {
  const example = (file: string) => path.resolve(__dirname, '../../dictionaries/CAT/Cataract/1.4/examples', file);
  const validate = (args: string[]) =>
    run('node', [CLI, 'validate', ...args], { env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('exits 1 for a file with record errors and prints the report as JSON with the documented names', async () => {
    const { code, stdout } = await validate([example('invalid-records.csv'), '--dictionary', 'CAT/Cataract/1.4', '--period', '2026K1', '--format', 'json']);
    const report = JSON.parse(stdout) as { status: string; totals: { records: number }; findings: Record<string, unknown>[] };
    expect(code).to.equal(1);
    expect(report.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(report.totals.records).to.equal(13);
    expect(Object.keys(report.findings[0] ?? {}).sort()).to.deep.equal(['class', 'code', 'field', 'keyValues', 'message', 'recordNumber']);
  });

  it('exits 2 for a file that would be rejected as a whole', async () => {
    const { code } = await validate([example('invalid-header.csv'), '--dictionary', 'CAT/Cataract/1.4']);
    expect(code).to.equal(2);
  });

  it('exits 0 for a clean file with a conforming name', async () => {
    const copy = path.join(os.tmpdir(), '11111111_0_CAT_1.4_7_20260410_PROD.csv');
    copyFileSync(example('valid.csv'), copy);
    const { code, stdout } = await validate([copy, '--period', '2026K1', '--format', 'json']);
    expect(code, stdout).to.equal(0);
  });
});
