/**
 * Structural checks of single resources against the FHIR R4 JSON Schema, their issue paths placed
 * where the resource is in the input.
 */
import { type FhirIssue, structureIssue } from './issues';
import type { JsonObject } from './prune';
import { type ResourceValidator, schemaIssues } from './r4-schema';

/**
 * Issues of one resource; `at` is its place: 'Bundle.entry[3].resource' or 'Patient (line 17)'.
 * `unknown` are its top-level properties R4 does not define; `validated` the part checked in depth
 * against the R4 JSON Schema (the elements the mapping reads and those R4 requires: the others are
 * discarded unread).
 */
export function resourceIssues(validator: ResourceValidator, validated: JsonObject, unknown: readonly string[], at: string): FhirIssue[] {
  const found = schemaIssues(validator, validated, at);
  if (unknown.length === 0) return found;
  return [...unknown.map((key) => structureIssue(`${at}.${key}`, `Invalid additional property "${key}"`)), ...found];
}

/** A JSON parse error without the input's text (V8's messages quote it): the position only. */
export function jsonProblem(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message ?? '');
  return position ? `not valid JSON (at character ${position[1]})` : 'not valid JSON';
}
