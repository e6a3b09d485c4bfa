/**
 * Differential test of the fast CSV reader (server/validation/src/csv-fast-parser.ts, issue 17):
 * on csv-spectrum, every dictionary's examples, generated CAT files and random input, it must give
 * exactly csv-parse's records (values, `info.lines`, `info.bytes`, and in which write they come) and
 * errors (every property: code, message, line, bytes, record…), the reader the same sink calls and
 * problem, and the engine a byte-identical report with either.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { CsvError } from 'csv-parse';
import { FastCsvParser } from '../../server/validation/src/csv-fast-parser';
import { type CsvParser, type CsvParserEvents, csvParseParser } from '../../server/validation/src/csv-parser';
import { type CsvParserChoice, readCsv } from '../../server/validation/src/csv-reader';
import { validateDelivery } from '../../server/validation/src/engine';
import { nodeUtf8Validator } from '../../server/validation/src/node-files';
import { ReportWriter } from '../../server/validation/src/report-output';
import { catCsv, catFaultyCsv, FIELDS } from '../bench/cat-files';
import { bytes as byteSource, dictionary, PERIODS } from './helpers';

const ROOT = join(__dirname, '../..');
const PARSERS: CsvParserChoice[] = ['fast', 'csv-parse'];

/** Every own property of a csv-parse error, its message and class included. */
function errorText(error: Error): string {
  return JSON.stringify({ name: error.name, message: error.message, ...(error as unknown as Record<string, unknown>) });
}

/** The input cut at `cuts` (offsets, any order, out of range ones ignored). */
function chunksOf(all: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < all.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, all.length]) {
    chunks.push(all.subarray(from, point));
    from = point;
  }
  return all.length === 0 ? [] : chunks;
}

const everyN = (length: number, size: number): number[] => Array.from({ length: Math.ceil(length / size) }, (_, i) => i * size);

/** Every event of one tokenizer over the chunks, with a mark after each write. */
async function tokenizerEvents(choice: CsvParserChoice, chunks: readonly Uint8Array[], maxRecordSize: number): Promise<string[]> {
  const log: string[] = [];
  const events: CsvParserEvents = {
    record: (cells, lines, bytes) => log.push(JSON.stringify(['record', cells, lines, bytes])),
    skip: (error: CsvError) => log.push(`skip ${errorText(error)}`),
    fail: (error: CsvError) => log.push(`fail ${errorText(error)}`),
  };
  const parser: CsvParser = choice === 'fast' ? new FastCsvParser(maxRecordSize, events) : csvParseParser(maxRecordSize, events);
  for (const chunk of chunks) {
    parser.write(chunk);
    log.push('write');
  }
  if (chunks.length > 0) await parser.end();
  log.push('end');
  return log;
}

/** What the reader hands its sink, and the problem it returns. */
async function readerCalls(choice: CsvParserChoice, chunks: readonly Uint8Array[], maxRecordSize: number): Promise<string[]> {
  const log: string[] = [];
  const problem = await readCsv(
    (async function* () {
      yield* chunks;
    })(),
    { maxRecordSize, utf8Validator: nodeUtf8Validator, csvParser: choice },
    {
      header: (cells, endByte) => log.push(JSON.stringify(['header', cells, endByte])) > 0,
      record: (cells, firstLine, lastLine, endByte) => log.push(JSON.stringify(['record', cells, firstLine, lastLine, endByte])) > 0,
    },
  );
  log.push(JSON.stringify(problem));
  return log;
}

async function expectSameTokens(label: string, all: Uint8Array, cuts: readonly number[], maxRecordSize = 65536): Promise<void> {
  const chunks = chunksOf(all, cuts);
  const [fast, reference] = await Promise.all(PARSERS.map((p) => tokenizerEvents(p, chunks, maxRecordSize)));
  expect(fast, `${label}: tokenizer events`).to.deep.equal(reference);
  const [fastReader, referenceReader] = await Promise.all(PARSERS.map((p) => readerCalls(p, chunks, maxRecordSize)));
  expect(fastReader, `${label}: reader`).to.deep.equal(referenceReader);
}

function collector(): Writable & { text: () => string } {
  const parts: string[] = [];
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      parts.push(chunk);
      done();
    },
  }) as Writable & { text: () => string };
  out.text = () => parts.join('');
  return out;
}

/** The engine's JSON report of the file with each tokenizer. */
async function expectSameReport(label: string, id: string, all: Uint8Array, chunkSize: number): Promise<void> {
  const d = await dictionary(id);
  const reports: string[] = [];
  for (const csvParser of PARSERS) {
    const out = collector();
    const writer = new ReportWriter(out, 'json', d.dictionary, 'nl');
    const result = await validateDelivery(byteSource(all, chunkSize), d.compiled, {
      format: 'csv',
      utf8Validator: nodeUtf8Validator,
      period: PERIODS['2026K1'],
      deliveryDate: '2026-04-15',
      onFinding: (finding) => writer.finding(finding),
      csvParser,
    });
    await writer.end(result.status, result.totals);
    reports.push(out.text());
  }
  expect(reports[0], `${label}: report`).to.equal(reports[1]);
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const CHUNK_SIZES = [1, 2, 3, 4, 7, 64, 4096, 65536];

function spectrumCases(): Array<{ name: string; csv: Uint8Array }> {
  const dir = join(dirname(require.resolve('csv-spectrum/package.json')), 'csvs');
  return readdirSync(dir).map((f) => ({ name: f, csv: new Uint8Array(readFileSync(join(dir, f))) }));
}

function exampleFiles(): Array<{ id: string; name: string; csv: Uint8Array }> {
  const found: Array<{ id: string; name: string; csv: Uint8Array }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.csv') && dirname(path).endsWith(`${sep}examples`)) {
        const id = relative(join(ROOT, 'dictionaries'), dirname(dirname(path)))
          .split(sep)
          .join('/');
        found.push({ id, name: relative(ROOT, path), csv: new Uint8Array(readFileSync(path)) });
      }
    }
  };
  walk(join(ROOT, 'dictionaries'));
  return found;
}

/** Generated CAT 1.4 files (test/bench/cat-files.ts) and variants of them, each a case of its own. */
function generatedFiles(): Array<{ name: string; csv: Uint8Array; maxRecordSize?: number }> {
  const clean = [...catCsv(1000, 0.05)].join('');
  const faulty = [...catFaultyCsv(1000, 0.06)].join('');
  const lines = clean.split('\n');
  const withLine = (at: number, line: string): string => [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
  const quoteAll = clean
    .split('\n')
    .map((line) =>
      line === ''
        ? line
        : line
            .split(',')
            .map((v, i) => (i % 3 === 0 ? `"${v}"` : v))
            .join(','),
    )
    .join('\n');
  const cases = [
    { name: 'clean', csv: clean },
    { name: 'faulty (quoted values with commas)', csv: faulty },
    { name: 'CRLF', csv: clean.replace(/\n/g, '\r\n') },
    { name: 'CR', csv: clean.replace(/\n/g, '\r') },
    { name: 'faulty, CRLF', csv: faulty.replace(/\n/g, '\r\n') },
    { name: 'BOM', csv: `\uFEFF${clean}` },
    { name: 'BOM, quoted header', csv: `\uFEFF${quoteAll}` },
    { name: 'every third value quoted', csv: quoteAll },
    { name: 'escaped quotes', csv: withLine(400, `"OP""1",2026-02-03,"P""a""",1948,V,01,0.30,0.90,1,N,""""`) },
    { name: 'quoted LF line break', csv: withLine(500, `OP1,2026-02-03,"P1\nP2",1948,V,01,0.30,0.90,1,N,`) },
    { name: 'quoted CRLF line break, CRLF file', csv: withLine(500, `OP1,2026-02-03,"P1\r\nP2",1948,V,01,0.30,0.90,1,N,`).replace(/(?<!\r)\n/g, '\r\n') },
    { name: 'no line break at the end', csv: clean.slice(0, -1) },
    { name: 'quoted last value without line break', csv: `${clean}OP9,2026-02-03,P9,1948,V,01,0.30,0.90,1,N,"x"` },
    { name: 'an extra value', csv: withLine(600, `OP1,2026-02-03,P1,1948,V,01,0.30,0.90,1,N,,extra`) },
    { name: 'a value missing', csv: withLine(600, `OP1,2026-02-03,P1,1948,V,01,0.30,0.90,1,N`) },
    { name: 'an empty line', csv: withLine(350, '') },
    { name: 'an empty line at the end', csv: `${clean}\n` },
    { name: 'a quote in an unquoted value', csv: withLine(300, `OP1,2026-02-03,P"1,1948,V,01,0.30,0.90,1,N,`) },
    { name: 'a value after a closing quote', csv: withLine(300, `OP1,2026-02-03,"P1"x,1948,V,01,0.30,0.90,1,N,`) },
    { name: 'an unclosed quote', csv: `${clean}OP1,2026-02-03,"P1,1948,V,01,0.30,0.90,1,N,\n` },
    { name: 'a bare CR in an LF file', csv: withLine(350, `OP1,2026-02-03,P1\r,1948,V,01,0.30,0.90,1,N,`) },
    { name: 'non-ASCII values', csv: withLine(100, `OP1,2026-02-03,Zoë€𝄞,1948,V,01,0.30,0.90,1,N,"é,\uFEFF"`) },
    { name: 'a NUL', csv: withLine(100, `OP1,2026-02-03,P\u00001,1948,V,01,0.30,0.90,1,N,`) },
    { name: 'a record longer than max_record_size', csv: withLine(800, `OP1,2026-02-03,${'P'.repeat(300)},1948,V,01,0.30,0.90,1,N,`), maxRecordSize: 200 },
    {
      name: 'a quoted record longer than max_record_size',
      csv: withLine(800, `OP1,2026-02-03,"${'é'.repeat(150)}",1948,V,01,0.30,0.90,1,N,`),
      maxRecordSize: 200,
    },
    { name: 'header only', csv: `${FIELDS.join(',')}\n` },
    { name: 'empty', csv: '' },
    { name: 'BOM only', csv: '\uFEFF' },
  ];
  return [
    ...cases.map((c) => ({ ...c, csv: utf8(c.csv) })),
    { name: 'Latin-1 byte', csv: new Uint8Array([...utf8(lines.slice(0, 50).join('\n')), 0x0a, 0x4f, 0xe9, 0x2c, 0x0a]) },
    { name: 'UTF-16 BOM', csv: new Uint8Array([0xff, 0xfe, ...utf8(clean.slice(0, 500))]) },
  ];
}

describe('fast CSV reader: exactly csv-parse’s records and errors (differential)', function () {
  this.timeout(300_000);

  it('csv-spectrum: every case, whole and in chunks of 1–65536 bytes', async () => {
    const cases = spectrumCases();
    expect(cases.length).to.be.greaterThanOrEqual(12);
    for (const { name, csv } of cases) {
      for (const size of CHUNK_SIZES) await expectSameTokens(`${name} /${size}`, csv, everyN(csv.length, size));
      await expectSameReport(name, 'CAT/Cataract/1.4', csv, 5);
    }
  });

  it("every dictionary's example files, tokens and the engine's report", async () => {
    const files = exampleFiles();
    expect(files.length).to.be.greaterThanOrEqual(10);
    for (const { id, name, csv } of files) {
      for (const size of CHUNK_SIZES) await expectSameTokens(`${name} /${size}`, csv, everyN(csv.length, size));
      for (const size of [1, 7, 65536]) await expectSameReport(`${name} /${size}`, id, csv, size);
    }
  });

  it('generated CAT files, clean and faulty, and their variants: tokens and report', async () => {
    for (const { name, csv, maxRecordSize } of generatedFiles()) {
      for (const size of [5, 97, 65536]) await expectSameTokens(`${name} /${size}`, csv, everyN(csv.length, size), maxRecordSize);
      if (maxRecordSize === undefined) for (const size of [97, 65536]) await expectSameReport(`${name} /${size}`, 'CAT/Cataract/1.4', csv, size);
    }
  });

  it('random bytes, quotes, commas and line endings in random chunks (property)', async () => {
    const piece = fc.constantFrom('a', 'bc', '1', ',', ',', '"', '""', '\r', '\n', '\r\n', ' ', 'é', '€', '𝄞', '\uFEFF', '\u0000');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 8 }),
        fc.constantFrom(0, 6, 16, 65536),
        fc.option(fc.constantFrom(0xff, 0xfe, 0xc3, 0x80, 0xef), { nil: undefined }),
        async (pieces, cuts, maxRecordSize, badByte) => {
          const text = utf8(pieces.join(''));
          const all = badByte === undefined ? text : new Uint8Array([...text.subarray(0, cuts[0] ?? 0), badByte, ...text.subarray(cuts[0] ?? 0)]);
          await expectSameTokens(JSON.stringify(pieces), all, cuts, maxRecordSize);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random well-formed and nearly well-formed records in random chunks (property)', async () => {
    const value = fc.constantFrom('x', 'yz', '', '12.50', '"q,q"', '"a""b"', '""', '"é€"', '"line\nbreak"', 'p"q', '"x"y');
    const record = fc.array(value, { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat({ max: 300 }), { maxLength: 10 }),
        async (records, ending, bom, lastEnding, cuts) => {
          const text = (bom ? '\uFEFF' : '') + records.map((r) => r.join(',')).join(ending) + (lastEnding ? ending : '');
          await expectSameTokens(JSON.stringify(text), utf8(text), cuts, 30);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
