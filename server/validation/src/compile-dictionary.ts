/**
 * Turns a resolved dictionary into closures over field positions, once per dictionary, so that
 * checking a record is a loop over a `string[]` with no lookups by name and no object per row.
 */
import type { CheckDefinition, MessageClass, ResolvedDictionary } from './dictionary-types';
import { checkField, compileFieldPlan, type FieldCheck, type FieldPlan, valueDisplay } from './field-checks';
import { conditionalChecks, type CrossCheck, periodCheck, registryRule, type RuleFieldLookup } from './record-rules';

export interface CompiledField {
  name: string;
  required: boolean;
  check: FieldCheck;
  /** The same checks as data, for the record loop (`checkField(plan, …)`, see field-checks.ts). */
  plan: FieldPlan;
  /** How this field's value may appear in a finding (masked when identifying). */
  shown: (raw: string) => string;
}

export interface CompiledDictionary {
  readonly dictionary: ResolvedDictionary;
  readonly fieldNames: readonly string[];
  /** Field position by name; a Map, so names taken from a file never touch an object's prototype. */
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly fields: readonly CompiledField[];
  /** 010_Cond, 020_Period and the registry's own checks, in that order. */
  readonly crossChecks: readonly CrossCheck[];
  readonly keyFields: readonly number[];
  readonly reportKeyFields: readonly number[];
  /** Every check (common and registry-specific) by code. */
  readonly checks: ReadonlyMap<string, CheckDefinition>;
  classOf(code: string): MessageClass;
}

export function compileDictionary(dictionary: ResolvedDictionary): CompiledDictionary {
  const fieldIndex = new Map(dictionary.fields.map((f, i) => [f.name, i]));
  const tables = new Map(dictionary.referenceTables.map((t) => [t.name, t]));
  const checks = new Map<string, CheckDefinition>();
  for (const check of [...dictionary.common.checks, ...dictionary.checks]) checks.set(check.code, check);

  const fields: CompiledField[] = dictionary.fields.map((field) => {
    const table = field.referenceTable === undefined ? undefined : tables.get(field.referenceTable);
    if (field.referenceTable !== undefined && !table) throw new Error(`reference table ${field.referenceTable} not resolved`);
    const shown = valueDisplay(field, dictionary.common.maskedValue);
    const plan = compileFieldPlan(field, table, shown);
    const check: FieldCheck = (value, report, run) => checkField(plan, value, report, run);
    return { name: field.name, required: field.required, check, plan, shown };
  });

  const lookup: RuleFieldLookup = {
    index(name) {
      const at = fieldIndex.get(name);
      if (at === undefined) throw new Error(`${dictionary.registry}/${dictionary.subDelivery}/${dictionary.version}: unknown field ${name}`);
      return at;
    },
    shown: (at) => fields[at]!.shown,
  };
  const crossChecks: CrossCheck[] = [
    ...dictionary.fields.flatMap((f) => conditionalChecks(f, lookup)),
    ...dictionary.fields.filter((f) => f.periodCheck).map((f) => periodCheck(f, lookup)),
    ...dictionary.checks.flatMap((check) => (check.rules ?? []).map((rule) => registryRule(check.code, rule, lookup))),
  ];

  return {
    dictionary,
    fieldNames: dictionary.fields.map((f) => f.name),
    fieldIndex,
    fields,
    crossChecks,
    keyFields: dictionary.primaryKey.map((name) => lookup.index(name)),
    reportKeyFields: dictionary.reportKey.map((name) => lookup.index(name)),
    checks,
    classOf(code) {
      const check = checks.get(code);
      if (!check) throw new Error(`check ${code} is not defined`);
      return check.class;
    },
  };
}
