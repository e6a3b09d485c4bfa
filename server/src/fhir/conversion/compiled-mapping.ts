/**
 * A dictionary's FHIR mapping made ready to run: every FHIRPath expression parsed once, the field
 * order of the CSV, the elements kept per resource type. Cached per mapping object.
 */
import { type FhirPathAtom, getDataType, parseFhirPath } from '@medplum/core';
import type { FhirFieldMapping, FhirMapping, FhirResourceLink, FieldDefinition, ResolvedDictionary } from '@datahub/validation';
import { compileFastPath, type FastPath } from './fast-path';
import { ensureR4Definitions } from './r4-definitions';
import { compileResourceValidators, type ResourceValidator } from './r4-schema';

/** What convertFhir needs of a dictionary: its fields (CSV columns) and its FHIR mapping. A LoadedDictionary is accepted too. */
export type FhirDictionary = Pick<ResolvedDictionary, 'fields' | 'fhir'> | { dictionary: Pick<ResolvedDictionary, 'fields' | 'fhir'> };

export interface CompiledLink {
  alias: string;
  type: string;
  /** FHIRPath on the focus giving Reference elements. */
  reference?: FhirPathAtom;
  /** The same without medplum, when it is a plain element path (fast-path.ts). */
  referenceFast?: FastPath;
  /** Element of the candidate that refers to the focus. */
  referencedBy?: string;
  where?: FhirPathAtom;
}

export interface CompiledField {
  field: FieldDefinition;
  mapping?: FhirFieldMapping;
  path?: FhirPathAtom;
  /** The same without medplum, when it is in the trivial subset (fast-path.ts). */
  fast?: FastPath;
  /** The alias and top-level element the path reads first (for fieldExpression). */
  alias?: string;
  element?: string;
}

/**
 * `read`: the mapping reads it (kept); `required`: R4 requires it (validated, then discarded);
 * `other`: discarded unvalidated. A property not in the map is not an R4 element: refused.
 */
export type ElementUse = 'read' | 'required' | 'other';

export interface CompiledMapping {
  mapping: FhirMapping;
  focusWhere?: FhirPathAtom;
  links: CompiledLink[];
  fields: CompiledField[];
  /** Per resource type read: every top-level JSON property R4 defines for it, and what becomes of it. */
  elements: Map<string, Map<string, ElementUse>>;
  /** Per resource type read: the R4 JSON Schema check of its read and required elements. */
  validators: Map<string, ResourceValidator>;
  header: string;
}

const cache = new WeakMap<FhirMapping, CompiledMapping>();

export function dictionaryOf(dictionary: FhirDictionary): Pick<ResolvedDictionary, 'fields' | 'fhir'> {
  return 'dictionary' in dictionary ? dictionary.dictionary : dictionary;
}

function parse(expression: string, where: string): FhirPathAtom {
  try {
    return parseFhirPath(expression);
  } catch (error) {
    throw new Error(`FHIR mapping ${where}: FHIRPath does not parse (${(error as Error).message})`);
  }
}

function compileLink(alias: string, link: FhirResourceLink, focus: string): CompiledLink {
  if ('reference' in link) {
    const reference = parse(link.reference, `resources.${alias}.reference`);
    return { alias, type: link.type, reference, referenceFast: compileFastPath(reference, { focus }) };
  }
  return { alias, type: link.type, referencedBy: link.referencedBy, where: link.where ? parse(link.where, `resources.${alias}.where`) : undefined };
}

/** The first `%alias.element` the path reads: where a finding on the field points. */
function firstRead(path: string): { alias?: string; element?: string } {
  const match = /%([A-Za-z][A-Za-z0-9]*)(?:\.([a-z][A-Za-z0-9]*))?/.exec(path);
  return match ? { alias: match[1], element: match[2] } : {};
}

export function compileMapping(dictionary: FhirDictionary): CompiledMapping {
  const { fields, fhir } = dictionaryOf(dictionary);
  if (!fhir) throw new Error('this dictionary has no FHIR mapping');
  const cached = cache.get(fhir);
  if (cached) return cached;
  const unknown = ensureR4Definitions(Object.keys(fhir.reads));
  if (unknown.length > 0) throw new Error(`FHIR mapping reads resource types R4 does not define: ${unknown.join(', ')}`);
  const elements = new Map<string, Map<string, ElementUse>>();
  const validated = new Map<string, { properties: Set<string>; required: ResourceValidator['required'] }>();
  for (const [type, reads] of Object.entries(fhir.reads)) {
    const known = getDataType(type).elements;
    for (const element of reads) {
      if (!known[element]) throw new Error(`FHIR mapping reads ${type}.${element}, which R4 does not define`);
    }
    const uses = propertyUses(known, new Set(reads));
    elements.set(type, uses);
    validated.set(type, {
      properties: new Set([...uses].filter(([, use]) => use !== 'other').map(([name]) => name)),
      required: Object.entries(known)
        .filter(([name, definition]) => definition.min > 0 && !name.includes('.'))
        .map(([name, definition]) => ({ element: name, names: jsonNames(name, definition).flatMap((n) => [n, `_${n}`]) })),
    });
  }
  const variableTypes: Record<string, string> = { focus: fhir.focus };
  for (const [alias, link] of Object.entries(fhir.resources)) variableTypes[alias] = link.type;
  const compiled: CompiledMapping = {
    mapping: fhir,
    focusWhere: fhir.focusWhere ? parse(fhir.focusWhere, 'focusWhere') : undefined,
    links: Object.entries(fhir.resources).map(([alias, link]) => compileLink(alias, link, fhir.focus)),
    fields: fields.map((field) => {
      const mapping = fhir.fields[field.name];
      if (!mapping) return { field };
      const path = parse(mapping.path, `fields.${field.name}.path`);
      return { field, mapping, path, fast: compileFastPath(path, variableTypes), ...firstRead(mapping.path) };
    }),
    elements,
    validators: compileResourceValidators(validated),
    header: fields.map((f) => f.name).join(','),
  };
  cache.set(fhir, compiled);
  return compiled;
}

/** The JSON property names of a type's elements (`performed[x]` → performedDateTime, performedPeriod, …; `_x` beside primitives). */
function propertyUses(known: Record<string, { min: number; type: Array<{ code: string }> }>, reads: ReadonlySet<string>): Map<string, ElementUse> {
  const uses = new Map<string, ElementUse>([
    ['resourceType', 'read'],
    ['id', 'read'],
    ['_id', 'read'],
  ]);
  for (const [name, definition] of Object.entries(known)) {
    if (name.includes('.') || name === 'id') continue;
    const use: ElementUse = reads.has(name) ? 'read' : definition.min > 0 ? 'required' : 'other';
    for (const property of jsonNames(name, definition)) {
      uses.set(property, use);
      uses.set(`_${property}`, use);
    }
  }
  return uses;
}

/** The JSON property names of one element: `performed[x]` → performedDateTime, performedPeriod, …; others their name. */
function jsonNames(name: string, definition: { type: Array<{ code: string }> }): string[] {
  return name.endsWith('[x]') ? definition.type.map((t) => `${name.slice(0, -3)}${t.code.charAt(0).toUpperCase()}${t.code.slice(1)}`) : [name];
}
