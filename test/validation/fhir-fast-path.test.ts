import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { evalFhirPathTyped, parseFhirPath, toTypedValue, type TypedValue } from '@medplum/core';
import { expect } from 'chai';
import { compileMapping, convertFhir, type RecordLocator } from '../../server/src/fhir/conversion';
import { compileFastPath, evaluateFastPath } from '../../server/src/fhir/conversion/fast-path';
import { splitResource } from '../../server/src/fhir/conversion/prune';
import { catFhir, pmicdFhir, recordsFromCsv } from '../support/fhir-fixtures';
import { dictionary } from './helpers';

type Json = Record<string, unknown>;

const ROOT = path.resolve(__dirname, '../..');

function examples(id: string): Array<Record<string, string>> {
  return recordsFromCsv(readFileSync(path.join(ROOT, 'dictionaries', id, 'examples/valid.csv'), 'utf8'));
}

/** Variations of the fixture resources the shortcut must read as medplum does (or leave to medplum). */
function varied(resources: Json[]): Json[] {
  const seen = new Map<unknown, number>();
  return resources.map((original) => {
    const resource = structuredClone(original);
    const type = resource['resourceType'];
    // The i-th resource of its type.
    const i = seen.get(type) ?? 0;
    seen.set(type, i + 1);
    if (i % 2 === 0 && Array.isArray(resource['identifier']))
      resource['identifier'] = [{ value: 'no-system' }, ...(resource['identifier'] as Json[]), { system: 'urn:other', value: 'x' }];
    if (i % 2 === 1 && type === 'Patient') resource['_birthDate'] = { extension: [{ url: 'urn:x', valueString: 'y' }] };
    if (i % 2 === 1 && type === 'Procedure' && resource['performedDateTime']) {
      resource['performedPeriod'] = { start: resource['performedDateTime'] };
      delete resource['performedDateTime'];
    }
    if (i % 2 === 0 && type === 'Device' && Array.isArray(resource['deviceName']))
      resource['deviceName'] = [{ name: 'other', type: 'user-friendly-name' }, ...(resource['deviceName'] as Json[])];
    return resource;
  });
}

function bundleOf(resources: Json[]): Json {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

async function locators(bundle: Json, id: string): Promise<RecordLocator[]> {
  const found: RecordLocator[] = [];
  const { csv, done } = convertFhir(Readable.from([JSON.stringify(bundle)]), 'bundle', (await dictionary(id)).dictionary, {
    onRecord: (_n, locator) => found.push(locator),
  });
  await Promise.all([text(csv), done]);
  return found;
}

describe('FHIRPath shortcut for plain element paths (differential against medplum evalFhirPathTyped)', function () {
  this.timeout(60000);

  for (const id of ['PMICD/PMICD/2018.0.5', 'CAT/Cataract/1.4']) {
    it(`${id}: every field the shortcut takes gives medplum's items (types and values) on the fixtures and variations of them, or defers to medplum`, async () => {
      const compiled = compileMapping((await dictionary(id)).dictionary);
      const fixture = id.startsWith('PMICD') ? pmicdFhir(examples(id)) : catFhir(examples(id));
      let compared = 0;
      let deferred = 0;
      for (const resources of [fixture.resources, varied(fixture.resources)]) {
        const bundle = bundleOf(resources);
        for (const locator of await locators(bundle, id)) {
          const json: Record<string, Json | undefined> = {};
          const variables: Record<string, TypedValue> = {};
          for (const [alias, at] of Object.entries(locator)) {
            const resource = resources[Number(/entry\[(\d+)\]/.exec(at)![1])]!;
            json[alias] = splitResource(resource, resource['resourceType'] as string, compiled, new Set())!.kept;
            variables[`%${alias}`] = toTypedValue(json[alias]);
          }
          for (const link of compiled.links) variables[`%${link.alias}`] ??= { type: 'undefined', value: undefined };
          for (const field of compiled.fields) {
            if (!field.fast || !field.path) continue;
            const fast = evaluateFastPath(field.fast, json);
            if (fast === undefined) {
              deferred++;
              continue;
            }
            const medplum = evalFhirPathTyped(field.path, [variables['%focus']!], variables);
            expect(fast, `${field.field.name} on ${JSON.stringify(locator)}`).to.deep.equal(medplum);
            compared++;
          }
        }
      }
      expect(compared).to.be.greaterThan(30);
      if (id.startsWith('PMICD')) {
        expect(
          compiled.fields.filter((f) => f.path && !f.fast).map((f) => f.field.name),
          'PMICD fields left to medplum',
        ).to.deep.equal([]);
        expect(compiled.links.every((l) => l.referenceFast)).to.equal(true);
        expect(deferred, 'a primitive with _element is left to medplum').to.be.greaterThan(0);
      }
    });
  }

  it('expressions outside the subset are left to medplum: functions other than where(element = text) and a final first(), operators, paths without a variable', () => {
    const types = { focus: 'Procedure', patient: 'Patient' };
    for (const expression of [
      '%patient.birthDate.toString().substring(0, 4)',
      "iif(%focus.complication.exists(), 'J', 'N')",
      'partOf.empty()',
      'Procedure.identifier',
      '%focus.identifier.first().value',
      "%focus.code.coding.where(system = 'a' or system = 'b').code",
      '%focus.code.coding.where(system = %patient.gender).code',
      '%focus.performed.start',
      '%focus.unknownElement',
      '%unknownAlias.gender',
    ]) {
      expect(compileFastPath(parseFhirPath(expression), types), expression).to.equal(undefined);
    }
    expect(compileFastPath(parseFhirPath("%focus.code.coding.where(system = 'a').code"), types)).not.to.equal(undefined);
    expect(compileFastPath(parseFhirPath('focalDevice.manipulated'), types), 'an element path on the focus').to.deep.include({ variable: 'focus' });
  });
});
