/**
 * The CSV header against the dictionary (B03; docs/domain.md#csv-rules: "a header row is required, with names
 * identical to the dictionary's"). Names are looked up in a Map built from the dictionary, an
 * allowlist, so a `__proto__` or `constructor` header is simply unknown. Columns may come in any
 * order; the result says how to put a row into dictionary order.
 */
import type { ParamValue } from './findings';

export type HeaderProblem = { code: 'B03'; params: Record<string, ParamValue> } | { code: 'B06'; params: Record<string, ParamValue> };

export interface HeaderMatch {
  problems: HeaderProblem[];
  /** For each dictionary field, the column holding it; null when the header is in dictionary order. */
  columnOfField: Int32Array | null;
}

/** A header name as it may appear in a message: short, no control characters, no BSN-long digit runs. */
function columnForMessage(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f]/g, '?')
    .replace(/[0-9]{9,}/g, '…')
    .slice(0, 80);
}

export function matchHeader(cells: readonly string[], fieldIndex: ReadonlyMap<string, number>): HeaderMatch {
  // B06 (docs/security.md#csv-parse): a `;`-separated Excel export is recognised and named.
  if (cells.length === 1 && cells[0]!.includes(';')) {
    return { problems: [{ code: 'B06', params: { line: 1, detail: 'semicolonSeparated' } }], columnOfField: null };
  }
  const columnOfField = new Int32Array(fieldIndex.size).fill(-1);
  const problems: HeaderProblem[] = [];
  let known = 0;
  cells.forEach((name, column) => {
    const at = fieldIndex.get(name);
    if (at === undefined) problems.push({ code: 'B03', params: { variant: 'unknown', column: columnForMessage(name) } });
    else if (columnOfField[at] !== -1) problems.push({ code: 'B03', params: { variant: 'duplicate', column: name } });
    else {
      columnOfField[at] = column;
      known++;
    }
  });
  if (known === 0) return { problems: [{ code: 'B03', params: { variant: 'headerMissing' } }], columnOfField: null };
  for (const [name, at] of fieldIndex) {
    if (columnOfField[at] === -1) problems.push({ code: 'B03', params: { variant: 'missing', column: name } });
  }
  const inOrder = problems.length === 0 && columnOfField.every((column, at) => column === at);
  return { problems, columnOfField: problems.length > 0 || inOrder ? null : columnOfField };
}

/** A row in dictionary order, given the header's column positions. */
export function reorder(cells: readonly string[], columnOfField: Int32Array): string[] {
  const ordered = new Array<string>(columnOfField.length);
  for (let at = 0; at < columnOfField.length; at++) ordered[at] = cells[columnOfField[at]!]!;
  return ordered;
}
