/**
 * One field's own checks, compiled once per dictionary: type/format (002_Type), then limits
 * (015_X_Y_EQ) and reference table (001_RefTab), both of which may fire (specs/README.md, order of
 * checks; CAT 1.4: "A value both outside [0, 3] and absent from VISUS gets both lines").
 * Required (000_Req) is handled by the record validator, which sees the empty value first.
 */
import type { FieldDefinition, ReferenceTable } from './dictionary-types';
import type { ParamValue } from './findings';
import { CodeSet } from './code-set';
import { codePointLength, parseDateYear, parseDecimal, parseInteger } from './field-values';

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
  const codes = table ? new CodeSet(table.codes.map((c) => c.code)) : null;
  const refTab = (value: string, report: FieldReporter): boolean => {
    if (codes === null || codes.has(value)) return true;
    report('001_RefTab', { value: shown(value) });
    return false;
  };
  const typeError = (value: string, report: FieldReporter): false => {
    report('002_Type', { value: shown(value) });
    return false;
  };
  if (field.type === 'integer' || field.type === 'decimal') return compileNumberCheck(field, shown, refTab, typeError);
  const syntax = compileSyntax(field, typeError);
  if (codes === null) return syntax;
  return (value, report, run) => syntax(value, report, run) && refTab(value, report);
}

/**
 * Integers and decimals: the syntax scan gives the value too, so limits need no `Number()` (a
 * runtime call per value). Limits (015_X_Y_EQ) and reference table (001_RefTab) may both fire
 * (CAT 1.4: "A value both outside [0, 3] and absent from VISUS gets both lines").
 */
function compileNumberCheck(
  field: FieldDefinition,
  shown: (raw: string) => string,
  refTab: (value: string, report: FieldReporter) => boolean,
  typeError: (value: string, report: FieldReporter) => false,
): FieldCheck {
  const c = field.constraints ?? {};
  const decimals = c.decimals ?? 2;
  const isInteger = field.type === 'integer';
  const hasLimits = c.minimum !== undefined || c.maximum !== undefined;
  const min = c.minimum ?? Number.NEGATIVE_INFINITY;
  const max = c.maximum ?? Number.POSITIVE_INFINITY;
  const params = { min: c.minimum ?? '-∞', max: c.maximum ?? '∞' };
  return (value, report) => {
    const n = isInteger ? parseInteger(value) : parseDecimal(value, decimals);
    if (Number.isNaN(n)) return typeError(value, report);
    let passed = true;
    if (hasLimits && !(n >= min && n <= max)) {
      report('015_X_Y_EQ', { value: shown(value), ...params });
      passed = false;
    }
    return refTab(value, report) && passed;
  };
}

type SyntaxCheck = (value: string, report: FieldReporter, run: FieldRunContext) => boolean;

/** Type/format of dates, strings and codes (002_Type); numbers are compileNumberCheck's. */
function compileSyntax(field: FieldDefinition, typeError: (value: string, report: FieldReporter) => false): SyntaxCheck {
  const c = field.constraints ?? {};
  switch (field.type) {
    case 'date': {
      if (!c.notAfterDeliveryDate) return (value, report) => !Number.isNaN(parseDateYear(value)) || typeError(value, report);
      return (value, report, run) => {
        if (Number.isNaN(parseDateYear(value))) return typeError(value, report);
        // CAT 1.4 OperatieDatum: "YYYY-MM-DD, not after the delivery date" is part of its format.
        if (run.deliveryDate !== null && value > run.deliveryDate) return typeError(value, report);
        return true;
      };
    }
    case 'string':
      return compileStringSyntax(field, typeError);
    case 'code':
    case 'integer':
    case 'decimal':
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
  const pattern = c.pattern === undefined ? null : compilePattern(c.pattern);
  return (value, report) => {
    // UTF-16 length bounds the code point length from above and from below (by half).
    if (value.length > max || value.length < min) {
      const length = codePointLength(value);
      if (length > max || length < min) return typeError(value, report);
    }
    if (pattern !== null && !pattern(value)) return typeError(value, report);
    return true;
  };
}

/**
 * A dictionary pattern as a matcher of the whole value, with the semantics of
 * `new RegExp(`^(?:${pattern})$`, 'u')`. The usual form, one ASCII character class with a
 * quantifier (`[A-Za-z0-9]+`, `[0-9]{4,6}`), becomes a table lookup per character: several times
 * faster than a Unicode RegExp and equivalent, because under the `u` flag a class of ASCII
 * characters matches no other code point. Anything else stays a RegExp.
 */
export function compilePattern(pattern: string): (value: string) => boolean {
  const simple = simpleClassPattern(pattern);
  if (simple === null) {
    const regex = new RegExp(`^(?:${pattern})$`, 'u');
    return (value) => regex.test(value);
  }
  const { allowed, min, max } = simple;
  return (value) => {
    if (value.length < min || value.length > max) return false;
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      if (unit >= 128 || allowed[unit] === 0) return false;
    }
    return true;
  };
}

const SIMPLE_CLASS = /^\[([ -Z_-~]+)\](?:([+*?])|\{([0-9]{1,4})(?:(,)([0-9]{1,4})?)?\})?$/;

/** `[class]quantifier` with printable ASCII other than `\\`, `[`, `]`, `^` in the class; else null. */
function simpleClassPattern(pattern: string): { allowed: Uint8Array; min: number; max: number } | null {
  const match = SIMPLE_CLASS.exec(pattern);
  if (match === null) return null;
  const [, members, symbol, low, comma, high] = match as unknown as [string, string, string?, string?, string?, string?];
  const allowed = new Uint8Array(128);
  for (let i = 0; i < members.length; i++) {
    const from = members.charCodeAt(i);
    // `a-z` is a range; a `-` first or last is itself.
    if (i + 2 < members.length && members.charCodeAt(i + 1) === 45) {
      const to = members.charCodeAt(i + 2);
      if (to < from) return null; // RegExp would throw; let it
      for (let u = from; u <= to; u++) allowed[u] = 1;
      i += 2;
    } else allowed[from] = 1;
  }
  let min = 1;
  let max = 1;
  if (symbol === '+') max = Number.POSITIVE_INFINITY;
  else if (symbol === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
  else if (symbol === '?') min = 0;
  else if (low !== undefined) {
    min = Number(low);
    max = comma === undefined ? min : high === undefined ? Number.POSITIVE_INFINITY : Number(high);
    if (max < min) return null; // RegExp would throw; let it
  }
  return { allowed, min, max };
}
