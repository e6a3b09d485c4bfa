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
