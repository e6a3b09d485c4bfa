/**
 * Cross-field checks: the registry-specific rule kinds of the dictionary format, plus the common
 * 010_Cond (conditionally required / must be empty) and 020_Period. docs/registries/README.md#order-of-checks: "a cross-field
 * check runs only when every field it reads passed its own checks" — the record validator enforces
 * that through `reads`; a rule here only sees fields that are empty-and-allowed or valid.
 */
import type { FieldCondition, FieldDefinition, RuleDefinition } from './dictionary-types';
import type { ParamValue } from './findings';
import { numberOf, passesElevenTest, yearOfValidDate } from './field-values';

/** The delivery's period; `start`/`end` are `YYYY-MM-DD`. Null dates mean TOTAAL (no 020_Period). */
export interface PeriodOption {
  code: string;
  start: string | null;
  end: string | null;
}

export interface RuleRunContext {
  period: PeriodOption | null;
}

export interface CrossCheck {
  code: string;
  /** The field the finding is about. */
  field: number;
  /** Fields that must have passed their own checks for this check to run. */
  reads: number[];
  /** Parameters of the finding when the check fires, else null. */
  evaluate(cells: readonly string[], run: RuleRunContext): Record<string, ParamValue> | null;
}

/** What the rules need to know about the dictionary's fields. */
export interface RuleFieldLookup {
  index(name: string): number;
  shown(index: number): (raw: string) => string;
}

type ConditionTest = (cells: readonly string[]) => boolean;

function conditionTest(condition: FieldCondition, at: number): ConditionTest {
  if ('equals' in condition) {
    const expected = condition.equals;
    return (cells) => cells[at] === expected;
  }
  return (cells) => cells[at] !== '';
}

function conditionParams(condition: FieldCondition): Record<string, ParamValue> {
  return 'equals' in condition
    ? { conditionKind: 'equals', conditionField: condition.field, conditionValue: condition.equals }
    : { conditionKind: 'filled', conditionField: condition.field };
}

/** 010_Cond for one field (CAT 1.4 ComplicatieType; MMY IKNL 2.1 Behandellijn1, DatumOverlijden). */
export function conditionalChecks(field: FieldDefinition, lookup: RuleFieldLookup): CrossCheck[] {
  const target = lookup.index(field.name);
  const checks: CrossCheck[] = [];
  if (field.requiredWhen) {
    const at = lookup.index(field.requiredWhen.field);
    const holds = conditionTest(field.requiredWhen, at);
    const params = { variant: 'required', ...conditionParams(field.requiredWhen) };
    checks.push({
      code: '010_Cond',
      field: target,
      reads: [target, at],
      evaluate: (cells) => (cells[target] === '' && holds(cells) ? params : null),
    });
  }
  if (field.emptyWhen) {
    const at = lookup.index(field.emptyWhen.field);
    const holds = conditionTest(field.emptyWhen, at);
    const params = { variant: 'mustBeEmpty', ...conditionParams(field.emptyWhen) };
    checks.push({
      code: '010_Cond',
      field: target,
      reads: [target, at],
      evaluate: (cells) => (cells[target] !== '' && holds(cells) ? params : null),
    });
  }
  return checks;
}

/** 020_Period: the record's date outside the delivery's period, except for TOTAAL (W). */
export function periodCheck(field: FieldDefinition, lookup: RuleFieldLookup): CrossCheck {
  const at = lookup.index(field.name);
  const shown = lookup.shown(at);
  return {
    code: '020_Period',
    field: at,
    reads: [at],
    evaluate: (cells, run) => {
      const value = cells[at]!;
      const period = run.period;
      if (value === '' || period === null || period.start === null || period.end === null) return null;
      return value < period.start || value > period.end ? { value: shown(value), period: period.code } : null;
    },
  };
}

/** A registry-specific rule (the `rules` of a dictionary check) as a cross check under `code`. */
export function registryRule(code: string, rule: RuleDefinition, lookup: RuleFieldLookup): CrossCheck {
  switch (rule.kind) {
    case 'yearNotAfterYearOf': {
      const [year, date] = [lookup.index(rule.field), lookup.index(rule.dateField)];
      const shown = lookup.shown(year);
      return {
        code,
        field: year,
        reads: [year, date],
        // `reads` guarantees both passed their own checks: an integer and a valid date, or empty.
        evaluate: (cells) => {
          const y = cells[year]!;
          const d = cells[date]!;
          return y !== '' && d !== '' && numberOf(y) > yearOfValidDate(d) ? { value: shown(y) } : null;
        },
      };
    }
    case 'ageAtMostYears': {
      const [birthYear, date] = [lookup.index(rule.birthYearField), lookup.index(rule.dateField)];
      const maxYears = rule.maxYears;
      return {
        code,
        field: birthYear,
        reads: [birthYear, date],
        evaluate: (cells) => {
          const y = cells[birthYear]!;
          const d = cells[date]!;
          if (y === '' || d === '') return null;
          const age = yearOfValidDate(d) - numberOf(y);
          return age > maxYears ? { age } : null;
        },
      };
    }
    case 'dateNotBefore':
      return dateNotBefore(code, rule, lookup);
    case 'elevenTest': {
      const at = lookup.index(rule.field);
      // PMICD 2018.0.5, 040_BSN: the message never prints the value, so the finding carries none.
      return {
        code,
        field: at,
        reads: [at],
        evaluate: (cells) => (cells[at] !== '' && !passesElevenTest(cells[at]!) ? {} : null),
      };
    }
    case 'emptyWhen': {
      const at = lookup.index(rule.field);
      const conditionAt = lookup.index(rule.when.field);
      const holds = conditionTest(rule.when, conditionAt);
      const shown = lookup.shown(at);
      return {
        code,
        field: at,
        reads: [at, conditionAt],
        evaluate: (cells) => (cells[at] !== '' && holds(cells) ? { value: shown(cells[at]!) } : null),
      };
    }
  }
}

function dateNotBefore(code: string, rule: Extract<RuleDefinition, { kind: 'dateNotBefore' }>, lookup: RuleFieldLookup): CrossCheck {
  const [at, other] = [lookup.index(rule.field), lookup.index(rule.otherField)];
  const [shown, shownOther] = [lookup.shown(at), lookup.shown(other)];
  const otherParam = rule.otherValueParam;
  return {
    code,
    field: at,
    reads: [at, other],
    evaluate: (cells) => {
      const value = cells[at]!;
      const otherValue = cells[other]!;
      if (value === '' || otherValue === '' || value >= otherValue) return null;
      return otherParam === undefined ? { value: shown(value) } : { value: shown(value), [otherParam]: shownOther(otherValue) };
    },
  };
}
