import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** Modification times of the built server's entry points; null when there is no build. */
function builtTimes(): Array<number | null> {
  return ['cli.js', 'main.js', 'worker.js'].map((file) => {
    try {
      return statSync(path.join(ROOT, 'server/dist', file)).mtimeMs;
    } catch {
      return null;
    }
  });
}

describe('pnpm cli (the root package.json script)', function () {
  this.timeout(120_000);

  it('runs a command without building: server/dist, which a running server may be using, is left as it was', async () => {
    const before = builtTimes();
    const { stdout } = await run('pnpm', ['-s', 'cli', 'help'], { cwd: ROOT });
    expect(stdout).to.match(/^Usage: pnpm cli <command>/);
    expect(stdout).to.include('validate');
    expect(builtTimes()).to.deep.equal(before);
  });
});
