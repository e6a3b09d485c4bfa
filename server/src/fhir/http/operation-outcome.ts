import type { Response } from 'express';
import { RefusalCode, type Refusal } from '../../kernel/refusal';

/** FHIR R4 OperationOutcome.issue.severity. */
export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** One OperationOutcome.issue (R4): only the elements the endpoint fills. */
export interface OutcomeIssue {
  severity: IssueSeverity;
  /** R4 IssueType (http://hl7.org/fhir/issue-type). */
  code: string;
  details?: { coding?: Coding[]; text?: string };
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OutcomeIssue[];
}

/** The media type of every FHIR answer of this endpoint (R4 JSON). */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Where the hub's own codes live: refusal codes and the dictionaries' check codes. */
export const REFUSAL_SYSTEM = 'https://registry-datahub.example/fhir/CodeSystem/refusal';
export const CHECK_SYSTEM = 'https://registry-datahub.example/fhir/CodeSystem/check';

export function operationOutcome(issues: OutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** Sends a FHIR resource as JSON, never kept by a cache (answers name deliveries and their findings). */
export function sendFhir(response: Response, status: number, resource: object): void {
  response.status(status).setHeader('Cache-Control', 'no-store');
  response.type(FHIR_JSON).send(JSON.stringify(resource));
}

/** One error issue with its text both as details and as diagnostics. */
export function errorOutcome(code: string, text: string, coding?: Coding): OperationOutcome {
  return operationOutcome([{ severity: 'error', code, details: { ...(coding ? { coding: [coding] } : {}), text }, diagnostics: text }]);
}

/**
 * The HTTP status and IssueType of a refusal of the target (the same refusals as an upload's):
 * not the caller's (403), unknown (404), against the institution's current state or channel (409),
 * or a rule about the submission itself (422).
 */
const REFUSAL_STATUS: Partial<Record<RefusalCode, [number, string]>> = {
  [RefusalCode.FORBIDDEN]: [403, 'forbidden'],
  [RefusalCode.NOT_FOUND]: [404, 'not-found'],
  [RefusalCode.UNKNOWN_VERSION]: [404, 'not-found'],
  [RefusalCode.UNKNOWN_UNIT]: [404, 'not-found'],
  [RefusalCode.UNKNOWN_INSTITUTION]: [404, 'not-found'],
  [RefusalCode.CHANNEL_NOT_ACTIVE]: [409, 'conflict'],
  [RefusalCode.INSTITUTION_MERGED]: [409, 'conflict'],
  [RefusalCode.INSTITUTION_INACTIVE]: [409, 'conflict'],
  [RefusalCode.UNIT_CLOSED]: [409, 'conflict'],
  [RefusalCode.DELIVERY_FIELDS_MISSING]: [400, 'required'],
  [RefusalCode.FILE_TOO_LARGE]: [413, 'too-long'],
  [RefusalCode.UPLOAD_ABORTED]: [400, 'incomplete'],
};

export function refusalStatus(code: RefusalCode): { status: number; issueCode: string } {
  const [status, issueCode] = REFUSAL_STATUS[code] ?? [422, 'business-rule'];
  return { status, issueCode };
}

/** A refusal as an OperationOutcome: its message in the caller's language, its code as details.coding. */
export function refusalOutcome(refusal: Refusal): { status: number; outcome: OperationOutcome } {
  const { status, issueCode } = refusalStatus(refusal.code);
  return { status, outcome: errorOutcome(issueCode, refusal.message, { system: REFUSAL_SYSTEM, code: refusal.code }) };
}
