import { expect } from 'chai';
import { DuplicateKeyIndex } from '../../server/validation/src/duplicate-keys';
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
});
