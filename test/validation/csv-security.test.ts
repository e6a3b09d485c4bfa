import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readCsv } from '../../server/validation/src/csv-reader';
import { csvOf, dictionary, validate, VALID_RECORDS } from './helpers';

const CAT = 'CAT/Cataract/1.4';
const HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const ROW = '11000523,2026-02-03,1100055508,1948,V,01,0.30,0.90,1,N,';
const ROW2 = '11000524,2026-02-03,1100055511,1951,M,02,0.50,1.00,1,J,01';

function fileLevel(result: Awaited<ReturnType<typeof validate>>): Array<{ code: string; params: unknown }> {
  return result.findings.filter((f) => f.recordNumber === null).map((f) => ({ code: f.code, params: f.params }));
}

describe('CSV reader: the cases of docs/security.md and the user guide', () => {
  describe('csv-spectrum cases are read exactly as their expected JSON', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- csv-spectrum is CommonJS without types
    const spectrum = require('csv-spectrum') as (cb: (err: Error | null, items: Array<{ name: string; csv: Buffer; json: Buffer }>) => void) => void;
    it('reads every case the package ships', async () => {
      const items = await new Promise<Array<{ name: string; csv: Buffer; json: Buffer }>>((resolve, reject) =>
        spectrum((err, i) => (err ? reject(err) : resolve(i))),
      );
      // Every case the package ships, not only those its callback happened to hand over.
      const shipped = readdirSync(join(dirname(require.resolve('csv-spectrum/package.json')), 'csvs')).map((f) => f.replace(/\.csv$/, ''));
      expect(items.map((i) => i.name).sort()).to.deep.equal(shipped.sort());
      expect(shipped.length).to.be.greaterThanOrEqual(12);
      for (const item of items) {
        let header: string[] = [];
        const rows: Array<Record<string, string>> = [];
        const problem = await readCsv(
          (async function* () {
            yield item.csv;
          })(),
          { maxRecordSize: 65536 },
          {
            header: (cells) => {
              header = cells;
              return true;
            },
            record: (cells) => {
              rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i]!])));
              return true;
            },
          },
        );
        if (item.name === 'location_coordinates') {
          // Its CSV has a bare quote inside an unquoted value (37.8"N), which RFC 4180 and our
          // reader refuse; its expected JSON does not even match its CSV (another phone number).
          expect(problem, item.name).to.deep.equal({ code: 'B06', line: 2, detail: 'invalidOpeningQuote', params: {} });
          continue;
        }
        expect(problem, item.name).to.equal(null);
        expect(rows, item.name).to.deep.equal(JSON.parse(item.json.toString('utf8')));
      }
    });
  });

  it('accepts a UTF-8 BOM (the first header is not "\\uFEFFOperatieID")', async () => {
    expect((await validate(CAT, `\uFEFF${HEADER}\n${ROW}\n`)).status).to.equal('PROCESSED');
  });

  for (const encoding of ['latin1', 'win1252'] as const) {
    it(`refuses ${encoding} with B02 and the byte offset of the first non-UTF-8 byte`, async () => {
      const text = `${HEADER}\n11000523,2026-02-03,Cécile€,1948,V,01,0.30,0.90,1,N,\n`.replace('€', encoding === 'latin1' ? '' : '€');
      const offset = text.indexOf('é');
      const result = await validate(CAT, iconv.encode(text, encoding), { chunkSize: 7 });
      expect(fileLevel(result)).to.deep.equal([{ code: 'B02', params: { offset } }]);
      expect(result.status).to.equal('REJECTED');
    });
  }

  it('refuses UTF-16 (with BOM) with B02 at offset 0', async () => {
    const result = await validate(CAT, iconv.encode(`${HEADER}\n${ROW}\n`, 'utf16le', { addBOM: true }));
    expect(fileLevel(result)).to.deep.equal([{ code: 'B02', params: { offset: 0 } }]);
  });

  it('accepts a multi-byte character cut by a chunk boundary', async () => {
    const result = await validate(CAT, `${HEADER}\n11000523,2026-02-03,Zoë€𝄞,1948,V,01,0.30,0.90,1,N,\n`, { chunkSize: 1 });
    expect(result.findings).to.deep.equal([]);
  });

  it('refuses a file that ends inside a multi-byte character (B02)', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${ROW}\n`), Buffer.from([0xe2, 0x82])]);
    expect(fileLevel(await validate(CAT, bytes))).to.deep.equal([{ code: 'B02', params: { offset: bytes.length - 2 } }]);
  });

  it('recognises a ;-separated Excel export with decimal commas and says so (B06), never splitting on both', async () => {
    const text = `${HEADER.replace(/,/g, ';')}\n11000523;2026-02-03;1100055508;1948;V;01;0,30;0,90;1;N;\n`;
    expect(fileLevel(await validate(CAT, text))).to.deep.equal([{ code: 'B06', params: { line: 1, detail: 'semicolonSeparated' } }]);
  });

  it('names a missing, an unknown (misspelled) and a duplicated column (B03)', async () => {
    const header = HEADER.replace('ODS', 'Ods').replace('PatientCode', 'Geslacht');
    expect(fileLevel(await validate(CAT, `${header}\n${ROW}\n`))).to.deep.equal([
      { code: 'B03', params: { variant: 'duplicate', column: 'Geslacht' } },
      { code: 'B03', params: { variant: 'unknown', column: 'Ods' } },
      { code: 'B03', params: { variant: 'missing', column: 'PatientCode' } },
      { code: 'B03', params: { variant: 'missing', column: 'ODS' } },
    ]);
  });

  it('treats a __proto__ or constructor header as unknown, without touching any prototype', async () => {
    const result = await validate(CAT, `${HEADER},__proto__,constructor\n${ROW},x,y\n`);
    expect(fileLevel(result)).to.deep.equal([
      { code: 'B03', params: { variant: 'unknown', column: '__proto__' } },
      { code: 'B03', params: { variant: 'unknown', column: 'constructor' } },
    ]);
    expect(({} as Record<string, unknown>)['x']).to.equal(undefined);
  });

  it('reports a missing header row (data where the header should be) as B03', async () => {
    expect(fileLevel(await validate(CAT, `${ROW}\n${ROW2}\n`))).to.deep.equal([{ code: 'B03', params: { variant: 'headerMissing' } }]);
  });

  it('accepts the columns in another order and checks each value against its own field', async () => {
    const d = await dictionary(CAT);
    const names = [...d.compiled.fieldNames].reverse();
    expect((await validate(CAT, csvOf(names, [VALID_RECORDS[CAT]!]), { period: null })).findings).to.deep.equal([]);
  });

  it('refuses an empty line in the middle with its line number (B04)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n\n${ROW2}\n`))).to.deep.equal([{ code: 'B04', params: { line: 3 } }]);
  });

  it('refuses an empty line at the end (B04), but not the final line break', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n\n`))).to.deep.equal([{ code: 'B04', params: { line: 3 } }]);
    expect((await validate(CAT, `${HEADER}\r\n${ROW}\r\n`)).status).to.equal('PROCESSED');
  });

  it('refuses a ragged row with its line and the field counts (B06)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n${ROW2},extra\n`))).to.deep.equal([
      { code: 'B06', params: { line: 3, detail: 'inconsistentColumns', expected: 11, found: 12 } },
    ]);
  });

  it('refuses an unclosed quote with its line (B06)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n"11000524,2026-02-03,x,1951,M,02,0.50,1.00,1,J,01\n`))).to.deep.equal([
      { code: 'B06', params: { line: 3, detail: 'quoteNotClosed' } },
    ]);
  });

  it('refuses a quote inside an unquoted value and text after a closing quote (B06)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n11"000523,2026-02-03,1100055508,1948,V,01,0.30,0.90,1,N,\n`))[0]).to.deep.equal({
      code: 'B06',
      params: { line: 2, detail: 'invalidOpeningQuote' },
    });
    expect(fileLevel(await validate(CAT, `${HEADER}\n"11000523"x,2026-02-03,1100055508,1948,V,01,0.30,0.90,1,N,\n`))[0]).to.deep.equal({
      code: 'B06',
      params: { line: 2, detail: 'invalidClosingQuote' },
    });
  });

  it('refuses a 50 MB line quickly, without buffering it (B06 maxRecordSize)', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const started = Date.now();
    const result = await validate(CAT, Buffer.concat([Buffer.from(`${HEADER}\n`), big, Buffer.from('\n')]));
    expect(fileLevel(result)).to.deep.equal([{ code: 'B06', params: { line: 2, detail: 'maxRecordSize', max: 65536 } }]);
    expect(Date.now() - started).to.be.lessThan(5000);
  });

  it('refuses NUL and other control characters with line and position (B06)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n1100\u00000524,2026\n`))).to.deep.equal([
      { code: 'B06', params: { line: 3, detail: 'controlCharacter', char: 'U+0000', column: 5 } },
    ]);
    expect(fileLevel(await validate(CAT, `${HEADER}\nZoë\u0007,x\n`, { chunkSize: 3 }))).to.deep.equal([
      { code: 'B06', params: { line: 2, detail: 'controlCharacter', char: 'U+0007', column: 4 } },
    ]);
  });

  describe('line endings', () => {
    const mixed = (line: number, found: string, expected: string): Array<{ code: string; params: unknown }> => [
      { code: 'B06', params: { line, detail: 'mixedLineEndings', found, expected } },
    ];

    it('accepts a file whose lines all end with CRLF, LF or CR', async () => {
      for (const eol of ['\r\n', '\n', '\r']) {
        expect((await validate(CAT, `${HEADER}${eol}${ROW}${eol}${ROW2}${eol}`)).findings, JSON.stringify(eol)).to.deep.equal([]);
      }
    });

    it('refuses a CRLF file whose last line ends with a bare LF or a bare CR, naming that line, instead of keeping the character in the last value', async () => {
      expect(fileLevel(await validate(CAT, `${HEADER}\r\n${ROW}\r\n${ROW2}\n`))).to.deep.equal(mixed(3, 'LF', 'CRLF'));
      expect(fileLevel(await validate(CAT, `${HEADER}\r\n${ROW}\r\n${ROW2}\r`))).to.deep.equal(mixed(3, 'CR', 'CRLF'));
    });

    it('names mixed line endings (not a field count) when a CRLF header is followed by LF rows', async () => {
      expect(fileLevel(await validate(CAT, `${HEADER}\r\n${ROW}\n${ROW2}\n`))).to.deep.equal(mixed(2, 'LF', 'CRLF'));
    });

    it('refuses a CRLF line or a bare CR in an LF file, and an LF in a CR file', async () => {
      expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\r\n${ROW2}\n`))).to.deep.equal(mixed(2, 'CRLF', 'LF'));
      expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n${ROW2.replace(',M,', ',M\r,')}\n`))).to.deep.equal(mixed(3, 'CR', 'LF'));
      expect(fileLevel(await validate(CAT, `${HEADER}\r${ROW}\r${ROW2}\n`))).to.deep.equal(mixed(3, 'LF', 'CR'));
    });

    it('finds a mixed line ending whatever the chunking, also with the CR of a CRLF at a chunk end', async () => {
      const text = `${HEADER}\r\n${ROW}\r\n${ROW2}\r\n${ROW}\n`;
      for (let chunkSize = 1; chunkSize <= 7; chunkSize++) {
        expect(fileLevel(await validate(CAT, text, { chunkSize })), String(chunkSize)).to.deep.equal(mixed(4, 'LF', 'CRLF'));
      }
    });

    it('reports an earlier structural problem before a later mixed line ending', async () => {
      expect(fileLevel(await validate(CAT, `${HEADER}\r\n${ROW},extra\r\n${ROW2}\n`))).to.deep.equal([
        { code: 'B06', params: { line: 2, detail: 'inconsistentColumns', expected: 11, found: 12 } },
      ]);
    });

    it("reports a bare LF inside a quoted value of a CRLF file as a line break in that value (Excel's Alt+Enter)", async () => {
      const row = ROW.replace('1100055508', '"1100\n055508"');
      expect(fileLevel(await validate(CAT, `${HEADER}\r\n${row}\r\n`))).to.deep.equal([
        { code: 'B06', params: { line: 2, detail: 'lineBreakInValue', fieldName: 'PatientCode' } },
      ]);
    });

    it('never hands a record a value holding CR or LF, whatever mix of line endings (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 3, maxLength: 3 }),
          fc.integer({ min: 1, max: 9 }),
          async (eols, chunkSize) => {
            const text = `${HEADER}${eols[0]}${ROW}${eols[1]}${ROW2}${eols[2]}`;
            const values: string[] = [];
            await readCsv(
              (async function* () {
                const all = Buffer.from(text);
                for (let at = 0; at < all.length; at += chunkSize) yield all.subarray(at, at + chunkSize);
              })(),
              { maxRecordSize: 65536 },
              {
                header: () => true,
                record: (cells) => {
                  values.push(...cells);
                  return true;
                },
              },
            );
            expect(values.filter((v) => /[\r\n]/.test(v))).to.deep.equal([]);
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  it('refuses a line break inside a quoted value (B06), so CSV and XML agree on values', async () => {
    const row = ROW.replace('1100055508', '"1100\n055508"');
    expect(fileLevel(await validate(CAT, `${HEADER}\n${row}\n`))).to.deep.equal([
      { code: 'B06', params: { line: 2, detail: 'lineBreakInValue', fieldName: 'PatientCode' } },
    ]);
  });

  it('keeps a cell starting with = as data (neutralised only on export) and checks it like any value', async () => {
    const result = await validate(CAT, `${HEADER}\n${ROW.replace('1100055508', '=1+1')}\n`);
    expect(result.findings).to.deep.equal([]);
  });

  it('keeps leading zeros and long ids exact, and gives dd-mm-jjjj dates 002_Type with the value as written', async () => {
    const result = await validate(CAT, `${HEADER}\n${ROW.replace('11000523', '00000000000000000001').replace('2026-02-03', '03-02-2026')}\n`);
    expect(result.findings.map((f) => [f.code, f.params, f.keyValues?.['OperatieID']])).to.deep.equal([
      ['002_Type', { value: '03-02-2026' }, '00000000000000000001'],
    ]);
  });

  it('refuses a header-only file and a 0-byte file with B05', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n`))).to.deep.equal([{ code: 'B05', params: {} }]);
    expect(fileLevel(await validate(CAT, ''))).to.deep.equal([{ code: 'B05', params: {} }]);
  });

  it('refuses an xlsx (zip), a pdf and an XML document renamed .csv with B01', async () => {
    for (const content of [
      Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'),
      Buffer.from('%PDF-1.7\n%\u00e2\u00e3'),
      Buffer.from('<?xml version="1.0"?><a/>'),
    ]) {
      expect(fileLevel(await validate(CAT, content, { fileName: 'x.csv', format: undefined }))).to.deep.equal([{ code: 'B01', params: { ext: '.csv' } }]);
    }
  });

  it('refuses an extension that is not the format, or a format the dictionary does not accept (B01)', async () => {
    expect(fileLevel(await validate(CAT, `${HEADER}\n${ROW}\n`, { fileName: 'x.txt', format: undefined }))).to.deep.equal([
      { code: 'B01', params: { ext: '.txt' } },
    ]);
    expect(fileLevel(await validate('MMY/PROMS/1.0', '<a/>', { fileName: 'x.xml', format: undefined }))).to.deep.equal([
      { code: 'B01', params: { ext: '.xml' } },
    ]);
  });
});
