/**
 * The data dictionary format (`dictionaries/dictionary.schema.json`, documented in
 * `dictionaries/README.md`) as TypeScript types. Plain data only: no Node imports, so the console
 * can use the same types and engine in the browser.
 */

export type Language = 'nl' | 'en';

/** A text in Dutch (shown first) and English. */
export interface LocalizedText {
  nl: string;
  en: string;
}

/** docs/registries/README.md#message-classes */
export type MessageClass = 'F' | 'W' | 'BF' | 'BW' | 'TF' | 'TW';

export const MESSAGE_CLASSES: readonly MessageClass[] = ['F', 'W', 'BF', 'BW', 'TF', 'TW'];

export type FieldType = 'string' | 'integer' | 'decimal' | 'date' | 'code';

export type FileFormat = 'csv' | 'xml';

/** A condition on another field of the same record, e.g. `Complicatie = J` (CAT 1.4). */
export type FieldCondition = { field: string; equals: string } | { field: string; filled: true };

export interface FieldConstraints {
  /** Length in characters (Unicode code points). */
  minLength?: number;
  maxLength?: number;
  /** A regular expression the whole value must match (anchors implied). */
  pattern?: string;
  /** Numeric limits, inclusive; outside them gives 015_X_Y_EQ. */
  minimum?: number;
  maximum?: number;
  /** Exact number of decimals of a decimal field (docs/registries/README.md#values). */
  decimals?: number;
  /** A date not after the delivery date (CAT 1.4 OperatieDatum); reported as 002_Type. */
  notAfterDeliveryDate?: boolean;
}

export interface FieldDefinition {
  name: string;
  label: LocalizedText;
  type: FieldType;
  required: boolean;
  /** Conditionally required (010_Cond). */
  requiredWhen?: FieldCondition;
  /** Must be empty (010_Cond). */
  emptyWhen?: FieldCondition;
  constraints?: FieldConstraints;
  /** What 002_Type says is expected; derived from type and constraints when absent. */
  formatDescription?: LocalizedText;
  referenceTable?: string;
  /** Personal data (BSN, names): never shown, logged or stored in clear. */
  identifying?: boolean;
  /** The record's date that 020_Period compares with the delivery's period. */
  periodCheck?: boolean;
  notes?: LocalizedText;
}

/** Registry-specific checks: the rule as data, one named kind each (see record-rules.ts). */
export type RuleDefinition =
  | { kind: 'yearNotAfterYearOf'; field: string; dateField: string }
  | { kind: 'ageAtMostYears'; birthYearField: string; dateField: string; maxYears: number }
  | { kind: 'dateNotBefore'; field: string; otherField: string; otherValueParam?: string }
  | { kind: 'elevenTest'; field: string }
  | { kind: 'emptyWhen'; field: string; when: FieldCondition };

export type RuleKind = RuleDefinition['kind'];

export interface CheckDefinition {
  code: string;
  class: MessageClass;
  description: LocalizedText;
  /** Message template; `{name}` is replaced by the finding's parameter of that name. */
  message: LocalizedText;
  /** How to fix it, in plain language (shown beside a report's totals). */
  hint?: LocalizedText;
  /** Alternative templates chosen by the finding's `variant` parameter (B03, 010_Cond). */
  variants?: Record<string, LocalizedText>;
  /** Templates for the `{detail}` placeholder, chosen by the finding's `detail` parameter (B06, B07). */
  details?: Record<string, LocalizedText>;
  /** Registry-specific checks only; common checks are built into the engine. */
  rules?: RuleDefinition[];
  /** Common checks only: who runs it (`server` checks need data the engine does not hold: B07–B09, T01, T02). */
  scope?: 'file' | 'record' | 'server';
}

export type DeadlineDefinition =
  | { kind: 'AFTER_PERIOD_END'; monthsAfterPeriodEnd: number; day: number | 'LAST' }
  | { kind: 'FIXED_DATE'; yearsAfterPeriodYear: number; month: number; day: number };

export type FrequencyCode = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR' | 'TOTAL';

export interface ScheduleEntry {
  frequency: FrequencyCode;
  deadline: DeadlineDefinition;
  notes?: LocalizedText;
}

export interface XmlLayout {
  rootElement: string;
  /** Attributes the root must carry with exactly these values, e.g. `versie="1.4"`. */
  rootAttributes?: Record<string, string>;
  recordElement: string;
}

/** `dictionaries/<REGISTRY>/<SubDelivery>/<version>/dictionary.json` as written. */
export interface DictionaryDefinition {
  registry: string;
  subDelivery: string;
  version: string;
  /** First day deliveries may follow this version (`YYYY-MM-DD`). */
  validFrom?: string;
  title: LocalizedText;
  source: string;
  formats: FileFormat[];
  xml?: XmlLayout;
  schedule: ScheduleEntry[];
  primaryKey: string[];
  /** Fields that say whom a record is about (T01 compares them with the record held). */
  patientKey?: string[];
  reportKey: string[];
  fields: FieldDefinition[];
  checks: CheckDefinition[];
  /** How FHIR R4 resources become this dictionary's records (dictionaries/README.md#fhir-mapping); absent: no FHIR channel. */
  fhir?: FhirMapping;
}

/**
 * A linked resource of a FHIR mapping, found from the focus resource: by a reference the focus holds
 * (`reference`: a FHIRPath on the focus giving Reference elements), or by a reference back to the
 * focus (`referencedBy`: the element of the candidate that refers to the focus, optionally narrowed
 * by `where`, a FHIRPath on the candidate in which `%focus` is the focus resource).
 */
export type FhirResourceLink = { type: string; reference: string } | { type: string; referencedBy: string; where?: string };

/** A unit of a Quantity and how it becomes the field's number: multiplied by `factor`, or logMAR turned into decimal acuity (10^-logMAR). */
export interface FhirUnitConversion {
  factor?: number;
  logMarToDecimal?: true;
}

/** How one field's value is read from the resources of a record. */
export interface FhirFieldMapping {
  /** FHIRPath; `%focus` and each alias of `resources` are variables (an empty collection when not found). */
  path: string;
  /** FHIR code (or `true`/`false`) → dictionary code; a value not listed passes unchanged (the engine reports it) unless `otherwise` is given. */
  codes?: Record<string, string>;
  /** The dictionary code for a value present but not in `codes`. */
  otherwise?: string;
  /** The path gives a Quantity: its unit `code` → conversion; a unit not listed is refused as the value `?unit`. */
  units?: Record<string, FhirUnitConversion>;
}

/** dictionaries/README.md#fhir-mapping */
export interface FhirMapping {
  /** Resource type of which each resource is one record (e.g. Procedure). */
  focus: string;
  /** Optional FHIRPath on a candidate focus resource: only those where it is true are records. */
  focusWhere?: string;
  /** Aliases of the other resources a record reads, and how each is found. */
  resources: Record<string, FhirResourceLink>;
  /** Per resource type the top-level elements kept (choice elements as `performed[x]`); everything else is discarded before evaluation. */
  reads: Record<string, string[]>;
  /** Per dictionary field; fields not listed are written empty. */
  fields: Record<string, FhirFieldMapping>;
}

export interface ReferenceCode {
  code: string;
  label?: LocalizedText;
}

/** `reference-tables/<NAME>.json`, beside a dictionary or shared under `dictionaries/common/`. */
export interface ReferenceTable {
  name: string;
  label: LocalizedText;
  codes: ReferenceCode[];
}

/** `dictionaries/common/checks.json`: the codes every registry shares (docs/registries/README.md#common-checks). */
export interface CommonChecks {
  checks: CheckDefinition[];
  /** Words for `{type}` in 002_Type. */
  typeLabels: Record<FieldType, LocalizedText>;
  /** Phrases for `{condition}` in 010_Cond. */
  conditionPhrases: { equals: LocalizedText; filled: LocalizedText };
  /** What a masked identifying value shows. */
  maskedValue: string;
}

/**
 * A dictionary with everything it refers to inlined: what the engine, the message renderer and
 * the console's dictionary viewer need. Built by the Node loader (`dictionaries/dictionary-files.ts`)
 * or received as JSON in the browser.
 */
export interface ResolvedDictionary extends DictionaryDefinition {
  referenceTables: ReferenceTable[];
  common: CommonChecks;
}

export function dictionaryId(d: Pick<DictionaryDefinition, 'registry' | 'subDelivery' | 'version'>): string {
  return `${d.registry}/${d.subDelivery}/${d.version}`;
}
