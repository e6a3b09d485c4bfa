import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { DuplicateKeyIndex } from '../../server/validation/src/duplicate-keys';
import { validateDelivery } from '../../server/validation/src/engine';
import { cellsOf, checkRecordWithKey, duplicateKeyFinding } from '../../server/validation/src/record-check';
import { fileRanges, fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';
import { csvOf, dictionary, validate, VALID_RECORDS } from './helpers';

describe('duplicate keys (005)', () => {
  it('puts 005 on every occurrence of a repeated key, the first included, each with its own key columns', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    const rows = [
      { ...base, OperatieID: 'A', PatientCode: 'p1' },
      { ...base, OperatieID: 'B' },
      { ...base, OperatieID: 'A', PatientCode: 'p3' },
      { ...base, OperatieID: 'C' },
      { ...base, OperatieID: 'A', PatientCode: 'p5' },
      { ...base, OperatieID: 'C', PatientCode: 'p6' },
    ];
    const result = await validate(id, csvOf(d.compiled.fieldNames, rows), { chunkSize: 50 });
    expect(result.findings.map((f) => [f.recordNumber, f.code, f.keyValues?.['PatientCode']])).to.deep.equal([
      [1, '005', 'p1'],
      [3, '005', 'p3'],
      [4, '005', base.PatientCode],
      [5, '005', 'p5'],
      [6, '005', 'p6'],
    ]);
    expect(result.totals).to.include({ records: 6, rejected: 5, accepted: 1 });
  });

  it('gives the first occurrences the key columns of their own bytes when the second pass reads only those records (BOM, CRLF, quoted commas, any chunk size)', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    // Keys repeat at varied distances; PatientCode tells the occurrences apart (quoted, with a comma, in some).
    const ids = ['A', 'B', 'C', 'A', 'D', 'E', 'B', 'F', 'G', 'H', 'E', 'I', 'A', 'J', 'K', 'L', 'M', 'N', 'O', 'H'];
    const rows = ids.map((operatie, i) => ({ ...base, OperatieID: operatie, PatientCode: i % 3 === 0 ? `p${i + 1},x` : `p${i + 1}` }));
    const text = `\ufeff${csvOf(d.compiled.fieldNames, rows).replace(/\n/g, '\r\n')}`;
    const firstOf = new Map<string, number>();
    ids.forEach((operatie, i) => firstOf.set(operatie, firstOf.get(operatie) ?? i + 1));
    const expected = ids
      .map((operatie, i) => [i + 1, operatie] as const)
      .filter(([, operatie]) => ids.filter((o) => o === operatie).length > 1)
      .map(([recordNumber]) => [recordNumber, '005', rows[recordNumber - 1]!.PatientCode]);
    for (const chunkSize of [1, 7, 64, 65536]) {
      const result = await validate(id, text, { chunkSize });
      const lines = result.findings.map((f) => [f.recordNumber, f.code, f.keyValues?.['PatientCode']]);
      expect(lines, `chunks of ${chunkSize}`).to.deep.equal(expected);
      expect(result.findings.filter((f) => firstOf.get(f.keyValues!['OperatieID']!) === f.recordNumber)).to.have.length(4);
    }
  });

  it('gives the same first occurrences when the second pass reads only their byte ranges of the file (fileRanges)', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    // 3,000 records; every hundredth key repeats 50 records later, so the ranges lie near and far apart.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      ...base,
      OperatieID: i % 100 === 50 ? `K${i - 50}` : `K${i}`,
      PatientCode: i % 3 === 0 ? `p${i},x` : `p${i}`,
    }));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ranges-'));
    try {
      const file = path.join(dir, 'x.csv');
      await writeFile(file, `\ufeff${csvOf(d.compiled.fieldNames, rows).replace(/\n/g, '\r\n')}`);
      const options = { fileName: 'x.csv', utf8Validator: nodeUtf8Validator };
      const streamed = await validateDelivery(fileSource(file), d.compiled, options);
      const ranged = await validateDelivery(fileSource(file), d.compiled, { ...options, openRanges: fileRanges(file) });
      expect(streamed.findings.filter((f) => f.code === '005')).to.have.length(60);
      expect(ranged.findings).to.deep.equal(streamed.findings);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the same duplicates when the index and record ends are sized from the file size after the first 10,000 records (byteLength)', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    // 25,000 records, keys repeating across the sizing point; a hint too small and one too large as well.
    const rows = Array.from({ length: 25_000 }, (_, i) => ({ ...base, OperatieID: i % 997 === 5 ? `K${(i * 7) % 20_000}` : `K${i}` }));
    const text = csvOf(d.compiled.fieldNames, rows);
    const plain = await validate(id, text);
    expect(plain.findings.filter((f) => f.code === '005').length).to.be.greaterThan(20);
    for (const byteLength of [Buffer.byteLength(text), 1000, 50 * Buffer.byteLength(text)]) {
      const sized = await validate(id, text, { byteLength });
      expect(sized.findings, `byteLength ${byteLength}`).to.deep.equal(plain.findings);
    }
    const index = new DuplicateKeyIndex(16);
    index.add('a', 1);
    index.reserve(100_000);
    expect(index.bytes).to.equal(262_144 * 17);
    expect([index.add('a', 2), index.add('b', 3), index.add('b', 4)]).to.deep.equal([1, 0, 3]);
  });

  it('fileRanges gives exactly the bytes of the ranges, near or far apart, large, adjacent or past the end', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ranges-'));
    try {
      const bytes = Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 31 + (i >> 9)) & 0xff));
      const file = path.join(dir, 'bytes');
      await writeFile(file, bytes);
      const read = fileRanges(file);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: 20_000 }), fc.nat({ max: 300_000 })), { maxLength: 12 }), async (steps) => {
          // Ascending start/end pairs from gaps and lengths, possibly running past the end of the file.
          const ranges: number[] = [];
          let at = 0;
          for (const [gap, length] of steps) {
            ranges.push(at + gap, at + gap + (length % 3 === 0 ? length : length % 5000));
            at = ranges[ranges.length - 1]!;
          }
          const chunks: Buffer[] = [];
          for await (const chunk of read(ranges)) chunks.push(Buffer.from(chunk));
          const expected: Buffer[] = [];
          for (let r = 0; r < ranges.length; r += 2) expected.push(bytes.subarray(Math.min(ranges[r]!, bytes.length), Math.min(ranges[r + 1]!, bytes.length)));
          expect(Buffer.concat(chunks).equals(Buffer.concat(expected))).to.equal(true);
        }),
        { numRuns: 200 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('compares the whole composite key (MMY IKNL: PatientCode + DiagnoseDatum)', async () => {
    const id = 'MMY/IKNL/2.1';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    const rows = [base, { ...base, DiagnoseDatum: '2026-01-11' }, { ...base, PatientCode: 'P002' }, base];
    const result = await validate(id, csvOf(d.compiled.fieldNames, rows));
    expect(result.findings.map((f) => [f.recordNumber, f.code])).to.deep.equal([
      [1, '005'],
      [4, '005'],
    ]);
  });

  it('leaves out a record whose key field failed its own checks', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const rows = [
      { ...VALID_RECORDS[id]!, OperatieID: 'A-1' },
      { ...VALID_RECORDS[id]!, OperatieID: 'A-1' },
    ];
    const result = await validate(id, csvOf(d.compiled.fieldNames, rows));
    expect(result.findings.map((f) => f.code)).to.deep.equal(['002_Type', '002_Type']);
  });

  it('keeps distinct keys apart and finds repeats across table growth (200,000 keys)', () => {
    const index = new DuplicateKeyIndex(16);
    for (let i = 1; i <= 200_000; i++) expect(index.add(`OP${i}`, i)).to.equal(0);
    expect(index.add('OP77', 200_001)).to.equal(77);
    expect(index.add('OP77', 200_002)).to.equal(77);
    expect(index.add('OP200000', 200_003)).to.equal(200_000);
    expect([...index.firstOccurrencesOfDuplicates()]).to.deep.equal([77, 200_000]);
  });
  it('a record checked on its own gives the key and the 005 finding the engine gives in a file (the entry portal compares entries so)', async () => {
    const id = 'CAT/Cataract/1.4';
    const d = await dictionary(id);
    const base = VALID_RECORDS[id]!;
    // A repeated key, a key repeated by a record whose key field fails (no part in 005), and unique keys.
    const rows = [
      { ...base, OperatieID: 'A', PatientCode: 'p1' },
      { ...base, OperatieID: 'B' },
      { ...base, OperatieID: 'A', PatientCode: 'p3' },
      { ...base, OperatieID: 'x'.repeat(200) },
      { ...base, OperatieID: 'x'.repeat(200), PatientCode: 'p5' },
      { ...base, OperatieID: 'C' },
    ];
    const run = { deliveryDate: null, period: null };
    const keys = rows.map((row) => checkRecordWithKey(d.compiled, cellsOf(d.compiled, row), run).key);
    const repeated = (key: string | null) => key !== null && keys.filter((other) => other === key).length > 1;
    const expected = rows.flatMap((row, at) => (repeated(keys[at]!) ? [duplicateKeyFinding(d.compiled, cellsOf(d.compiled, row), at + 1)] : []));
    const result = await validate(id, csvOf(d.compiled.fieldNames, rows));
    expect(result.findings.filter((finding) => finding.code === '005')).to.deep.equal(expected);
    expect(expected.map((finding) => finding.recordNumber)).to.deep.equal([1, 3]);
  });
});
