/**
 * Data minimisation by construction: a resource is cut down to the top-level elements its mapping
 * reads (plus resourceType and id, which link resources) before any expression sees it. What is cut
 * off is remembered by element path only (`Patient.name`), never by value.
 */
import type { CompiledMapping } from './compiled-mapping';

export type JsonObject = Record<string, unknown>;

/** A resource of a type the mapping does not read is discarded whole: returns undefined. */
export function prune(resource: JsonObject, type: string, compiled: CompiledMapping, discarded: Set<string>): JsonObject | undefined {
  const kept = compiled.kept.get(type);
  if (!kept) {
    discarded.add(type);
    return undefined;
  }
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    // `_birthDate` holds the id and extensions of the primitive `birthDate`: kept or discarded with it.
    const element = key.startsWith('_') ? key.slice(1) : key;
    if (kept.exact.has(element) || kept.choices.some((c) => element.length > c.length && element.startsWith(c) && isUpper(element.charCodeAt(c.length)))) {
      result[key] = value;
    } else {
      discarded.add(`${type}.${element}`);
    }
  }
  return result;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
