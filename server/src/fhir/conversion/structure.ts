/**
 * Structural checks of single resources against the FHIR R4 definitions (medplum's validator), with
 * its issue paths (`Patient.gender`) rewritten to where the resource is in the input.
 */
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { type FhirIssue, structureIssue } from './issues';

/**
 * Issues of one resource; `at` is its place: 'Bundle.entry[3].resource' or 'Patient (line 17)'.
 * `unknown` are its top-level properties R4 does not define; `validated` the part checked in depth
 * (the elements the mapping reads and those R4 requires: validating whole resources, names and
 * addresses included, cost twice as much, for elements that are discarded unread).
 */
export function resourceIssues(validated: Resource, unknown: readonly string[], at: string): FhirIssue[] {
  const issues = unknown.map((key) => structureIssue(`${at}.${key}`, `Invalid additional property "${key}"`));
  return [...issues, ...validatedIssues(validated, at)];
}

function validatedIssues(resource: Resource, at: string): FhirIssue[] {
  try {
    const outcome = validateResource(resource);
    return outcome.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => toIssue(i, resource.resourceType, at));
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? []).map((i) => toIssue(i, resource.resourceType, at));
  }
}

interface MedplumIssue {
  severity: string;
  code: string;
  expression?: string[];
  details?: { text?: string };
}

function toIssue(issue: MedplumIssue, type: string, at: string): FhirIssue {
  const path = issue.expression?.[0] ?? type;
  const inside = path === type ? '' : path.startsWith(`${type}.`) ? path.slice(type.length) : `.${path}`;
  // medplum's texts name elements and expected types, never values (e.g. "Invalid JSON type: expected string, but got number").
  return {
    ...structureIssue(`${at}${inside}`, issue.details?.text ?? 'invalid', issue.code || 'structure'),
    severity: issue.severity === 'fatal' ? 'fatal' : 'error',
  };
}

/** A JSON parse error without the input's text (V8's messages quote it): the position only. */
export function jsonProblem(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message ?? '');
  return position ? `not valid JSON (at character ${position[1]})` : 'not valid JSON';
}
