/**
 * Data minimisation by construction: a resource is cut down to the top-level elements its mapping
 * reads (plus resourceType and id, which link resources) before any expression sees it. What is cut
 * off is remembered by element path only (`Patient.name`), never by value.
 *
 * Split in one pass: the properties R4 does not define (refused), the part that is validated (what
 * the mapping reads, and what R4 requires), and the part kept.
 */
import type { CompiledMapping } from './compiled-mapping';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface SplitResource {
  /** Top-level properties R4 does not define for the type. */
  unknown: string[];
  /** Read and required elements: what is validated against R4. */
  validated: JsonObject;
  /** Read elements only: what expressions see. */
  kept: JsonObject;
}

/** Per type's element uses: property → the path it is listed under when discarded (built once, not per resource). */
const discardedPaths = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string>>();

/** `_birthDate` holds the id and extensions of the primitive `birthDate`: listed under birthDate. */
function discardedPath(uses: ReadonlyMap<string, unknown>, type: string, key: string): string {
  let paths = discardedPaths.get(uses);
  if (!paths) discardedPaths.set(uses, (paths = new Map()));
  let path = paths.get(key);
  if (path === undefined) paths.set(key, (path = `${type}.${key.startsWith('_') ? key.slice(1) : key}`));
  return path;
}

/** Undefined for a type the mapping does not read (discarded whole, its type added to `discarded`). */
export function splitResource(resource: JsonObject, type: string, compiled: CompiledMapping, discarded: Set<string>): SplitResource | undefined {
  const uses = compiled.elements.get(type);
  if (!uses) {
    discarded.add(type);
    return undefined;
  }
  const split: SplitResource = { unknown: [], validated: {}, kept: {} };
  // for…in: JSON.parse gives plain objects (no inherited enumerable keys), without Object.entries' pairs.
  for (const key in resource) {
    const value = resource[key];
    const use = uses.get(key);
    if (use === undefined) {
      split.unknown.push(key);
      continue;
    }
    if (use !== 'other') split.validated[key] = value;
    if (use === 'read') split.kept[key] = value;
    else discarded.add(discardedPath(uses, type, key));
  }
  return split;
}
