/**
 * What a JSON Schema cannot say about a dictionary: names that refer to other names (fields,
 * reference tables, codes), constraints that fit the field's type, rules that read fields of the
 * right type, and message templates that only use parameters the rule provides (so a template can
 * never ask for a value the engine would not, or must not, give).
 */
import type { CommonChecks, DictionaryDefinition, FieldDefinition, FieldType, ReferenceTable, RuleDefinition } from '@datahub/validation';
import { DictionaryFileError, type DocumentProblem } from './dictionary-files-schema';

/** Codes the engine itself emits; common/checks.json must define each (docs/registries/README.md#common-checks). */
export const ENGINE_CODES = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', '000_Req', '002_Type', '001_RefTab', '015_X_Y_EQ', '005', '010_Cond', '020_Period', 'T01', 'T02'];

type Problem = DocumentProblem;

export function checkCommonChecks(file: string, common: CommonChecks): void {
  const codes = new Set(common.checks.map((c) => c.code));
  const missing = ENGINE_CODES.find((code) => !codes.has(code));
  if (missing) throw new DictionaryFileError(file, '/checks', `common check ${missing} is missing`);
}

export function checkReferenceTable(file: string, table: ReferenceTable, expectedName: string): void {
  if (table.name !== expectedName) throw new DictionaryFileError(file, '/name', `table name ${table.name} differs from the file name ${expectedName}.json`);
  const first = referenceTableProblems(table)[0];
  if (first) throw new DictionaryFileError(file, first[0], first[1]);
}

/** A reference table's own problems (a code twice), paths inside the table. */
export function referenceTableProblems(table: ReferenceTable): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  table.codes.forEach((entry, i) => {
    if (seen.has(entry.code)) problems.push([`/codes/${i}/code`, `code ${entry.code} occurs twice`]);
    seen.add(entry.code);
  });
  return problems;
}

/** Allowed parameters per rule kind; `field` is always available. */
function ruleParams(rule: RuleDefinition): string[] {
  switch (rule.kind) {
    case 'yearNotAfterYearOf':
    case 'emptyWhen':
      return ['field', 'value'];
    case 'ageAtMostYears':
      return ['field', 'age'];
    case 'dateNotBefore':
      return rule.otherValueParam ? ['field', 'value', rule.otherValueParam] : ['field', 'value'];
    case 'elevenTest':
      return ['field'];
  }
}

/** Fields a rule reads, with the type each must have and its JSON path below the rule. */
function ruleReads(rule: RuleDefinition): Array<[name: string, types: FieldType[], path: string]> {
  switch (rule.kind) {
    case 'yearNotAfterYearOf':
      return [[rule.field, ['integer'], 'field'], [rule.dateField, ['date'], 'dateField']];
    case 'ageAtMostYears':
      return [[rule.birthYearField, ['integer'], 'birthYearField'], [rule.dateField, ['date'], 'dateField']];
    case 'dateNotBefore':
      return [[rule.field, ['date'], 'field'], [rule.otherField, ['date'], 'otherField']];
    case 'elevenTest':
      return [[rule.field, ['string'], 'field']];
    case 'emptyWhen':
      return [[rule.field, ['string', 'integer', 'decimal', 'date', 'code'], 'field'], [rule.when.field, ['string', 'integer', 'decimal', 'date', 'code'], 'when/field']];
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const CONSTRAINT_TYPES: Record<string, FieldType[]> = {
  minLength: ['string'], maxLength: ['string'], pattern: ['string'],
  minimum: ['integer', 'decimal'], maximum: ['integer', 'decimal'], decimals: ['decimal'],
  notAfterDeliveryDate: ['date'],
};

function fieldProblems(field: FieldDefinition, i: number, names: Map<string, FieldDefinition>, tables: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(field.constraints ?? {})) {
    if (!CONSTRAINT_TYPES[key]!.includes(field.type)) problems.push([`/fields/${i}/constraints/${key}`, `not allowed on a ${field.type} field`]);
  }
  if (field.referenceTable !== undefined && !tables.has(field.referenceTable)) {
    problems.push([`/fields/${i}/referenceTable`, `reference table ${field.referenceTable} not found beside the dictionary or in common/reference-tables`]);
  }
  for (const key of ['requiredWhen', 'emptyWhen'] as const) {
    const other = field[key]?.field;
    if (other !== undefined && (!names.has(other) || other === field.name)) problems.push([`/fields/${i}/${key}/field`, `unknown field ${other}`]);
  }
  if (field.periodCheck && field.type !== 'date') problems.push([`/fields/${i}/periodCheck`, 'only a date field can be checked against the period']);
  return problems;
}

function keyProblems(dictionary: DictionaryDefinition, names: Map<string, FieldDefinition>): Problem[] {
  const problems: Problem[] = [];
  dictionary.primaryKey.forEach((name, i) => { if (!names.has(name)) problems.push([`/primaryKey/${i}`, `unknown field ${name}`]); });
  dictionary.reportKey.forEach((name, i) => {
    if (!names.has(name)) problems.push([`/reportKey/${i}`, `unknown field ${name}`]);
    else if (names.get(name)!.identifying) problems.push([`/reportKey/${i}`, `${name} is identifying and may not be printed with report lines`]);
  });
  return problems;
}

function checkProblems(dictionary: DictionaryDefinition, names: Map<string, FieldDefinition>, commonCodes: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const codes = new Set<string>();
  dictionary.checks.forEach((check, c) => {
    if (commonCodes.has(check.code) || codes.has(check.code)) problems.push([`/checks/${c}/code`, `code ${check.code} is already defined`]);
    codes.add(check.code);
    const allowed = new Set((check.rules ?? []).flatMap(ruleParams));
    for (const language of ['nl', 'en'] as const) {
      const unknown = placeholders(check.message[language]).find((p) => !allowed.has(p));
      if (unknown) problems.push([`/checks/${c}/message/${language}`, `placeholder {${unknown}} is not a parameter of this check's rules`]);
    }
    (check.rules ?? []).forEach((rule, r) => {
      for (const [name, types, path] of ruleReads(rule)) {
        const field = names.get(name);
        if (!field) problems.push([`/checks/${c}/rules/${r}/${path}`, `unknown field ${name}`]);
        else if (!types.includes(field.type)) problems.push([`/checks/${c}/rules/${r}/${path}`, `${name} is a ${field.type} field; ${rule.kind} needs ${types.join(' or ')}`]);
      }
    });
  });
  return problems;
}

/**
 * A FHIR mapping's names that must agree: its fields are dictionary fields, and every resource type it
 * finds (the focus, each alias) has a `reads` entry (anything else is discarded whole). Whether its
 * FHIRPath expressions parse is checked where they are compiled (server/src/fhir/conversion).
 */
function fhirProblems(dictionary: DictionaryDefinition, names: Map<string, FieldDefinition>): Problem[] {
  const fhir = dictionary.fhir;
  if (!fhir) return [];
  const problems: Problem[] = [];
  for (const name of Object.keys(fhir.fields)) {
    if (!names.has(name)) problems.push([`/fhir/fields/${name}`, `unknown field ${name}`]);
  }
  if (!fhir.reads[fhir.focus]) problems.push(['/fhir/reads', `the focus type ${fhir.focus} has no reads`]);
  for (const [alias, link] of Object.entries(fhir.resources)) {
    if (!fhir.reads[link.type]) problems.push([`/fhir/resources/${alias}/type`, `${link.type} has no reads`]);
    if ('referencedBy' in link && !fhir.reads[link.type]?.includes(link.referencedBy)) {
      problems.push([`/fhir/resources/${alias}/referencedBy`, `${link.type}.${link.referencedBy} is not in reads`]);
    }
  }
  return problems;
}

/** Throws at the first inconsistency, naming the file and the JSON path. */
export function checkDictionaryIntegrity(file: string, dictionary: DictionaryDefinition, tables: ReadonlySet<string>, common: CommonChecks): void {
  const first = dictionaryIntegrityProblems(dictionary, tables, common)[0];
  if (first) throw new DictionaryFileError(file, first[0], first[1]);
}

/** Every inconsistency of a dictionary that passed its schema, each with its JSON Pointer. */
export function dictionaryIntegrityProblems(dictionary: DictionaryDefinition, tables: ReadonlySet<string>, common: CommonChecks): Problem[] {
  const names = new Map<string, FieldDefinition>();
  const problems: Problem[] = [];
  dictionary.fields.forEach((field, i) => {
    if (names.has(field.name)) problems.push([`/fields/${i}/name`, `field ${field.name} occurs twice`]);
    names.set(field.name, field);
  });
  dictionary.fields.forEach((field, i) => problems.push(...fieldProblems(field, i, names, tables)));
  problems.push(...keyProblems(dictionary, names));
  problems.push(...checkProblems(dictionary, names, new Set(common.checks.map((c) => c.code))));
  problems.push(...fhirProblems(dictionary, names));
  if (dictionary.xml && dictionary.xml.rootElement === dictionary.xml.recordElement) problems.push(['/xml/recordElement', 'record element must differ from the root element']);
  return problems;
}
