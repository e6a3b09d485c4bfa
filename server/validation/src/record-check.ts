/**
 * One record checked on its own, as a form is filled in: the field checks and the cross-field checks
 * of the same record validator a file goes through, with the same codes and parameters. What needs
 * the file (B-codes) is left to the delivery's processing; for 005 (duplicate keys) a record's key
 * is given as the engine compares it, and the 005 finding as the engine makes it, so that a caller
 * holding the other records (the entry portal: a period's entries) can give it before delivery.
 */
import type { CompiledDictionary } from './compile-dictionary';
import type { Finding } from './findings';
import type { PeriodOption } from './record-rules';
import { RecordValidator, reportKeyValues } from './record-validator';

export interface RecordCheckOptions {
  /** The delivery date `YYYY-MM-DD` the record would be delivered on (CAT 1.4 OperatieDatum); unchecked when null. */
  deliveryDate: string | null;
  /** The period the record is entered for (020_Period); null or TOTAAL: no 020_Period. */
  period: PeriodOption | null;
}

/** The record's cells in the dictionary's field order from values by field name; a field not given is empty. */
export function cellsOf(compiled: CompiledDictionary, values: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string[] {
  const get =
    values instanceof Map
      ? (name: string) => values.get(name)
      : (name: string) => (Object.hasOwn(values, name) ? (values as Record<string, string>)[name] : undefined);
  return compiled.fieldNames.map((name) => get(name) ?? '');
}

/** The findings of one record (record number 1), in check order. */
export function checkRecord(compiled: CompiledDictionary, cells: readonly string[], options: RecordCheckOptions): Finding[] {
  return checkRecordWithKey(compiled, cells, options).findings;
}

export interface CheckedRecord {
  /** The findings of the record (record number 1), in check order. */
  findings: Finding[];
  /**
   * Its key as 005 compares keys within a delivery (the primary key's cells); null when a key
   * field failed its own checks, for such a record takes no part in 005, in a file as here.
   */
  key: string | null;
}

/** The findings of one record and its key for 005. */
export function checkRecordWithKey(compiled: CompiledDictionary, cells: readonly string[], options: RecordCheckOptions): CheckedRecord {
  if (cells.length !== compiled.fields.length) throw new Error(`a record has ${compiled.fields.length} cells, not ${cells.length}`);
  const findings: Finding[] = [];
  const keyPassed = new RecordValidator(compiled, options, (finding) => findings.push(finding)).validate(cells, 1);
  return { findings, key: keyPassed ? recordKey(compiled, cells) : null };
}

/** The key 005 compares: the primary key's cells joined by NUL (the engine joins them so in its index, engine.ts). */
export function recordKey(compiled: CompiledDictionary, cells: readonly string[]): string {
  return compiled.keyFields.map((at) => cells[at]!).join('\u0000');
}

/** The 005 finding a record gets when another record of the delivery has its key: every occurrence gets one, the first included. */
export function duplicateKeyFinding(compiled: CompiledDictionary, cells: readonly string[], recordNumber = 1): Finding {
  return { recordNumber, code: '005', class: compiled.classOf('005'), field: null, params: {}, keyValues: reportKeyValues(compiled, cells) };
}
