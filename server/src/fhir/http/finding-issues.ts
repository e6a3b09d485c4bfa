import { type Finding, type MessageClass, renderFindingMessage, type ResolvedDictionary } from '@datahub/validation';
import type { Language } from '../../common/messages';
import type { StoredLine } from '../../reports/report.service';
import { fieldExpression, type RecordLocator } from '../conversion';
import { CHECK_SYSTEM, type IssueSeverity, type OutcomeIssue } from './operation-outcome';

/**
 * Severity from the engine's classes (docs/registries/README.md#report-lines): BF rejects the whole
 * file (fatal), F and TF reject the record (error), W, BW and TW are warnings.
 */
const SEVERITY: Record<MessageClass, IssueSeverity> = { BF: 'fatal', F: 'error', TF: 'error', W: 'warning', BW: 'warning', TW: 'warning' };

/** IssueType from the kind of check: the common codes by name, a registry's own rules as business rules. */
const ISSUE_TYPE: Record<string, string> = {
  '000_Req': 'required',
  '010_Cond': 'required',
  '002_Type': 'value',
  '015_X_Y_EQ': 'value',
  '001_RefTab': 'code-invalid',
  '005': 'duplicate',
  '020_Period': 'business-rule',
  T01: 'conflict',
  T02: 'conflict',
};

function issueType(code: string, klass: MessageClass): string {
  return ISSUE_TYPE[code] ?? (klass.startsWith('B') ? 'structure' : 'business-rule');
}

/**
 * A report line as an OperationOutcome issue: its message in the caller's language as diagnostics,
 * the check code as details.coding, and where the value came from as the FHIRPath of the resource
 * element (the mapping's expression for that record's resources) when the line is about a field.
 */
export function findingIssue(line: StoredLine, dictionary: ResolvedDictionary, language: Language, locator: RecordLocator | null): OutcomeIssue {
  const klass = line.class as MessageClass;
  const finding: Finding = {
    recordNumber: line.record_number,
    code: line.code,
    class: klass,
    field: line.field,
    params: line.params,
    keyValues: line.key_values,
  };
  const message = renderFindingMessage(finding, dictionary, language);
  const expression = line.field && locator ? fieldExpression(dictionary, line.field, locator) : null;
  return {
    severity: SEVERITY[klass] ?? 'error',
    code: issueType(line.code, klass),
    details: { coding: [{ system: CHECK_SYSTEM, code: line.code }], text: message },
    diagnostics: message,
    ...(expression ? { expression: [expression] } : {}),
  };
}
