import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { expect } from 'chai';
import { compileMapping } from '../../server/src/fhir/conversion';
import { splitResource } from '../../server/src/fhir/conversion/prune';
import { schemaIssues } from '../../server/src/fhir/conversion/r4-schema';
import { catFhir, pmicdFhir, recordsFromCsv } from '../support/fhir-fixtures';
import { dictionary } from './helpers';

type Json = Record<string, unknown>;

const ROOT = path.resolve(__dirname, '../..');

function examples(id: string): Array<Record<string, string>> {
  return recordsFromCsv(readFileSync(path.join(ROOT, 'dictionaries', id, 'examples/valid.csv'), 'utf8'));
}

/** medplum's R4 validator (what the conversion used before): errors or fatal issues make a resource invalid. */
function medplumValid(resource: Json): boolean {
  try {
    return validateResource(resource as unknown as Resource).every((i) => i.severity !== 'error' && i.severity !== 'fatal');
  } catch (error) {
    if (error instanceof OperationOutcomeError) return false;
    throw error;
  }
}

/** Mutations of a valid resource (by type) that R4 refuses, each named. */
const MUTATIONS: Record<string, Array<[string, (r: Json) => void]>> = {
  Patient: [
    ['gender a number (wrong type)', (r) => (r['gender'] = 12)],
    ['gender an array (array where single expected)', (r) => (r['gender'] = ['male'])],
    ['birthDate not in date format', (r) => (r['birthDate'] = '12-05-1950')],
    ['birthDate with a month 13', (r) => (r['birthDate'] = '1950-13-01')],
    ['identifier a single object (single where array expected)', (r) => (r['identifier'] = (r['identifier'] as Json[])[0])],
    ['identifier.system a number', (r) => ((r['identifier'] as Json[])[0]!['system'] = 7)],
    ['identifier with an unknown element', (r) => ((r['identifier'] as Json[])[0]!['bsn'] = 'x')],
    ['resourceType missing', (r) => delete r['resourceType']],
  ],
  Procedure: [
    ['performedDateTime not a dateTime', (r) => (r['performedDateTime'] = '2026-02-30T25:00')],
    ['coding code not a string', (r) => ((((r['code'] as Json)['coding'] as Json[])[0] as Json)['code'] = 5)],
    ['code an array (array where single expected)', (r) => (r['code'] = [r['code']])],
    ['subject missing (required)', (r) => delete r['subject']],
    ['status missing (a required primitive)', (r) => delete r['status']],
    ['subject.reference a boolean', (r) => ((r['subject'] as Json)['reference'] = true)],
    ['coding with an unknown element', (r) => ((((r['code'] as Json)['coding'] as Json[])[0] as Json)['label'] = 'x')],
  ],
  Device: [
    ['serialNumber a boolean', (r) => (r['serialNumber'] = true)],
    ['deviceName a single object', (r) => (r['deviceName'] = (r['deviceName'] as Json[])[0])],
  ],
  Observation: [
    ['valueQuantity.value a string', (r) => ((r['valueQuantity'] as Json)['value'] = '0.5')],
    ['effectiveDateTime a number', (r) => (r['effectiveDateTime'] = 20260101)],
  ],
};

describe('FHIR structural validation (ajv against the R4 JSON Schema, in place of medplum validateResource)', function () {
  this.timeout(60000);

  for (const id of ['PMICD/PMICD/2018.0.5', 'CAT/Cataract/1.4']) {
    it(`${id}: ajv and medplum agree that every fixture resource read is valid, and that each mutation of them is invalid`, async () => {
      const compiled = compileMapping((await dictionary(id)).dictionary);
      const fixture = id.startsWith('PMICD') ? pmicdFhir(examples(id)) : catFhir(examples(id));
      const seen = new Set<string>();
      let mutations = 0;
      for (const resource of fixture.resources) {
        const type = resource['resourceType'] as string;
        const validator = compiled.validators.get(type);
        if (!validator) continue;
        const validated = splitResource(resource, type, compiled, new Set())!.validated;
        expect(schemaIssues(validator, validated, type), `${type} valid by ajv`).to.deep.equal([]);
        expect(medplumValid(validated), `${type} valid by medplum`).to.equal(true);
        if (seen.has(type)) continue;
        seen.add(type);
        for (const [name, mutate] of MUTATIONS[type] ?? []) {
          const mutated = structuredClone(validated);
          mutate(mutated);
          expect(medplumValid(mutated), `${type}: ${name}, medplum`).to.equal(false);
          expect(schemaIssues(validator, mutated, type), `${type}: ${name}, ajv`).not.to.deep.equal([]);
          mutations++;
        }
      }
      expect(mutations).to.be.greaterThan(id.startsWith('PMICD') ? 15 : 8);
    });
  }

  it('ajv issues name the element by its path inside the resource, the place given, and no value', async () => {
    const compiled = compileMapping((await dictionary('PMICD/PMICD/2018.0.5')).dictionary);
    const fixture = pmicdFhir(examples('PMICD/PMICD/2018.0.5'));
    const patient = structuredClone(fixture.resources.find((r) => r['resourceType'] === 'Patient')!);
    (patient['identifier'] as Json[])[1] = { system: 7, value: 'geheim123' };
    const issues = schemaIssues(compiled.validators.get('Patient')!, splitResource(patient, 'Patient', compiled, new Set())!.validated, 'Patient (line 4)');
    expect(issues).to.deep.equal([
      {
        severity: 'error',
        code: 'structure',
        expression: 'Patient (line 4).identifier[1].system',
        diagnostics: 'Invalid JSON type: expected string, but got number',
      },
    ]);
    const procedure = structuredClone(fixture.resources.find((r) => r['resourceType'] === 'Procedure')!);
    delete procedure['status'];
    procedure['performedDateTime'] = 'gisteren';
    const at = 'Bundle.entry[2].resource';
    expect(schemaIssues(compiled.validators.get('Procedure')!, splitResource(procedure, 'Procedure', compiled, new Set())!.validated, at)).to.deep.equal([
      { severity: 'error', code: 'required', expression: `${at}.status`, diagnostics: 'Missing required property' },
      { severity: 'error', code: 'value', expression: `${at}.performedDateTime`, diagnostics: 'Invalid value: not in the format of its FHIR type' },
    ]);
  });
});
