/**
 * One record checked on its own, as a form is filled in: the field checks and the cross-field checks
 * of the same record validator a file goes through, with the same codes and parameters. What needs
 * the other records (005, duplicate keys) or the file (B-codes) is left to the delivery's processing.
 */
import type { CompiledDictionary } from './compile-dictionary';
import type { Finding } from './findings';
import type { PeriodOption } from './record-rules';
import { RecordValidator } from './record-validator';

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
  if (cells.length !== compiled.fields.length) throw new Error(`a record has ${compiled.fields.length} cells, not ${cells.length}`);
  const findings: Finding[] = [];
  new RecordValidator(compiled, options, (finding) => findings.push(finding)).validate(cells, 1);
  return findings;
}
