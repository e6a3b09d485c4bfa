/**
 * One field's own checks, compiled once per dictionary: type/format (002_Type), then limits
 * (015_X_Y_EQ) and reference table (001_RefTab), both of which may fire (specs/README.md, order of
 * checks; CAT 1.4: "A value both outside [0, 3] and absent from VISUS gets both lines").
 * Required (000_Req) is handled by the record validator, which sees the empty value first.
 */
import type { FieldDefinition, ReferenceTable } from './dictionary-types';
import type { ParamValue } from './findings';
import { codePointLength, decimalMatcher, parseDateYear, parseInteger } from './field-values';

/** Where a field check reports: a code and its parameters (values already masked by `shown`). */
export type FieldReporter = (code: string, params: Record<string, ParamValue>) => void;

export interface FieldRunContext {
  /** The delivery date `YYYY-MM-DD`, for `notAfterDeliveryDate`; unchecked when null. */
  deliveryDate: string | null;
}

/** Checks a non-empty value; returns true when the field passed all its own checks. */
export type FieldCheck = (value: string, report: FieldReporter, run: FieldRunContext) => boolean;

const MAX_SHOWN_LENGTH = 100;

/**
 * How a value may appear in a finding: identifying values never (specs PMICD 2018.0.5: "report
 * lines never print their values"), others cut to a readable length.
 */
export function valueDisplay(field: FieldDefinition, maskedValue: string): (raw: string) => string {
  if (field.identifying) return () => maskedValue;
  return (raw) => (raw.length > MAX_SHOWN_LENGTH ? `${raw.slice(0, MAX_SHOWN_LENGTH)}…` : raw);
}

export function compileFieldCheck(
  field: FieldDefinition,
  table: ReferenceTable | undefined,
  shown: (raw: string) => string,
): FieldCheck {
  const syntax = compileSyntax(field, shown);
  const limits = compileLimits(field, shown);
  const codes = table ? new Set(table.codes.map((c) => c.code)) : null;
  return (value, report, run) => {
    if (!syntax(value, report, run)) return false;
    let passed = true;
    if (limits !== null && !limits(value, report)) passed = false;
    if (codes !== null && !codes.has(value)) {
      report('001_RefTab', { value: shown(value) });
      passed = false;
    }
    return passed;
  };
}

type SyntaxCheck = (value: string, report: FieldReporter, run: FieldRunContext) => boolean;

function compileSyntax(field: FieldDefinition, shown: (raw: string) => string): SyntaxCheck {
  const c = field.constraints ?? {};
  const typeError = (value: string, report: FieldReporter): false => {
    report('002_Type', { value: shown(value) });
    return false;
  };
  switch (field.type) {
    case 'integer':
      return (value, report) => !Number.isNaN(parseInteger(value)) || typeError(value, report);
    case 'decimal': {
      const matcher = decimalMatcher(c.decimals ?? 2);
      return (value, report) => matcher.test(value) || typeError(value, report);
    }
    case 'date':
      return (value, report, run) => {
        if (Number.isNaN(parseDateYear(value))) return typeError(value, report);
        // CAT 1.4 OperatieDatum: "YYYY-MM-DD, not after the delivery date" is part of its format.
        if (c.notAfterDeliveryDate && run.deliveryDate !== null && value > run.deliveryDate) return typeError(value, report);
        return true;
      };
    case 'string':
      return compileStringSyntax(field, typeError);
    case 'code':
      return () => true;
  }
}

function compileStringSyntax(
  field: FieldDefinition,
  typeError: (value: string, report: FieldReporter) => false,
): SyntaxCheck {
  const c = field.constraints ?? {};
  const min = c.minLength ?? 0;
  const max = c.maxLength ?? Number.POSITIVE_INFINITY;
  const pattern = c.pattern === undefined ? null : new RegExp(`^(?:${c.pattern})$`, 'u');
  return (value, report) => {
    // UTF-16 length bounds the code point length from above and from below (by half).
    if (value.length > max || value.length < min) {
      const length = codePointLength(value);
      if (length > max || length < min) return typeError(value, report);
    }
    if (pattern !== null && !pattern.test(value)) return typeError(value, report);
    return true;
  };
}

function compileLimits(
  field: FieldDefinition,
  shown: (raw: string) => string,
): ((value: string, report: FieldReporter) => boolean) | null {
  const c = field.constraints ?? {};
  if (c.minimum === undefined && c.maximum === undefined) return null;
  if (field.type !== 'integer' && field.type !== 'decimal') return null;
  const min = c.minimum ?? Number.NEGATIVE_INFINITY;
  const max = c.maximum ?? Number.POSITIVE_INFINITY;
  const params = { min: c.minimum ?? '-∞', max: c.maximum ?? '∞' };
  return (value, report) => {
    const n = Number(value);
    if (n >= min && n <= max) return true;
    report('015_X_Y_EQ', { value: shown(value), ...params });
    return false;
  };
}
