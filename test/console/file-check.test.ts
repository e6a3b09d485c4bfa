import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { runValidateCommand } from '../../server/src/file-check/validate.command';
import { EXAMPLES } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The file input inside the Bestand controleren drop zone (Element Plus renders it hidden). */
const FILE_INPUT = '[data-testid="check-file-input"] input[type="file"]';
const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
/** The console reads a file in slices of 1 MiB (check-file.ts), the CLI in chunks of 256 KiB: this is a boundary of both. */
const SLICE = 1024 * 1024;

/** A CAT record; every 97th has an unknown Geslacht (001_RefTab). */
function row(i: number, patient = `P${i}`): string {
  return `${i},2026-02-03,${patient},1948,${i % 97 === 0 ? 'X' : 'V'},01,0.30,0.90,1,N,`;
}

function rows(from: number, to: number): string[] {
  const lines: string[] = [];
  for (let i = from; i <= to; i++) lines.push(row(i));
  return lines;
}

/** Files larger than a slice, with what the parser must get right across slice and chunk boundaries. */
const GENERATED: Record<string, () => string | Buffer> = {
  // BOM, CRLF, 40,000 records (about 2.7 MB); every 1000th repeats the key before it (005, a second pass).
  'bom-crlf-duplicates.csv': () => {
    const lines = [HEADER];
    for (let i = 1; i <= 40_000; i++) lines.push(i % 1000 === 0 ? row(i - 1) : row(i));
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  },
  // A ragged row (an extra field) in record 20,000, past the first slice: B06 after the findings before it.
  'ragged-after-first-slice.csv': () => [HEADER, ...rows(1, 19_999), `${row(20_000)},extra`, ...rows(20_001, 30_000)].join('\n') + '\n',
  // CR line endings and an unclosed quote in record 17,000, past the first slice.
  'cr-unclosed-quote.csv': () => [HEADER, ...rows(1, 16_999), row(17_000).replace(',P17000,', ',"P17000,'), ...rows(17_001, 25_000)].join('\r') + '\r',
  // A two-byte character cut in half by the first slice (and chunk) boundary.
  'multibyte-on-the-boundary.csv': () => {
    let text = `${HEADER}\n`;
    let i = 1;
    for (; Buffer.byteLength(text) + 200 < SLICE; i++) text += `${row(i, `P${i}é`)}\n`;
    const before = `${i},2026-02-03,P`;
    const padding = SLICE - 1 - Buffer.byteLength(text) - Buffer.byteLength(before);
    text += `${before}${'x'.repeat(padding)}é,1948,V,01,0.30,0.90,1,N,\n`;
    expect(
      Buffer.from(text)
        .subarray(SLICE - 1, SLICE + 1)
        .toString('utf8'),
    ).to.equal('é');
    return [text, ...rows(i + 1, i + 5000).map((line) => `${line}\n`)].join('');
  },
};

/** The dictionary's examples, under conforming names so the page and the CLI both take CAT 1.4 from the name. */
const EXAMPLE_FILES = [
  'valid.csv',
  'invalid-records.csv',
  'invalid-header.csv',
  'invalid-ragged-row.csv',
  'invalid-empty-line.csv',
  'invalid-semicolons.csv',
  'valid.xml',
  'invalid-records.xml',
  'invalid-truncated.xml',
  'invalid-doctype.xml',
];

interface CliReport {
  status: string;
  totals: { records: number; accepted: number; rejected: number };
  /** The report's CSV lines without the heading. */
  lines: string[];
}

async function cli(file: string): Promise<CliReport> {
  const run = async (format: string): Promise<string> => {
    let out = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString('utf8');
        done();
      },
    });
    const stderr = new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    });
    await runValidateCommand([file, '--period', '2026K1', '--format', format, '--lang', 'nl'], { stdout, stderr });
    return out;
  };
  const {
    status,
    totals: { records, accepted, rejected },
  } = JSON.parse(await run('json')) as CliReport;
  // The CLI writes lines as it finds them; the page lists them as the engine returns them: by record,
  // file-level lines first, a record's lines in their order (a stable sort, as in engine.ts).
  const lines = (await run('csv')).split('\r\n').slice(1, -1);
  const recordOf = (line: string): number => Number(line.slice(0, line.indexOf(',')));
  return { status, totals: { records, accepted, rejected }, lines: lines.sort((a, b) => recordOf(a) - recordOf(b)) };
}

describe('console: Bestand controleren in Chromium gives the findings of pnpm cli validate', function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let files: string;
  const cases: string[] = [];

  before(async () => {
    files = mkdtempSync(path.join(os.tmpdir(), 'datahub-console-check-'));
    let sequence = 1;
    for (const example of EXAMPLE_FILES) {
      const name = `11111111_0_CAT_1.4_${sequence++}_20260410_PROD${path.extname(example)}`;
      copyFileSync(path.join(EXAMPLES, 'CAT/Cataract/1.4/examples', example), path.join(files, name));
      cases.push(name);
    }
    for (const [, make] of Object.entries(GENERATED)) {
      const name = `11111111_0_CAT_1.4_${sequence++}_20260410_PROD.csv`;
      writeFileSync(path.join(files, name), make());
      cases.push(name);
    }
    browser = await launchChromium();
    server = await startTestServer();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** Checks the file on the page as a person does (name fills in the dictionary, period, Controleren) and exports the report. */
  async function checkInBrowser(file: string): Promise<CliReport> {
    await page.goto(`${server.url}/controleren`);
    await page.locator(FILE_INPUT).setInputFiles(file);
    await page.getByTestId('check-name-fields').waitFor();
    await page.getByTestId('check-period').fill('2026K1');
    await page.getByTestId('check-submit').click();
    const status = page.getByTestId('check-status');
    await status.waitFor({ timeout: 60_000 });
    const total = async (name: string): Promise<number> => Number((await page.locator(`[data-total="${name}"]`).innerText()).replace(/\D/g, ''));
    const totals = { records: await total('records'), accepted: await total('accepted'), rejected: await total('rejected') };
    let lines: string[] = [];
    if (await page.getByTestId('check-export').isEnabled()) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('check-export').click()]);
      const csv = readFileSync(await download.path(), 'utf8');
      lines = csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(1, -1);
    }
    return { status: (await status.getAttribute('data-status')) ?? '', totals, lines };
  }

  const names = [...EXAMPLE_FILES, ...Object.keys(GENERATED)];
  names.forEach((name, index) => {
    it(`${name}: the same status, totals and report lines (in the page's order) as the CLI`, async () => {
      const file = path.join(files, cases[index]!);
      const expected = await cli(file);
      const shown = await checkInBrowser(file);
      expect(shown.status).to.equal(expected.status);
      expect(shown.totals).to.deep.equal(expected.totals);
      expect(shown.lines).to.deep.equal(expected.lines);
    });
  });

  it('the generated files find what they were made to (so the comparisons above cover those paths)', async () => {
    const [duplicates, ragged, quote, multibyte] = await Promise.all(
      Object.keys(GENERATED).map((_, i) => cli(path.join(files, cases[EXAMPLE_FILES.length + i]!))),
    );
    const codes = (report: CliReport): string[] => [...new Set(report.lines.map((line) => line.split(',')[1]!))].sort();
    expect(codes(duplicates!)).to.deep.equal(['001_RefTab', '005']);
    expect(ragged!.status).to.equal('REJECTED');
    expect(ragged!.lines.filter((line) => /^,B06,BF,,"?Regel 20001: verwacht 11 velden, gevonden 12/.test(line))).to.have.length(1);
    // The quote swallows the lines after it until the record size cap.
    expect(quote!.status).to.equal('REJECTED');
    expect(quote!.lines.filter((line) => /^,B06,BF,,"?Regel 18338: de regel is langer/.test(line))).to.have.length(1);
    expect(multibyte!.totals.records).to.be.greaterThan(15_000);
    expect(codes(multibyte!)).to.not.include('B02');
  });
});
