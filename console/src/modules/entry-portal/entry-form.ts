/**
 * The entry form's rules, from the dictionary: which control a field gets, when a conditional field
 * is shown, and the engine's own findings on the record as it is typed (the same record checks the
 * server runs on save and the worker on the delivered file, so the messages are the same), 005
 * included when another entry of the period the page lists has the record's key.
 */
import {
  cellsOf,
  checkRecordWithKey,
  duplicateKeyFinding,
  renderFindingMessage,
  type CompiledDictionary,
  type FieldCondition,
  type FieldDefinition,
  type Finding,
  type Language,
  type PeriodOption,
  type ResolvedDictionary,
} from '@datahub/validation';

export type FieldControl = 'select' | 'date' | 'number' | 'text';

export function controlOf(field: FieldDefinition): FieldControl {
  if (field.referenceTable !== undefined) return 'select';
  if (field.type === 'date') return 'date';
  if (field.type === 'integer' || field.type === 'decimal') return 'number';
  return 'text';
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A reference table's codes as drop-down options: the label in the language with the code beside it. */
export function optionsOf(dictionary: ResolvedDictionary, field: FieldDefinition, language: Language): SelectOption[] {
  const table = dictionary.referenceTables.find((candidate) => candidate.name === field.referenceTable);
  return (table?.codes ?? []).map((code) => ({ value: code.code, label: code.label ? `${code.label[language]} (${code.code})` : code.code }));
}

function holds(condition: FieldCondition, values: Readonly<Record<string, string>>): boolean {
  const value = values[condition.field] ?? '';
  return 'equals' in condition ? value === condition.equals : value !== '';
}

/**
 * A conditional field is shown only when it may hold a value: when its requiredWhen holds (CAT 1.4
 * ComplicatieType once Complicatie is J), or, without one, while its emptyWhen does not.
 */
export function isShown(field: FieldDefinition, values: Readonly<Record<string, string>>): boolean {
  if (field.requiredWhen) return holds(field.requiredWhen, values);
  if (field.emptyWhen) return !holds(field.emptyWhen, values);
  return true;
}

/** Required now: always, or by its condition. */
export function isRequired(field: FieldDefinition, values: Readonly<Record<string, string>>): boolean {
  return field.required || (field.requiredWhen !== undefined && holds(field.requiredWhen, values));
}

export interface FieldMessage {
  code: string;
  class: string;
  message: string;
}

export interface RecordRun {
  deliveryDate: string;
  period: PeriodOption | null;
}

/** The record keys of other entries as 005 compares them (an entry whose key field fails has none). */
export function recordKeys(compiled: CompiledDictionary, entries: readonly Readonly<Record<string, string>>[], run: RecordRun): Set<string> {
  const keys = new Set<string>();
  for (const values of entries) {
    const { key } = checkRecordWithKey(compiled, cellsOf(compiled, values), run);
    if (key !== null) keys.add(key);
  }
  return keys;
}

/**
 * The engine's findings on the record, rendered, by field name ('' for findings about no field).
 * 005 (its key is another entry's, `otherKeys`) is about no field, but is shown under the key
 * fields, where it is typed and fixed.
 */
export function recordMessages(
  dictionary: ResolvedDictionary,
  compiled: CompiledDictionary,
  values: Readonly<Record<string, string>>,
  run: RecordRun,
  language: Language,
  otherKeys: ReadonlySet<string> = new Set(),
): Map<string, FieldMessage[]> {
  const cells = cellsOf(compiled, values);
  const { findings, key } = checkRecordWithKey(compiled, cells, run);
  const byField = new Map<string, FieldMessage[]>();
  const add = (field: string, finding: Finding) => {
    const list = byField.get(field) ?? [];
    list.push({ code: finding.code, class: finding.class, message: renderFindingMessage(finding, dictionary, language) });
    byField.set(field, list);
  };
  for (const finding of findings) add(finding.field ?? '', finding);
  if (key !== null && otherKeys.has(key)) {
    const duplicate = duplicateKeyFinding(compiled, cells);
    for (const at of compiled.keyFields) add(compiled.fieldNames[at]!, duplicate);
  }
  return byField;
}

/** Findings of classes F and TF reject a record. */
export const isError = (messageClass: string): boolean => messageClass === 'F' || messageClass === 'TF' || messageClass === 'BF';

/** The last `count` quarters up to the one of `today` (`YYYY-MM-DD`), newest first, as period codes. */
export function recentQuarters(today: string, count = 8): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const periods: string[] = [];
  for (let i = 0; i < count; i++) {
    periods.push(`${year}K${quarter}`);
    quarter--;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return periods;
}
