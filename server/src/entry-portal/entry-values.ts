import { cellsOf, checkRecord, type Finding, renderFindingMessage } from '@datahub/validation';
import type { Language } from '../common/messages';
import type { CatalogueEntry } from '../dictionaries/package/dictionary-package';
import type { ServerKeys } from '../access/secrets';
import type { EntryFindingCount } from './entry-draft.entity';
import type { EntryFinding, FieldValue } from './entry.types';
import type { PeriodOption } from '@datahub/validation';

/** The longest value one field takes here; the dictionaries' own limits are far below it. */
export const MAX_VALUE_LENGTH = 1000;

/** Values by field name, sealed as JSON (nothing of the record is stored in clear). */
export function sealValues(keys: ServerKeys, values: ReadonlyMap<string, string>): string {
  return keys.seal(JSON.stringify(Object.fromEntries(values)));
}

export function unsealValues(keys: ServerKeys, sealed: string): Map<string, string> {
  const parsed = JSON.parse(keys.unseal(sealed)) as Record<string, string>;
  return new Map(Object.entries(parsed));
}

/** The values in the dictionary's field order (every field, empty where none was entered). */
export function fieldValues(dictionary: CatalogueEntry, values: ReadonlyMap<string, string>): FieldValue[] {
  return dictionary.compiled.fieldNames.map((field) => ({ field, value: values.get(field) ?? '' }));
}

/** The engine's field and record checks on one entry, as processing would run them on its row. */
export function checkEntry(dictionary: CatalogueEntry, values: ReadonlyMap<string, string>, run: { deliveryDate: string; period: PeriodOption }): Finding[] {
  return checkRecord(dictionary.compiled, cellsOf(dictionary.compiled, values), run);
}

export function renderFindings(dictionary: CatalogueEntry, findings: readonly Finding[], language: Language): EntryFinding[] {
  return findings.map((finding) => ({
    code: finding.code,
    class: finding.class,
    field: finding.field,
    message: renderFindingMessage(finding, dictionary.dictionary, language),
  }));
}

const ERROR_CLASSES = new Set(['F', 'TF', 'BF']);
const WARNING_CLASSES = new Set(['W', 'TW', 'BW']);

/** Codes, fields and counts only: what may be kept in clear beside the sealed values. */
export function findingSummary(findings: readonly Finding[]): { summary: EntryFindingCount[]; errors: number; warnings: number } {
  const counts = new Map<string, EntryFindingCount>();
  for (const finding of findings) {
    const key = `${finding.code}\u0000${finding.field ?? ''}`;
    const count = counts.get(key) ?? { code: finding.code, class: finding.class, field: finding.field, count: 0 };
    count.count++;
    counts.set(key, count);
  }
  return {
    summary: [...counts.values()],
    errors: findings.filter((finding) => ERROR_CLASSES.has(finding.class)).length,
    warnings: findings.filter((finding) => WARNING_CLASSES.has(finding.class)).length,
  };
}

/** What the list and the save answer read of an entry's findings. */
interface FindingCounts {
  findingSummary: EntryFindingCount[];
  errorCount: number;
  warningCount: number;
}

/** The engine's code for a record key found more than once in a delivery. */
export const DUPLICATE_KEY = '005';

/** Whether the entry's stored findings hold 005 (set by the last save or delete in its period). */
export function hasDuplicateKey(entry: Readonly<Pick<FindingCounts, 'findingSummary'>>): boolean {
  return entry.findingSummary.some((count) => count.code === DUPLICATE_KEY);
}

/**
 * An entry's counts with the 005 line (duplicate record key) added or taken away; the changed
 * fields only (none when it already stands so). 005 is a finding about no field, once a record.
 */
export function withDuplicateKey(entry: Readonly<FindingCounts>, duplicateClass: string, duplicated: boolean): Partial<FindingCounts> {
  const had = hasDuplicateKey(entry);
  if (had === duplicated) return {};
  const step = duplicated ? 1 : -1;
  return {
    findingSummary: duplicated
      ? [...entry.findingSummary, { code: DUPLICATE_KEY, class: duplicateClass, field: null, count: 1 }]
      : entry.findingSummary.filter((count) => count.code !== DUPLICATE_KEY),
    errorCount: entry.errorCount + (ERROR_CLASSES.has(duplicateClass) ? step : 0),
    warningCount: entry.warningCount + (WARNING_CLASSES.has(duplicateClass) ? step : 0),
  };
}
