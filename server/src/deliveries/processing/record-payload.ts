import type { ResolvedDictionary } from '../../validation';
import type { Pseudonymiser } from '../../records/pseudonymiser';

/** Key separator: a unit separator cannot occur in a valid field value (control characters are refused). */
const KEY_SEPARATOR = '\u001f';

export interface StagedRecord {
  recordKey: string;
  patientRef: string | null;
  payload: Record<string, string>;
}

/**
 * Turns a record's cells into what may be stored: identifying fields replaced by their keyed
 * pseudonym first, then the record key and the patient reference taken from the stored values.
 */
export function recordShaper(dictionary: ResolvedDictionary, pseudonymiser: Pseudonymiser) {
  const names = dictionary.fields.map((field) => field.name);
  const identifying = dictionary.fields.map((field) => field.identifying === true);
  const keyIndexes = dictionary.primaryKey.map((name) => names.indexOf(name));
  const patientIndexes = (dictionary.patientKey ?? []).map((name) => names.indexOf(name));
  return (cells: readonly string[]): StagedRecord => {
    const stored = cells.map((value, index) => (identifying[index] ? pseudonymiser.pseudonym(value) : value));
    const payload: Record<string, string> = {};
    for (let index = 0; index < names.length; index++) payload[names[index] as string] = stored[index] ?? '';
    return {
      recordKey: keyIndexes.map((index) => stored[index] ?? '').join(KEY_SEPARATOR),
      patientRef: patientIndexes.length ? patientIndexes.map((index) => stored[index] ?? '').join(KEY_SEPARATOR) : null,
      payload,
    };
  };
}
