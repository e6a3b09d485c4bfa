import { expect } from 'chai';
import { codesOf, csvOf, dictionary, findingsOfRecord, validate, VALID_RECORDS } from './helpers';

/**
 * Every record-level code of every spec, provoked by one change to a valid record, and shown not
 * to fire on a valid value of the same field. The case list is the specs' own tables.
 */
interface CodeCase {
  code: string;
  field: string;
  bad: Record<string, string>;
  good: Record<string, string>;
}

const CASES: Record<string, CodeCase[]> = {
  'CAT/Cataract/1.4': [
    { code: '000_Req', field: 'OperatieID', bad: { OperatieID: '' }, good: { OperatieID: 'A1' } },
    { code: '002_Type', field: 'OperatieID', bad: { OperatieID: 'OP-1' }, good: { OperatieID: 'OP1' } },
    { code: '002_Type', field: 'OperatieID', bad: { OperatieID: 'A'.repeat(21) }, good: { OperatieID: 'A'.repeat(20) } },
    { code: '002_Type', field: 'OperatieDatum', bad: { OperatieDatum: '03-02-2026' }, good: { OperatieDatum: '2026-02-03' } },
    { code: '002_Type', field: 'OperatieDatum', bad: { OperatieDatum: '2026-02-29' }, good: { OperatieDatum: '2026-02-28' } },
    { code: '002_Type', field: 'OperatieDatum', bad: { OperatieDatum: '2026-04-16' }, good: { OperatieDatum: '2026-03-16' } },
    { code: '000_Req', field: 'PatientCode', bad: { PatientCode: '' }, good: { PatientCode: 'X' } },
    { code: '002_Type', field: 'Geboortejaar', bad: { Geboortejaar: '1948.0' }, good: { Geboortejaar: '1948' } },
    { code: '015_X_Y_EQ', field: 'Geboortejaar', bad: { Geboortejaar: '1899' }, good: { Geboortejaar: '1921' } },
    { code: '001_RefTab', field: 'Geslacht', bad: { Geslacht: 'v' }, good: { Geslacht: 'O' } },
    { code: '001_RefTab', field: 'ODS', bad: { ODS: '1' }, good: { ODS: '02' } },
    { code: '015_X_Y_EQ', field: 'Geboortejaar', bad: { Geboortejaar: '2101' }, good: { Geboortejaar: '2000' } },
    { code: '001_RefTab', field: 'VaCCPre', bad: { VaCCPre: '0.33' }, good: { VaCCPre: '0.35' } },
    { code: '002_Type', field: 'VaCCPre', bad: { VaCCPre: '0,30' }, good: { VaCCPre: '0.30' } },
    { code: '000_Req', field: 'VaCCPre', bad: { VaCCPre: '' }, good: { VaCCPre: '0.00' } },
    { code: '001_RefTab', field: 'VaCCPO', bad: { VaCCPO: '0.01' }, good: { VaCCPO: '' } },
    { code: '001_RefTab', field: 'Anesthesie', bad: { Anesthesie: '6' }, good: { Anesthesie: '' } },
    { code: '000_Req', field: 'Complicatie', bad: { Complicatie: '', ComplicatieType: '' }, good: { Complicatie: 'N', ComplicatieType: '' } },
    { code: '010_Cond', field: 'ComplicatieType', bad: { Complicatie: 'J', ComplicatieType: '' }, good: { Complicatie: 'J', ComplicatieType: '99' } },
    { code: '010_Cond', field: 'ComplicatieType', bad: { Complicatie: 'N', ComplicatieType: '02' }, good: { Complicatie: 'N', ComplicatieType: '' } },
    { code: '001_RefTab', field: 'ComplicatieType', bad: { ComplicatieType: '06' }, good: { ComplicatieType: '05' } },
    { code: '020_Period', field: 'OperatieDatum', bad: { OperatieDatum: '2025-12-31' }, good: { OperatieDatum: '2026-01-01' } },
    { code: '003_Y_EQ', field: 'Geboortejaar', bad: { Geboortejaar: '2027' }, good: { Geboortejaar: '2026' } },
    { code: '030_Age', field: 'Geboortejaar', bad: { Geboortejaar: '1920' }, good: { Geboortejaar: '1921' } },
  ],
  'MMY/IKNL/2.1': [
    { code: '000_Req', field: 'PatientCode', bad: { PatientCode: '' }, good: { PatientCode: 'P' } },
    { code: '002_Type', field: 'PatientCode', bad: { PatientCode: 'P'.repeat(21) }, good: { PatientCode: 'P'.repeat(20) } },
    { code: '015_X_Y_EQ', field: 'Geboortejaar', bad: { Geboortejaar: '1899' }, good: { Geboortejaar: '1900' } },
    { code: '001_RefTab', field: 'Geslacht', bad: { Geslacht: 'F' }, good: { Geslacht: 'V' } },
    { code: '002_Type', field: 'DiagnoseDatum', bad: { DiagnoseDatum: '2026-1-10' }, good: { DiagnoseDatum: '2026-01-11' } },
    { code: '001_RefTab', field: 'ISS', bad: { ISS: 'IV' }, good: { ISS: 'X' } },
    { code: '001_RefTab', field: 'MProteine', bad: { MProteine: 'IgG' }, good: { MProteine: 'NS' } },
    { code: '002_Type', field: 'StartBehandeling', bad: { StartBehandeling: '20260120' }, good: { StartBehandeling: '2026-01-20' } },
    { code: '010_Cond', field: 'Behandellijn1', bad: { Behandellijn1: '' }, good: { Behandellijn1: 'OV' } },
    { code: '001_RefTab', field: 'Behandellijn1', bad: { Behandellijn1: 'XYZ' }, good: { Behandellijn1: 'KRD' } },
    { code: '001_RefTab', field: 'Stamceltransplantatie', bad: { Stamceltransplantatie: 'j' }, good: { Stamceltransplantatie: 'N' } },
    { code: '000_Req', field: 'Overleden', bad: { Overleden: '', DatumOverlijden: '' }, good: { Overleden: 'N', DatumOverlijden: '' } },
    { code: '010_Cond', field: 'DatumOverlijden', bad: { Overleden: 'J', DatumOverlijden: '' }, good: { Overleden: 'J', DatumOverlijden: '2026-02-01' } },
    { code: '010_Cond', field: 'DatumOverlijden', bad: { Overleden: 'N', DatumOverlijden: '2026-02-01' }, good: { Overleden: 'N', DatumOverlijden: '' } },
    { code: '004_D_GE', field: 'StartBehandeling', bad: { StartBehandeling: '2026-01-09' }, good: { StartBehandeling: '2026-01-10' } },
    { code: '004_D_GE', field: 'DatumOverlijden', bad: { DatumOverlijden: '2026-01-09' }, good: { DatumOverlijden: '2026-01-10' } },
    { code: '003_Y_EQ', field: 'Geboortejaar', bad: { Geboortejaar: '2027' }, good: { Geboortejaar: '2026' } },
    {
      code: '020_Period',
      field: 'DiagnoseDatum',
      bad: { DiagnoseDatum: '2026-07-01', StartBehandeling: '', Behandellijn1: '', DatumOverlijden: '2026-07-02' },
      good: { DiagnoseDatum: '2026-06-30', StartBehandeling: '', Behandellijn1: '', DatumOverlijden: '2026-07-02' },
    },
  ],
  'MMY/PROMS/1.0': [
    { code: '000_Req', field: 'Meetmoment', bad: { Meetmoment: '' }, good: { Meetmoment: 'T2' } },
    { code: '001_RefTab', field: 'Meetmoment', bad: { Meetmoment: 'T3' }, good: { Meetmoment: 'T1' } },
    { code: '002_Type', field: 'DatumInvulling', bad: { DatumInvulling: '2026-13-01' }, good: { DatumInvulling: '2026-12-01' } },
    { code: '015_X_Y_EQ', field: 'EQ5D_Mobiliteit', bad: { EQ5D_Mobiliteit: '0' }, good: { EQ5D_Mobiliteit: '5' } },
    { code: '015_X_Y_EQ', field: 'EQ5D_Zelfzorg', bad: { EQ5D_Zelfzorg: '6' }, good: { EQ5D_Zelfzorg: '1' } },
    { code: '015_X_Y_EQ', field: 'EQ5D_Activiteiten', bad: { EQ5D_Activiteiten: '-1' }, good: { EQ5D_Activiteiten: '3' } },
    { code: '002_Type', field: 'EQ5D_Pijn', bad: { EQ5D_Pijn: 'twee' }, good: { EQ5D_Pijn: '2' } },
    { code: '000_Req', field: 'EQ5D_Angst', bad: { EQ5D_Angst: '' }, good: { EQ5D_Angst: '1' } },
    { code: '015_X_Y_EQ', field: 'EQ_VAS', bad: { EQ_VAS: '101' }, good: { EQ_VAS: '100' } },
    { code: '015_X_Y_EQ', field: 'QLQ_GlobaleGezondheid', bad: { QLQ_GlobaleGezondheid: '8' }, good: { QLQ_GlobaleGezondheid: '' } },
  ],
  'PMICD/PMICD/2018.0.5': [
    { code: '000_Req', field: 'ProcedureID', bad: { ProcedureID: '' }, good: { ProcedureID: 'P' } },
    { code: '000_Req', field: 'BSN', bad: { BSN: '' }, good: { BSN: '111238171' } },
    { code: '040_BSN', field: 'BSN', bad: { BSN: '111222334' }, good: { BSN: '111222333' } },
    { code: '040_BSN', field: 'BSN', bad: { BSN: '11122233' }, good: { BSN: '111364875' } },
    { code: '040_BSN', field: 'BSN', bad: { BSN: '000000000' }, good: { BSN: '111412389' } },
    { code: '002_Type', field: 'Naam', bad: { Naam: 'N'.repeat(101) }, good: { Naam: 'N'.repeat(100) } },
    { code: '002_Type', field: 'Geboortedatum', bad: { Geboortedatum: '17-05-1948' }, good: { Geboortedatum: '1948-05-17' } },
    { code: '001_RefTab', field: 'Procedure', bad: { Procedure: 'X' }, good: { Procedure: 'U' } },
    { code: '001_RefTab', field: 'DeviceType', bad: { DeviceType: 'CRT' }, good: { DeviceType: 'CRTD' } },
    { code: '001_RefTab', field: 'Fabrikant', bad: { Fabrikant: 'mdt' }, good: { Fabrikant: 'BIO' } },
    { code: '002_Type', field: 'Model', bad: { Model: 'M'.repeat(41) }, good: { Model: 'M'.repeat(40) } },
    { code: '002_Type', field: 'Serienummer', bad: { Serienummer: 'S'.repeat(31) }, good: { Serienummer: 'S'.repeat(30) } },
    { code: '001_RefTab', field: 'Indicatie', bad: { Indicatie: 'ANDERS' }, good: { Indicatie: 'OVR' } },
    { code: '001_RefTab', field: 'Complicatie30d', bad: { Complicatie30d: 'Nee' }, good: { Complicatie30d: '' } },
    { code: '004_D_GE', field: 'ImplantatieDatum', bad: { Geboortedatum: '2026-01-09' }, good: { Geboortedatum: '2026-01-08' } },
    { code: '041_DevProc', field: 'Complicatie30d', bad: { Procedure: 'E', Complicatie30d: 'N' }, good: { Procedure: 'E', Complicatie30d: '' } },
    { code: '020_Period', field: 'ImplantatieDatum', bad: { ImplantatieDatum: '2026-04-01' }, good: { ImplantatieDatum: '2026-03-31' } },
  ],
};

describe('record-level codes of every spec, through the engine', () => {
  for (const [id, cases] of Object.entries(CASES)) {
    describe(id, () => {
      it('the valid base record gives no finding at all', async () => {
        expect(await findingsOfRecord(id, {})).to.deep.equal([]);
      });
      for (const c of cases) {
        it(`${c.code} fires on ${c.field} for ${JSON.stringify(c.bad)} and on nothing else`, async () => {
          expect(codesOf(await findingsOfRecord(id, c.bad))).to.deep.equal([`${c.code}:${c.field}`]);
        });
        it(`${c.code} does not fire on ${c.field} for the valid ${JSON.stringify(c.good)}`, async () => {
          expect(codesOf(await findingsOfRecord(id, c.good))).to.deep.equal([]);
        });
      }
    });
  }

  it('every registry-specific check code and every record-level common code is covered by a case', async () => {
    for (const id of Object.keys(VALID_RECORDS)) {
      const d = await dictionary(id);
      const covered = new Set(CASES[id]!.map((c) => c.code));
      for (const check of d.dictionary.checks) expect(covered, `${id} ${check.code}`).to.include(check.code);
    }
    const all = new Set(
      Object.values(CASES)
        .flat()
        .map((c) => c.code),
    );
    for (const code of ['000_Req', '002_Type', '001_RefTab', '015_X_Y_EQ', '010_Cond', '020_Period']) expect(all).to.include(code);
  });

  it('a value outside [0, 3] and absent from VISUS gets both 015_X_Y_EQ and 001_RefTab, in that order (CAT 1.4)', async () => {
    expect(codesOf(await findingsOfRecord('CAT/Cataract/1.4', { VaCCPre: '200.00' }))).to.deep.equal(['015_X_Y_EQ:VaCCPre', '001_RefTab:VaCCPre']);
  });

  it('a failed type check stops the field: no limit or reference-table line after 002_Type', async () => {
    expect(codesOf(await findingsOfRecord('CAT/Cataract/1.4', { VaCCPre: '200' }))).to.deep.equal(['002_Type:VaCCPre']);
  });

  it('a cross-field check does not run when a field it reads failed its own checks', async () => {
    // 003_Y_EQ reads OperatieDatum; with a broken date only 002_Type is reported.
    expect(codesOf(await findingsOfRecord('CAT/Cataract/1.4', { Geboortejaar: '2030', OperatieDatum: '2026-02-30' }))).to.deep.equal([
      '002_Type:OperatieDatum',
    ]);
  });

  it('020_Period does not apply to TOTAAL or when no period is given', async () => {
    const d = await dictionary('CAT/Cataract/1.4');
    const csv = csvOf(d.compiled.fieldNames, [{ ...VALID_RECORDS['CAT/Cataract/1.4']!, OperatieDatum: '2020-01-01' }]);
    expect((await validate('CAT/Cataract/1.4', csv, { period: { code: 'TOTAAL', start: null, end: null } })).findings).to.deep.equal([]);
    expect((await validate('CAT/Cataract/1.4', csv, {})).findings).to.deep.equal([]);
  });

  it('the 010_Cond condition "is filled" (MMY Behandellijn1) does not fire when StartBehandeling is empty', async () => {
    expect(await findingsOfRecord('MMY/IKNL/2.1', { StartBehandeling: '', Behandellijn1: '' })).to.deep.equal([]);
  });
});
