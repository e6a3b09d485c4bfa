import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runValidateCommand } from '../../server/src/file-check/validate.command';
import { renderFindingMessage } from '../../server/validation/src/messages';
import { csvOf, dictionary, validate, VALID_RECORDS, xmlOf } from './helpers';

const PMICD = 'PMICD/PMICD/2018.0.5';

function sink(): { stream: Writable; text: () => string } {
  const parts: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _e, done) {
        parts.push(chunk.toString('utf8'));
        done();
      },
    }),
    text: () => parts.join(''),
  };
}

describe('no BSN or name from a PMICD file appears in any finding, message or output line', () => {
  const bsns = ['111222333', '123456789', '11122233', '111238171', '999999990'];
  const names = ['Wilhelmina Zoetelief-Baaij', 'Jan "de Smid" van Oranje, Jr.', 'Ö'.repeat(120)];
  const base = VALID_RECORDS[PMICD]!;
  // Every record provokes something on or around the identifying fields.
  const rows = [
    { ...base, ProcedureID: 'P1', BSN: bsns[1]!, Naam: names[0]! },
    { ...base, ProcedureID: 'P2', BSN: bsns[2]!, Naam: names[1]!, Geslacht: 'X' },
    { ...base, ProcedureID: 'P3', BSN: bsns[0]!, Naam: names[2]! },
    { ...base, ProcedureID: 'P4', BSN: bsns[3]!, Naam: names[0]!, ImplantatieDatum: '1940-01-01' },
    { ...base, ProcedureID: 'P5', BSN: bsns[4]!, Naam: names[1]!, Serienummer: 'PJN100001' },
  ];
  const secrets = [...bsns, ...names, 'Wilhelmina', 'Zoetelief', 'Oranje', 'ÖÖÖÖ'];

  function assertClean(text: string, where: string): void {
    for (const secret of secrets) expect(text.includes(secret), `${where} contains ${secret}`).to.equal(false);
  }

  it('holds for the findings and their Dutch and English messages, from CSV and from XML', async () => {
    const d = await dictionary(PMICD);
    for (const [format, content] of [
      ['csv', csvOf(d.compiled.fieldNames, rows)],
      ['xml', xmlOf(d, rows)],
    ] as const) {
      const result = await validate(PMICD, content, { format, period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' } });
      expect(result.totals.byCode).to.include.keys('040_BSN', '002_Type', '001_RefTab', '004_D_GE', '005');
      assertClean(JSON.stringify(result), `${format} result`);
      for (const f of result.findings) {
        assertClean(renderFindingMessage(f, d.dictionary, 'nl'), `${format} nl message`);
        assertClean(renderFindingMessage(f, d.dictionary, 'en'), `${format} en message`);
      }
      // The masked value is still shown as masked, so the line stays readable.
      expect(result.findings.find((f) => f.code === '002_Type')!.params).to.deep.equal({ value: '***' });
    }
  });

  it('holds for a structural error on a line that carries a BSN and a name', async () => {
    const d = await dictionary(PMICD);
    const csv = csvOf(d.compiled.fieldNames, rows).replace(`,${bsns[0]},`, `,"${bsns[0]}x"y,`);
    const result = await validate(PMICD, csv, {});
    expect(result.status).to.equal('REJECTED');
    assertClean(JSON.stringify(result), 'structural result');
    const xml = xmlOf(d, rows).replace(`<BSN>${bsns[1]}</BSN>`, `<BSN>${bsns[1]}</BSN><${'Naam'}Extra>${names[0]}</NaamExtra>`);
    assertClean(JSON.stringify(await validate(PMICD, xml, { format: 'xml' })), 'xml structural result');
  });

  it('holds for every output format of the validate command, stdout and stderr', async () => {
    const d = await dictionary(PMICD);
    const dir = await mkdtemp(path.join(tmpdir(), 'no-leak-'));
    try {
      const file = path.join(dir, '11111111_0_PMICD_2018.0.5_1_20260415_TEST.csv');
      await writeFile(file, csvOf(d.compiled.fieldNames, rows));
      for (const format of ['table', 'json', 'csv']) {
        for (const lang of ['nl', 'en']) {
          const [out, err] = [sink(), sink()];
          const code = await runValidateCommand([file, '--format', format, '--lang', lang, '--period', '2026K1'], { stdout: out.stream, stderr: err.stream });
          expect(code, 'every record is rejected, so the file is').to.equal(2);
          assertClean(out.text() + err.text(), `${format}/${lang}`);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
