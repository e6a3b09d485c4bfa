import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { expect } from 'chai';
import { compileMapping, convertFhir, fieldExpression, FhirStructureError, hasFhirMapping, type RecordLocator } from '../../server/src/fhir/conversion';
import { catFhir, type FieldValues, pmicdFhir, recordsFromCsv } from '../support/fhir-fixtures';
import { dictionaries, dictionary } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

function examples(id: string): FieldValues[] {
  return recordsFromCsv(readFileSync(path.join(ROOT, 'dictionaries', id, 'examples/valid.csv'), 'utf8'));
}

function chunks(content: string, size = 97): Readable {
  const all = Buffer.from(content, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < all.length; at += size) parts.push(all.subarray(at, at + size));
  return Readable.from(parts);
}

async function convert(content: string, format: 'bundle' | 'ndjson', id: string, onRecord?: (n: number, l: RecordLocator) => void) {
  const { csv, done } = convertFhir(chunks(content), format, (await dictionary(id)).dictionary, { onRecord });
  const [output, result] = await Promise.all([text(csv), done]);
  return { output, result };
}

async function refusal(content: string, format: 'bundle' | 'ndjson', id = 'PMICD/PMICD/2018.0.5'): Promise<FhirStructureError> {
  const { csv, done } = convertFhir(chunks(content), format, (await dictionary(id)).dictionary);
  const streamed = text(csv).then(
    () => null,
    (error: unknown) => error,
  );
  const error = await done.then(
    () => null,
    (e: unknown) => e,
  );
  expect(await streamed, 'the csv stream fails with the same error').to.equal(error);
  expect(error).to.be.instanceOf(FhirStructureError);
  return error as FhirStructureError;
}

function pmicdRecords(): FieldValues[] {
  // The examples plus a second procedure of the first patient (NDJSON groups it under one Patient line),
  // with a model name that CSV must quote.
  const records = examples('PMICD/PMICD/2018.0.5');
  return [
    ...records,
    {
      ...records[0]!,
      ProcedureID: 'PR0099',
      Model: 'Azure XT, "DR"',
      Serienummer: 'PJN100099',
      ImplantatieDatum: '2026-03-09',
      Procedure: 'V',
      Complicatie30d: '',
    },
  ];
}

describe('FHIR conversion (FHIR resources → dictionary CSV)', function () {
  this.timeout(30000);

  it('PMICD and CAT have a FHIR mapping that passed the schema and integrity checks and compiles (FHIRPath parses, reads are R4 elements), and MMY has none', async () => {
    const loaded = await dictionaries();
    const mapped = loaded.filter((d) => hasFhirMapping(d));
    expect(mapped.map((d) => `${d.registry}/${d.subDelivery}/${d.version}`)).to.have.members(['PMICD/PMICD/2018.0.5', 'CAT/Cataract/1.4']);
    for (const d of mapped) expect(compileMapping(d.dictionary).fields.filter((f) => f.path).length).to.be.greaterThan(9);
  });

  it('a mapping that reads an element R4 does not define, or a FHIRPath that does not parse, is refused when compiled', async () => {
    const { dictionary: pmicd } = await dictionary('PMICD/PMICD/2018.0.5');
    const reads = { ...pmicd.fhir!.reads, Patient: ['identifier', 'shoeSize'] };
    expect(() => compileMapping({ fields: pmicd.fields, fhir: { ...pmicd.fhir!, reads } })).to.throw(/Patient.shoeSize/);
    const fields = { ...pmicd.fhir!.fields, BSN: { path: '%patient.identifier.where(' } };
    expect(() => compileMapping({ fields: pmicd.fields, fhir: { ...pmicd.fhir!, fields } })).to.throw(/fields.BSN.path/);
  });

  for (const format of ['bundle', 'ndjson'] as const) {
    it(`a PMICD ${format} converts to exactly the CSV of the same records, identifying name left empty`, async () => {
      const fixture = pmicdFhir(pmicdRecords());
      const { output, result } = await convert(format === 'bundle' ? JSON.stringify(fixture.bundle) : fixture.ndjson, format, 'PMICD/PMICD/2018.0.5');
      expect(output).to.equal(fixture.csv);
      expect(result.records).to.equal(pmicdRecords().length);
    });

    it(`a CAT ${format} converts to exactly the CSV of the same records (visual acuity in decimal and logMAR)`, async () => {
      const fixture = catFhir(examples('CAT/Cataract/1.4'));
      const { output, result } = await convert(format === 'bundle' ? JSON.stringify(fixture.bundle) : fixture.ndjson, format, 'CAT/Cataract/1.4');
      expect(output).to.equal(fixture.csv);
      expect(result.records).to.equal(4);
    });

    it(`unmapped values of a ${format} (name, address, phone, note) never reach the CSV, and their paths are listed without values`, async () => {
      const fixture = pmicdFhir(pmicdRecords());
      const { output, result } = await convert(format === 'bundle' ? JSON.stringify(fixture.bundle) : fixture.ndjson, format, 'PMICD/PMICD/2018.0.5');
      expect(fixture.unmappedValues.length).to.be.greaterThan(10);
      for (const value of fixture.unmappedValues) expect(output).not.to.include(value);
      expect(output).not.to.include('MRN1');
      expect(result.discardedPaths).to.include.members([
        'Patient.name',
        'Patient.address',
        'Patient.telecom',
        'Procedure.note',
        'Procedure.status',
        'Device.lotNumber',
        'Encounter',
      ]);
      for (const value of fixture.unmappedValues) expect(JSON.stringify(result)).not.to.include(value);
    });
  }

  it('onRecord gives each record its resources; fieldExpression points a field at the element it came from', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    const dict = (await dictionary('PMICD/PMICD/2018.0.5')).dictionary;
    const bundleLocators: RecordLocator[] = [];
    await convert(JSON.stringify(fixture.bundle), 'bundle', 'PMICD/PMICD/2018.0.5', (_n, l) => bundleLocators.push(l));
    // Entry 0 Patient, 1 Encounter, 2 Procedure, 3 Device.
    expect(bundleLocators[0]).to.deep.equal({ focus: 'Bundle.entry[2].resource', patient: 'Bundle.entry[0].resource', device: 'Bundle.entry[3].resource' });
    expect(fieldExpression(dict, 'ImplantatieDatum', bundleLocators[0]!)).to.equal('Bundle.entry[2].resource.performed[x]');
    expect(fieldExpression(dict, 'Geslacht', bundleLocators[0]!)).to.equal('Bundle.entry[0].resource.gender');
    expect(fieldExpression(dict, 'Serienummer', bundleLocators[0]!)).to.equal('Bundle.entry[3].resource.serialNumber');
    const lineLocators: RecordLocator[] = [];
    await convert(fixture.ndjson, 'ndjson', 'PMICD/PMICD/2018.0.5', (_n, l) => lineLocators.push(l));
    expect(fieldExpression(dict, 'BSN', lineLocators[0]!)).to.equal('Patient (line 1).identifier');
    expect(fieldExpression(dict, 'Naam', lineLocators[0]!)).to.equal('Procedure (line 3)');
  });

  it('a resource with a number for gender is refused naming the Bundle entry and the element', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    (fixture.bundle['entry'] as Array<{ resource: Record<string, unknown> }>)[0]!.resource['gender'] = 12;
    const error = await refusal(JSON.stringify(fixture.bundle), 'bundle');
    expect(error.issues).to.deep.include({
      severity: 'error',
      code: 'structure',
      expression: 'Bundle.entry[0].resource.gender',
      diagnostics: 'Invalid JSON type: expected string, but got number',
    });
  });

  it('an element R4 does not define is refused naming the NDJSON line and the element, without its value', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    const lines = fixture.ndjson.trim().split('\n');
    const procedure = JSON.parse(lines[2]!) as Record<string, unknown>;
    procedure['surgeonName'] = 'Dokter Geheim';
    lines[2] = JSON.stringify(procedure);
    const error = await refusal(`${lines.join('\n')}\n`, 'ndjson');
    expect(error.issues.map((i) => i.expression)).to.deep.equal(['Procedure (line 3).surgeonName']);
    expect(JSON.stringify(error.issues)).not.to.include('Geheim');
  });

  it('NDJSON out of patient order is refused naming the line: a resource of another patient, one before any Patient, a Patient given twice', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    const lines = fixture.ndjson.trim().split('\n');
    const firstOfSecondPatient = lines.findIndex((l, i) => i > 0 && l.includes('"resourceType":"Patient"'));
    // The first patient's Procedure moved after the second Patient line.
    const moved = [...lines.slice(0, 2), ...lines.slice(4, firstOfSecondPatient + 1), lines[2]!, lines[3]!, ...lines.slice(firstOfSecondPatient + 1)];
    const other = await refusal(moved.join('\n'), 'ndjson');
    expect(other.issues[0]!.expression).to.equal(`Procedure (line ${moved.indexOf(lines[2]!) + 1})`);
    expect(other.issues[0]!.diagnostics).to.match(/another patient than the Patient on line/);
    const before = await refusal([lines[2], ...lines].join('\n'), 'ndjson');
    expect(before.issues[0]!.expression).to.equal('Procedure (line 1)');
    const twice = await refusal([...lines, lines[0]].join('\n'), 'ndjson');
    expect(twice.issues[0]!.expression).to.equal(`Patient (line ${lines.length + 1})`);
  });

  it('input that is not JSON is refused without quoting it, and a Bundle of another type is not supported', async () => {
    const broken = await refusal('{"resourceType":"Patient","name":"Jansen"', 'ndjson');
    expect(broken.issues[0]!.expression).to.equal('line 1');
    expect(JSON.stringify(broken.issues)).not.to.include('Jansen');
    const transaction = await refusal(JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }), 'bundle');
    expect(transaction.issues[0]).to.include({ code: 'not-supported', expression: 'Bundle.type' });
  });

  it('bytes that are not UTF-8 are refused, and an error of the input stream itself passes unchanged (not as a refusal)', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    const bad = Buffer.concat([Buffer.from(fixture.ndjson), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]);
    const { csv: ndjsonCsv, done: ndjsonDone } = convertFhir(Readable.from([bad]), 'ndjson', (await dictionary('PMICD/PMICD/2018.0.5')).dictionary);
    ndjsonCsv.on('error', () => undefined).resume();
    const ndjsonError = await ndjsonDone.then(
      () => null,
      (e: unknown) => e,
    );
    expect(ndjsonError).to.be.instanceOf(FhirStructureError);
    expect((ndjsonError as FhirStructureError).issues[0]!.diagnostics).to.match(/UTF-8/);
    for (const format of ['ndjson', 'bundle'] as const) {
      const input = new Readable({ read() {} });
      input.push(fixture.ndjson.slice(0, 200));
      setImmediate(() => input.destroy(new Error('client went away')));
      const { csv, done } = convertFhir(input, format, (await dictionary('PMICD/PMICD/2018.0.5')).dictionary);
      csv.resume();
      csv.on('error', () => undefined);
      const error = await done.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, format).to.be.instanceOf(Error).and.not.to.be.instanceOf(FhirStructureError);
      expect((error as Error).message).to.equal('client went away');
    }
  });

  it('the csv stream destroyed by its reader rejects done instead of leaving it pending', async () => {
    const fixture = pmicdFhir(pmicdRecords());
    const { csv, done } = convertFhir(chunks(fixture.ndjson), 'ndjson', (await dictionary('PMICD/PMICD/2018.0.5')).dictionary);
    csv.once('data', () => csv.destroy());
    const error = await done.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).to.match(/closed before the conversion ended/);
  });
});
