import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { startTestServer } from '../support/server';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../server/dist/cli.js');

describe('pnpm cli arguments are parsed strictly (built CLI against the test database)', () => {
  let env: NodeJS.ProcessEnv;
  before(async () => {
    const server = await startTestServer();
    env = {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      DATAHUB_DATA_DIR: server.dataDir,
      DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'silent',
    };
  });

  const cli = (args: string[]) =>
    run('node', [CLI, ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('reminders: a misspelt option (--asof) is a usage error naming it, and no reminders are sent for today instead', async () => {
    const { code, stdout, stderr } = await cli(['reminders', '--asof', '2026-04-17']);
    expect(code).to.equal(2);
    expect(stderr).to.include("Unknown option '--asof'");
    expect(stdout).to.equal('');
  });

  it('reminders: --as-of without a date, or with something else, is a usage error', async () => {
    expect(await cli(['reminders', '--as-of'])).to.deep.include({ code: 2, stdout: '' });
    const { code, stderr } = await cli(['reminders', '--as-of', '17-04-2026']);
    expect(code).to.equal(2);
    expect(stderr).to.include('--as-of 17-04-2026 is not a date');
  });

  it('user create: a misspelt option (--emial) is a usage error (exit 2) naming it', async () => {
    const { code, stderr } = await cli(['user', 'create', '--emial', 'x@zuidermeer.test', '--name', 'X', '--role', 'SUBMITTER']);
    expect(code).to.equal(2);
    expect(stderr).to.include("Unknown option '--emial'");
  });
});
