/**
 * One field's own checks, compiled once per dictionary: type/format (002_Type), then limits
 * (015_X_Y_EQ) and reference table (001_RefTab), both of which may fire (docs/registries/README.md, order of
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

/** What kind of syntax check a field has; numbers so that `checkField` switches on a small integer. */
const STRING = 0;
const DATE = 1;
const NUMBER = 2;
const CODE = 3;

/**
 * One field's checks as data, interpreted by `checkField`. A closure per field called from the
 * record loop made that call site megamorphic (eleven different functions for CAT), which V8
 * cannot inline; one function over plain data is a monomorphic call with inlinable helpers.
 */
export interface FieldPlan {
  readonly kind: number;
  readonly shown: (raw: string) => string;
  /** The reference table (001_RefTab), or null. */
  readonly codes: CodeSet | null;
  // string
  readonly minLength: number;
  readonly maxLength: number;
  /** Characters allowed by a one-class pattern (see compilePattern), or null. */
  readonly patternClass: SimpleClassPattern | null;
  /** Any other pattern, or null. */
  readonly pattern: ((value: string) => boolean) | null;
  // date
  readonly notAfterDeliveryDate: boolean;
  // integer, decimal
  readonly integer: boolean;
  readonly decimals: number;
  readonly hasLimits: boolean;
  readonly minimum: number;
  readonly maximum: number;
  /** The limits as 015_X_Y_EQ's message shows them. */
  readonly minParam: ParamValue;
  readonly maxParam: ParamValue;
}

export function compileFieldPlan(field: FieldDefinition, table: ReferenceTable | undefined, shown: (raw: string) => string): FieldPlan {
  const c = field.constraints ?? {};
  const kind = { string: STRING, date: DATE, integer: NUMBER, decimal: NUMBER, code: CODE }[field.type];
  const simple = field.type === 'string' && c.pattern !== undefined ? simpleClassPattern(c.pattern) : null;
  return {
    kind,
    shown,
    codes: table ? new CodeSet(table.codes.map((code) => code.code)) : null,
    minLength: field.type === 'string' ? (c.minLength ?? 0) : 0,
    maxLength: field.type === 'string' ? (c.maxLength ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
    patternClass: simple,
    pattern: field.type === 'string' && c.pattern !== undefined && simple === null ? compilePattern(c.pattern) : null,
    notAfterDeliveryDate: field.type === 'date' && c.notAfterDeliveryDate === true,
    integer: field.type === 'integer',
    decimals: c.decimals ?? 2,
    // Limits apply to numbers only (015_X_Y_EQ).
    hasLimits: kind === NUMBER && (c.minimum !== undefined || c.maximum !== undefined),
    minimum: c.minimum ?? Number.NEGATIVE_INFINITY,
    maximum: c.maximum ?? Number.POSITIVE_INFINITY,
    minParam: c.minimum ?? '-∞',
    maxParam: c.maximum ?? '∞',
  };
}

/**
 * Checks a non-empty value: type/format (002_Type, which stops the field), then limits
 * (015_X_Y_EQ) and reference table (001_RefTab), both of which may fire. Returns whether the field
 * passed all its own checks.
 */
export function checkField(plan: FieldPlan, value: string, report: FieldReporter, run: FieldRunContext): boolean {
  let passed = true;
  switch (plan.kind) {
    case CODE:
      break;
    case NUMBER: {
      // The syntax scan gives the value too, so limits need no `Number()` (a runtime call per value).
      const n = plan.integer ? parseInteger(value) : parseDecimal(value, plan.decimals);
      if (Number.isNaN(n)) return typeError(plan, value, report);
      if (plan.hasLimits && !(n >= plan.minimum && n <= plan.maximum)) {
        report('015_X_Y_EQ', { value: plan.shown(value), min: plan.minParam, max: plan.maxParam });
        passed = false;
      }
      break;
    }
    case DATE:
      if (Number.isNaN(parseDateYear(value))) return typeError(plan, value, report);
      // CAT 1.4 OperatieDatum: "YYYY-MM-DD, not after the delivery date" is part of its format.
      if (plan.notAfterDeliveryDate && run.deliveryDate !== null && value > run.deliveryDate) return typeError(plan, value, report);
      break;
    default:
      // UTF-16 length bounds the code point length from above and from below (by half).
      if (value.length > plan.maxLength || value.length < plan.minLength) {
        const length = codePointLength(value);
        if (length > plan.maxLength || length < plan.minLength) return typeError(plan, value, report);
      }
      if (plan.patternClass !== null && !matchesClass(plan.patternClass, value)) return typeError(plan, value, report);
      if (plan.pattern !== null && !plan.pattern(value)) return typeError(plan, value, report);
  }
  if (plan.codes !== null && !plan.codes.has(value)) {
    report('001_RefTab', { value: plan.shown(value) });
    passed = false;
  }
  return passed;
}

function typeError(plan: FieldPlan, value: string, report: FieldReporter): false {
  report('002_Type', { value: plan.shown(value) });
  return false;
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
  if (simple !== null) return (value) => matchesClass(simple, value);
  const regex = new RegExp(`^(?:${pattern})$`, 'u');
  return (value) => regex.test(value);
}

export interface SimpleClassPattern {
  /** 1 for each allowed ASCII character. */
  allowed: Uint8Array;
  min: number;
  max: number;
}

function matchesClass({ allowed, min, max }: SimpleClassPattern, value: string): boolean {
  if (value.length < min || value.length > max) return false;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 128 || allowed[unit] === 0) return false;
  }
  return true;
}

const SIMPLE_CLASS = /^\[([ -Z_-~]+)\](?:([+*?])|\{([0-9]{1,4})(?:(,)([0-9]{1,4})?)?\})?$/;

/** `[class]quantifier` with printable ASCII other than `\\`, `[`, `]`, `^` in the class; else null. */
function simpleClassPattern(pattern: string): SimpleClassPattern | null {
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
