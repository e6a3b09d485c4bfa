import { expect } from 'chai';
import fc from 'fast-check';
import { csvOf, dictionary, PERIODS, validate, xmlOf } from './helpers';

const CAT = 'CAT/Cataract/1.4';
const VISUS = Array.from({ length: 61 }, (_, i) => (i * 0.05).toFixed(2));
const pad = (n: number): string => String(n).padStart(2, '0');

/** A random CAT 1.4 record that passes every check for 2026K1, delivered 2026-04-15. */
const validCatRecord = fc
  .record({
    OperatieID: fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
    OperatieDatum: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `2026-${pad(m)}-${pad(d)}`),
    PatientCode: fc
      .string({ minLength: 1, maxLength: 20, unit: fc.constantFrom('a', 'Z', '0', '9', ' ', '-', 'é', '"', ',', '&', '<', '€') })
      .filter((s) => s.trim() !== '' || s.length > 0),
    // Up to 2025, so that moving OperatieDatum to 2025-12-31 (020_Period) cannot also give 003_Y_EQ.
    Geboortejaar: fc.integer({ min: 1921, max: 2025 }).map(String),
    Geslacht: fc.constantFrom('M', 'V', 'O'),
    ODS: fc.constantFrom('01', '02'),
    VaCCPre: fc.constantFrom(...VISUS),
    VaCCPO: fc.constantFrom('', ...VISUS),
    Anesthesie: fc.constantFrom('', '1', '2', '3', '4', '5'),
    complication: fc.constantFrom('', '01', '02', '03', '04', '05', '99'),
  })
  .map(({ complication, ...r }) => ({ ...r, Complicatie: complication === '' ? 'N' : 'J', ComplicatieType: complication }));

const uniqueRecords = fc.uniqueArray(validCatRecord, { minLength: 1, maxLength: 25, selector: (r) => r.OperatieID });

const OPTIONS = { period: PERIODS['2026K1'], deliveryDate: '2026-04-15' };

/** One field corrupted, with the one code it must give (docs/registries/CAT-1.4.md). */
const corruptions: Array<[field: string, value: string, code: string]> = [
  ['OperatieID', '', '000_Req'],
  ['OperatieID', 'OP 1', '002_Type'],
  ['OperatieDatum', '2026-02-30', '002_Type'],
  ['OperatieDatum', '2025-12-31', '020_Period'],
  ['PatientCode', '', '000_Req'],
  ['Geboortejaar', '19x8', '002_Type'],
  ['Geboortejaar', '2101', '015_X_Y_EQ'],
  ['Geboortejaar', '2027', '003_Y_EQ'],
  ['Geboortejaar', '1900', '030_Age'],
  ['Geslacht', 'm', '001_RefTab'],
  ['ODS', '03', '001_RefTab'],
  ['VaCCPre', '0.07', '001_RefTab'],
  ['VaCCPre', '0.3', '002_Type'],
  ['Anesthesie', '0', '001_RefTab'],
  ['Complicatie', 'X', '001_RefTab'],
];

describe('property: CSV and XML agree, and one corrupted field gives exactly its code', () => {
  it('random valid records written as CSV and as XML validate to zero findings and identical totals', async () => {
    const d = await dictionary(CAT);
    await fc.assert(
      fc.asyncProperty(uniqueRecords, fc.integer({ min: 1, max: 300 }), async (records, chunkSize) => {
        const csv = await validate(CAT, csvOf(d.compiled.fieldNames, records), { ...OPTIONS, chunkSize });
        const xml = await validate(CAT, xmlOf(d, records), { ...OPTIONS, format: 'xml', chunkSize });
        expect(csv.findings).to.deep.equal([]);
        expect(xml.findings).to.deep.equal([]);
        expect(xml.totals).to.deep.equal(csv.totals);
        expect(csv.totals.records).to.equal(records.length);
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  });

  it('a single corrupted field in one random record gives exactly the expected code, the same in CSV and XML', async () => {
    const d = await dictionary(CAT);
    await fc.assert(
      fc.asyncProperty(uniqueRecords, fc.nat(), fc.constantFrom(...corruptions), async (records, which, [field, value, code]) => {
        const at = which % records.length;
        const corrupted = records.map((r, i) => (i === at ? { ...r, [field]: value } : r));
        const csv = await validate(CAT, csvOf(d.compiled.fieldNames, corrupted), OPTIONS);
        const xml = await validate(CAT, xmlOf(d, corrupted), { ...OPTIONS, format: 'xml' });
        expect(csv.findings.map((f) => [f.recordNumber, f.code, f.field])).to.deep.equal([[at + 1, code, field]]);
        expect(xml.findings).to.deep.equal(csv.findings);
        expect(xml.totals).to.deep.equal(csv.totals);
      }),
      { numRuns: Number(process.env.RUNS ?? 80) },
    );
  });
});
