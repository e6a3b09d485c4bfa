/** What a structural refusal of FHIR input says, in the shape of an OperationOutcome issue. */
export interface FhirIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  /** FHIR IssueType: 'structure', 'required', 'value', 'invalid', 'not-supported', … */
  code: string;
  /** Where: 'Bundle.entry[3].resource.gender' or 'Patient (line 17).gender'. */
  expression: string;
  /** English; never a value from the input (only element names and positions). */
  diagnostics: string;
}

/** The input cannot be converted: the whole submission is refused with these issues. */
export class FhirStructureError extends Error {
  constructor(readonly issues: FhirIssue[]) {
    super(`FHIR input refused: ${issues.map((i) => `${i.expression}: ${i.diagnostics}`).join('; ')}`);
    this.name = 'FhirStructureError';
  }
}

export function structureIssue(expression: string, diagnostics: string, code = 'structure'): FhirIssue {
  return { severity: 'error', code, expression, diagnostics };
}
