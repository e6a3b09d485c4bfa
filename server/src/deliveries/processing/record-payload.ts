import type { ResolvedDictionary } from '@datahub/validation';
import type { Pseudonymiser } from '../../records/pseudonymiser';

/** Key separator: a unit separator cannot occur in a valid field value (control characters are refused). */
const KEY_SEPARATOR = '\u001f';

/** Characters a JSON string must escape; values rarely hold one, and the rest need only quotes. */
const JSON_ESCAPED = /["\\\u0000-\u001f]/;

function jsonString(value: string): string {
  return JSON_ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
}

export interface StagedRecord {
  recordKey: string;
  patientRef: string | null;
  /** The stored payload as JSON text: an object of field name to value, in the dictionary's field order. */
  payloadJson: string;
}

/**
 * Turns a record's cells into what may be stored: identifying fields replaced by their keyed
 * pseudonym first, then the record key and the patient reference taken from the stored values.
 * The JSON text is written directly (the field names' parts once, each value quoted) instead of building an object per record only to serialise it: a million records
 * go through here on the way to the record store.
 */
export function recordShaper(dictionary: ResolvedDictionary, pseudonymiser: Pseudonymiser) {
  const names = dictionary.fields.map((field) => field.name);
  const prefixes = names.map((name, index) => (index === 0 ? '{' : ',') + JSON.stringify(name) + ':');
  const identifying = dictionary.fields.map((field) => field.identifying === true);
  const anyIdentifying = identifying.includes(true);
  const keyIndexes = dictionary.primaryKey.map((name) => names.indexOf(name));
  const patientIndexes = (dictionary.patientKey ?? []).map((name) => names.indexOf(name));
  return (cells: readonly string[]): StagedRecord => {
    const stored = anyIdentifying ? cells.map((value, index) => (identifying[index] ? pseudonymiser.pseudonym(value) : value)) : cells;
    let payloadJson = '';
    for (let index = 0; index < names.length; index++) payloadJson += prefixes[index] + jsonString(stored[index] ?? '');
    return {
      recordKey: keyIndexes.map((index) => stored[index] ?? '').join(KEY_SEPARATOR),
      patientRef: patientIndexes.length ? patientIndexes.map((index) => stored[index] ?? '').join(KEY_SEPARATOR) : null,
      payloadJson: names.length ? payloadJson + '}' : '{}',
    };
  };
}
