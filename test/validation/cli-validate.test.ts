import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { EXIT_USAGE, runValidateCommand } from '../../server/src/file-check/validate.command';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'dictionaries/CAT/Cataract/1.4/examples');
const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const TODAY = '2026-04-15';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const parts = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr'): Writable =>
    new Writable({
      write(chunk: Buffer, _e, done) {
        parts[key] += chunk.toString('utf8');
        done();
      },
    });
  const code = await runValidateCommand(args, { stdout: stream('stdout'), stderr: stream('stderr') }, { today: TODAY });
  return { code, ...parts };
}

describe('pnpm cli validate', () => {
  let dir = '';
  const named = (example: string, sequence: number): string => path.join(dir, `11111111_0_CAT_1.4_${sequence}_20260415_TEST.${path.extname(example).slice(1)}`);
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cli-validate-'));
    await copyFile(path.join(EXAMPLES, 'valid.csv'), named('valid.csv', 1));
    await copyFile(path.join(EXAMPLES, 'invalid-records.csv'), named('invalid-records.csv', 2));
    await copyFile(path.join(EXAMPLES, 'invalid-ragged-row.csv'), named('invalid-ragged-row.csv', 3));
    await copyFile(path.join(EXAMPLES, 'invalid-records.xml'), named('invalid-records.xml', 4));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 for a file that would be processed without errors, inferring the dictionary from the file name', async () => {
    const { code, stdout } = await run([named('x.csv', 1), '--period', '2026K1']);
    expect(code).to.equal(0);
    expect(stdout).to.contain('Status: Verwerkt.');
  });

  it('exits 1 for a file processed with errors, 2 for a rejected one', async () => {
    expect((await run([named('x.csv', 2), '--period', '2026K1'])).code).to.equal(1);
    expect((await run([named('x.csv', 3)])).code).to.equal(2);
  });

  it('prints one JSON object with status, totals and findings { recordNumber, code, class, field, message, keyValues }', async () => {
    const { code, stdout } = await run([named('x.csv', 2), '--period', '2026K1', '--format', 'json']);
    const report = JSON.parse(stdout) as { status: string; totals: { records: number }; findings: Array<Record<string, unknown>> };
    expect(code).to.equal(1);
    expect(report.status).to.equal('PROCESSED_WITH_ERRORS');
    expect(report.totals.records).to.equal(13);
    expect(Object.keys(report.findings[0]!)).to.deep.equal(['recordNumber', 'code', 'class', 'field', 'message', 'keyValues']);
    expect(report.findings.find((f) => f['code'] === '015_X_Y_EQ')).to.deep.include({
      recordNumber: 5,
      class: 'F',
      field: 'VaCCPre',
      message: 'VaCCPre bevat een waarde buiten de afgesproken limiet [0, 3].',
    });
  });

  it('gives file-level findings recordNumber null in JSON', async () => {
    const report = JSON.parse((await run([named('x.csv', 3), '--format', 'json'])).stdout) as { findings: Array<Record<string, unknown>> };
    expect(report.findings).to.deep.equal([
      { recordNumber: null, code: 'B06', class: 'BF', field: null, message: 'Regel 3: verwacht 11 velden, gevonden 10.', keyValues: null },
    ]);
  });

  it('renders English messages with --lang en and gives the same report for the same records as XML', async () => {
    const csv = JSON.parse((await run([named('x.csv', 2), '--period', '2026K1', '--format', 'json', '--lang', 'en'])).stdout) as unknown;
    const xml = JSON.parse((await run([named('x.xml', 4), '--period', '2026K1', '--format', 'json', '--lang', 'en'])).stdout) as unknown;
    expect(xml).to.deep.equal(csv);
    expect(JSON.stringify(csv)).to.contain('has value 0.33, which does not occur in the reference list.');
  });

  it('writes CSV with a header row and one quoted row per finding', async () => {
    const file = path.join(dir, '11111111_0_CAT_1.4_9_20260415_TEST.csv');
    await writeFile(
      file,
      'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType\n1,2026-02-03,=cmd,1948,V,01,0.3,0.90,1,N,\n2,2026-02-03,P2,1948,V,01,0.30,0.90,1,N,\n',
    );
    const { code, stdout } = await run([file, '--format', 'csv']);
    expect(code).to.equal(1);
    expect(stdout.split('\r\n')).to.deep.equal([
      'Record,Code,Klasse,Veld,Melding,Sleutel',
      '1,002_Type,F,VaCCPre,VaCCPre bevat waarde 0.3; verwacht decimaal getal (2 decimalen met een punt).,OperatieID=1; OperatieDatum=2026-02-03; PatientCode==cmd; ODS=01',
      '',
    ]);
  });

  it('adds B08 when the dictionary is given and the file name does not follow the convention', async () => {
    const file = path.join(dir, 'export.csv');
    await copyFile(path.join(EXAMPLES, 'valid.csv'), file);
    const { code, stdout } = await run([file, '--dictionary', 'CAT/Cataract/1.4', '--format', 'json']);
    const report = JSON.parse(stdout) as { findings: Array<{ code: string; message: string }> };
    expect(code).to.equal(1);
    expect(report.findings.map((f) => f.message)).to.deep.equal(['Bestandsnaam wijkt af van de aanleverspecificatie; handmatig ingevuld: export.csv.']);
  });

  it('rejects (2) a conforming name for a registry version the hub does not know, with B07', async () => {
    const file = path.join(dir, '11111111_0_CAT_9.9_1_20260415_PROD.csv');
    await copyFile(path.join(EXAMPLES, 'valid.csv'), file);
    const { code, stdout } = await run([file, '--format', 'json']);
    expect(code).to.equal(2);
    expect((JSON.parse(stdout) as { findings: Array<{ message: string }> }).findings[0]!.message).to.equal(
      'Bestandsnaam 11111111_0_CAT_9.9_1_20260415_PROD.csv: versie 9.9 van registratie CAT is onbekend.',
    );
  });

  describe('a report of 200,000 findings, run as `pnpm cli` runs it (from source, in a child process)', function () {
    this.timeout(180_000);
    const rows = 200_000;
    let file = '';

    /** The root package.json's `cli` script, without pnpm in between; stdout is read as it comes. */
    async function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const child = spawn(process.execPath, ['--conditions=source', '-r', '@swc-node/register', 'server/src/cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'server/tsconfig.json' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr };
    }

    before(async () => {
      file = path.join(dir, '11111111_0_CAT_1.4_20_20260415_TEST.csv');
      const out = createWriteStream(file);
      out.write(`${HEADER}\n`);
      // Every record has one fault (Geslacht X is not in its reference list), so every record is
      // rejected and with it the file: status REJECTED, exit code 2.
      for (let i = 1; i <= rows; i++) {
        if (!out.write(`${i},2026-02-03,P${i},1948,X,01,0.30,0.90,1,N,\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve) => out.end(() => resolve()));
    });

    it('comes out as one complete JSON document with every finding, and the command exits 2', async () => {
      const { code, stdout, stderr } = await cli(['validate', file, '--period', '2026K1', '--format', 'json']);
      expect(stderr).to.equal('');
      expect(code).to.equal(2);
      const report = JSON.parse(stdout) as {
        status: string;
        totals: { records: number; rejected: number };
        findings: Array<{ recordNumber: number; code: string }>;
      };
      expect(report.status).to.equal('REJECTED');
      expect(report.totals).to.include({ records: rows, rejected: rows });
      expect(report.findings).to.have.length(rows);
      expect(report.findings.every((f, i) => f.recordNumber === i + 1 && f.code === '001_RefTab')).to.equal(true);
    });

    it('comes out as a complete table (a heading, every finding, the status line), and the command exits 2', async () => {
      const { code, stdout, stderr } = await cli(['validate', file, '--period', '2026K1']);
      expect(stderr).to.equal('');
      expect(code).to.equal(2);
      const lines = stdout.split('\n');
      expect(lines).to.have.length(1 + rows + 3);
      expect(lines[0]).to.match(/^Record +Code +Klasse +Veld +Melding +Sleutel$/);
      expect(lines[rows]).to.match(new RegExp(`^${rows} +001_RefTab +F +Geslacht +Geslacht bevat waarde X`));
      expect(lines.slice(rows + 1)).to.deep.equal(['', `Status: Afgekeurd. Records: ${rows}, verwerkt: 0, niet verwerkt: ${rows}.`, '']);
    });
  });

  it('exits 64 with usage on bad arguments, and when the dictionary can be neither given nor inferred', async () => {
    expect((await run([])).code).to.equal(EXIT_USAGE);
    expect((await run([named('x.csv', 1), '--format', 'xlsx'])).code).to.equal(EXIT_USAGE);
    expect((await run([named('x.csv', 1), '--period', '2026Q1'])).code).to.equal(EXIT_USAGE);
    expect((await run([named('x.csv', 1), '--dictionary', 'CAT/Cataract/9'])).code).to.equal(EXIT_USAGE);
    const { code, stderr } = await run([path.join(EXAMPLES, 'valid.csv')]);
    expect(code).to.equal(EXIT_USAGE);
    expect(stderr).to.contain('give --dictionary');
  });
});
