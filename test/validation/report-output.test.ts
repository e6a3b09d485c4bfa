/**
 * The validate command's report lines are written by hand (JSON line, CSV row, table row, message
 * templates compiled once); these tests hold them to the bytes of the plain implementation they
 * replace (test/validation/report-reference.ts: an object through `JSON.stringify`, a row through
 * csv-stringify, a closure per message): on the dictionaries' examples, on generated files with
 * quotes, commas, newlines, unicode and control characters, and on random findings and cells.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import fc from 'fast-check';
import type { LoadedDictionary } from '../../server/src/dictionaries/dictionary-files';
import { csvRow } from '../../server/validation/src/csv-row';
import type { Language } from '../../server/validation/src/dictionary-types';
import { validateDelivery, type ValidationResult } from '../../server/validation/src/engine';
import { checkDeliveryFileName } from '../../server/validation/src/file-name';
import type { Finding } from '../../server/validation/src/findings';
import { jsonString } from '../../server/validation/src/json-text';
import { renderFindingMessage } from '../../server/validation/src/messages';
import { fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';
import { type ReportFormat, ReportWriter } from '../../server/validation/src/report-output';
import { bytes, dictionaries, dictionary, PERIODS } from './helpers';
import { ReferenceReportWriter, referenceCsvRow, referenceFindingMessage } from './report-reference';

const FORMATS: ReportFormat[] = ['json', 'table', 'csv'];
const LANGUAGES: Language[] = ['nl', 'en'];

function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  }) as Writable & { text: () => string };
  out.text = () => chunks.join('');
  return out;
}

/** The report of `findings` by both writers, in every format and language: each pair must be equal. */
async function bothReports(
  d: LoadedDictionary,
  result: Pick<ValidationResult, 'findings' | 'status' | 'totals'>,
): Promise<Array<{ label: string; now: string; before: string }>> {
  const reports: Array<{ label: string; now: string; before: string }> = [];
  for (const format of FORMATS) {
    for (const language of LANGUAGES) {
      const [nowOut, beforeOut] = [collector(), collector()];
      const now = new ReportWriter(nowOut, format, d.dictionary, language);
      const before = new ReferenceReportWriter(beforeOut, format, d.dictionary, language);
      for (const finding of result.findings) {
        now.finding(finding);
        before.finding(finding);
      }
      await now.end(result.status, result.totals);
      before.end(result.status, result.totals);
      reports.push({ label: `${format} ${language}`, now: nowOut.text(), before: beforeOut.text() });
    }
  }
  return reports;
}

/** Text with the characters that need care in JSON, CSV and a table. */
const NASTY = [
  '',
  ' ',
  'a,b',
  'say "hi"',
  '""',
  'line\nbreak',
  'crlf\r\nend',
  'lone\rcr',
  'ends\r',
  '\r\n',
  '=1+2',
  '+31',
  '-5',
  '@sum',
  '\ttab',
  '\rcr first',
  '＝full',
  '＋',
  '－',
  '＠',
  'back\\slash',
  '\u0000\u0001\u001f\u007f',
  '\b\f',
  'é ö ß',
  '𝄞 emoji 😀',
  'lone \ud800 high',
  'lone \udc00 low',
  '\udc00\ud800',
  'end \ud83d',
  '\u2028\u2029',
  'trailing   ',
  'ends with newline\n',
  '\u00a0nbsp\u00a0',
  '{value}',
  '{}',
];

describe('the report writer gives the bytes of the plain implementation', () => {
  it("on every dictionary's examples, in every format and language (file-name findings included)", async () => {
    let compared = 0;
    for (const d of await dictionaries()) {
      const dir = path.join(path.dirname(d.file), 'examples');
      const manifest = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { deliveryDate: string };
      for (const name of (await readdir(dir)).filter((f) => f !== 'expected.json')) {
        const result = await validateDelivery(fileSource(path.join(dir, name)), d.compiled, {
          fileName: name,
          period: PERIODS['2026K1'],
          deliveryDate: manifest.deliveryDate,
          utf8Validator: nodeUtf8Validator,
          fileFindings: checkDeliveryFileName(name).findings,
        });
        for (const report of await bothReports(d, result)) {
          expect(report.now, `${d.registry} ${name} ${report.label}`).to.equal(report.before);
          compared++;
        }
      }
    }
    expect(compared).to.be.greaterThan(60);
  });

  it('on generated files whose values hold quotes, commas, newlines, unicode and control characters', async () => {
    const d = await dictionary('CAT/Cataract/1.4');
    const header = d.dictionary.fields.map((f) => f.name).join(',');
    const quoted = (v: string): string => `"${v.replace(/"/g, '""')}"`;
    let findings = 0;
    // A file per value: a line break or control character in a value rejects the file (B06), which
    // is a report of its own to compare.
    for (const [i, value] of NASTY.entries()) {
      const rows = [
        // The value in fields that show it (OperatieDatum: 002_Type; Geslacht: 001_RefTab) and in key columns.
        [`OP${i}`, quoted(value), `P${i}`, '1948', quoted(value), '01', '0.30', '0.90', '1', 'N', ''],
        [quoted(`OP,${value}`), '2026-02-03', quoted(value || 'x'), '1948', 'V', '01', quoted(value), '0.90', '1', 'N', ''],
      ];
      const file = `${header}\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
      for (const chunkSize of [7, 65536]) {
        const result = await validateDelivery(bytes(file, chunkSize), d.compiled, {
          format: 'csv',
          period: PERIODS['2026K1'],
          deliveryDate: '2026-04-15',
          utf8Validator: nodeUtf8Validator,
        });
        findings += result.findings.length;
        for (const report of await bothReports(d, result)) expect(report.now, `${JSON.stringify(value)} ${report.label}`).to.equal(report.before);
      }
    }
    expect(findings).to.be.greaterThan(4 * NASTY.length);
  });

  it('on random findings of every check, its variants and details, with any text in parameters and key values', async () => {
    const d = await dictionary('CAT/Cataract/1.4');
    const checks = [...d.dictionary.common.checks, ...d.dictionary.checks];
    const texts = checks.flatMap((c) => [c.message, ...Object.values(c.variants ?? {}), ...Object.values(c.details ?? {})]).flatMap((t) => [t.nl, t.en]);
    const placeholders = [...new Set(texts.flatMap((t) => [...t.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!)))];
    const text = fc.oneof(
      fc.constantFrom(...NASTY),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '\\', '=', 'a', '\ud800', '\udc00', '\u0001'), maxLength: 8 }),
    );
    const finding: fc.Arbitrary<Finding> = fc
      .record({
        check: fc.constantFrom(...checks),
        unknownCode: fc.boolean(),
        recordNumber: fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { freq: 4 }),
        field: fc.option(fc.oneof(fc.constantFrom(...d.dictionary.fields.map((f) => f.name)), text), { freq: 4 }),
        params: fc.dictionary(
          fc.constantFrom(...placeholders, 'variant', 'detail', 'conditionKind', 'conditionField'),
          fc.oneof(text, fc.integer(), fc.double()),
        ),
        keyValues: fc.option(fc.dictionary(fc.oneof(fc.constantFrom('OperatieID', 'PatientCode'), text), text), { freq: 4 }),
      })
      .chain((f) =>
        fc
          .record({
            variant: fc.constantFrom(undefined, 'none', ...Object.keys(f.check.variants ?? {})),
            detail: fc.constantFrom(undefined, 'none', ...Object.keys(f.check.details ?? {})),
          })
          .map(({ variant, detail }) => ({
            recordNumber: f.recordNumber,
            code: f.unknownCode ? `${f.check.code}?` : f.check.code,
            class: f.check.class,
            field: f.field,
            params: { ...f.params, ...(variant === undefined ? {} : { variant }), ...(detail === undefined ? {} : { detail }) },
            keyValues: f.keyValues,
          })),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(finding, { maxLength: 6 }), async (findings) => {
        for (const f of findings)
          for (const language of LANGUAGES)
            expect(renderFindingMessage(f, d.dictionary, language)).to.equal(referenceFindingMessage(f, d.dictionary, language));
        const totals = { records: 3, accepted: 1, rejected: 2, byCode: { '000_Req': 1 }, byClass: { BF: 0, BW: 0, F: 1, W: 0, TF: 0, TW: 0 } };
        for (const report of await bothReports(d, { findings, status: 'PROCESSED_WITH_ERRORS', totals }))
          expect(report.now, report.label).to.equal(report.before);
      }),
      { numRuns: 400 },
    );
  });

  it('a JSON string is what JSON.stringify writes, for any UTF-16 text including lone surrogates', () => {
    for (const text of NASTY) expect(jsonString(text)).to.equal(JSON.stringify(text));
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      expect(jsonString(text), `U+${unit.toString(16)}`).to.equal(JSON.stringify(text));
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\ud83d', '\ude00', 'x', 'é'), maxLength: 20 }),
        (a, b) => {
          expect(jsonString(a + b)).to.equal(JSON.stringify(a + b));
          expect(jsonString(b + a)).to.equal(JSON.stringify(b + a));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("a CSV row is what csv-stringify writes with the exports' options, for any cells", () => {
    for (const a of NASTY) for (const b of NASTY) expect(csvRow([a, b]), JSON.stringify([a, b])).to.equal(referenceCsvRow([a, b]));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 10 }),
            fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', '＝', 'a', ' '), maxLength: 8 }),
          ),
          { minLength: 1, maxLength: 7 },
        ),
        (cells) => {
          expect(csvRow(cells)).to.equal(referenceCsvRow(cells));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
