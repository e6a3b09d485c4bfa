import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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

describe('pnpm cli validate loads what it needs only', function () {
  this.timeout(120_000);

  it('loads the engine and the one dictionary asked for: no ORM, GraphQL, web server or app module, no other dictionary', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-loads-'));
    try {
      const file = path.join(dir, 'three-lines.csv');
      writeFileSync(
        file,
        'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType\n11000523,2026-02-03,1100055508,1948,V,01,0.30,0.90,1,N,\n',
      );
      // Preloaded: notes every file read through fs/promises, and the modules loaded when the process exits.
      const preload = path.join(dir, 'record.js');
      writeFileSync(
        preload,
        [
          "const fsp = require('node:fs/promises'); const readFile = fsp.readFile; const read = [];",
          'fsp.readFile = function (file, ...rest) { read.push(String(file)); return readFile.call(this, file, ...rest); };',
          "process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_FILE, JSON.stringify({ modules: Object.keys(require.cache), read })));",
        ].join('\n'),
      );
      const record = path.join(dir, 'record.json');
      // The root package.json's `cli` script, without pnpm in between.
      const { stdout } = await run(
        process.execPath,
        [
          '--conditions=source',
          '-r',
          '@swc-node/register',
          '-r',
          preload,
          'server/src/cli.ts',
          'validate',
          file,
          '--dictionary',
          'CAT/Cataract/1.4',
          '--format',
          'json',
        ],
        {
          cwd: ROOT,
          env: { ...process.env, SWC_NODE_PROJECT: 'server/tsconfig.json', RECORD_FILE: record },
        },
      ).catch((error: { stdout: string }) => error);
      expect((JSON.parse(stdout) as { totals: { records: number } }).totals.records).to.equal(1);
      const { modules, read } = JSON.parse(readFileSync(record, 'utf8')) as { modules: string[]; read: string[] };
      const heavy = modules.filter(
        (m) =>
          /[\\/]node_modules[\\/](@mikro-orm|type-graphql|graphql|@apollo|express|pg|reflect-metadata)[\\/]/.test(m) ||
          /[\\/]server[\\/]src[\\/](app|db)[\\/]/.test(m),
      );
      expect(heavy).to.deep.equal([]);
      expect(modules.some((m) => m.endsWith(path.join('server', 'validation', 'src', 'engine.ts')))).to.equal(true);
      const dictionaries = read.filter((f) => f.endsWith('dictionary.json')).map((f) => path.relative(path.join(ROOT, 'dictionaries'), f));
      expect(dictionaries).to.deep.equal([path.join('CAT', 'Cataract', '1.4', 'dictionary.json')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
