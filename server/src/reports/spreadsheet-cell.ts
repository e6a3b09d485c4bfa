/** What makes a spreadsheet run a cell as a formula (ASVS 1.2.10): =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The same after leading spaces, for the parts of a cell a spreadsheet may split off. */
const PART_FORMULA_START = /^\s*[=+\-@\t\r]/;

/** A cell that would be run as a formula gets a leading `'`, which shows it as text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * neutralise for every part between semicolons: a spreadsheet that splits on ";" (the list
 * separator of Dutch settings) makes cells of the parts, so a delivered key value such as
 * `K3;=1+2` or `K4; @SUM(1)` would become a formula there. Report texts carry delivered values, so
 * each of their parts is neutralised, leading spaces or not.
 */
export function neutraliseParts(text: string): string {
  return text
    .split(';')
    .map((part) => (PART_FORMULA_START.test(part) ? `'${part}` : part))
    .join(';');
}

/** The report's key column: `name=value` per key field, joined by "; ", each part neutralised. */
export function keyCell(keyValues: ReadonlyArray<{ name: string; value: string }>): string {
  return neutraliseParts(keyValues.map((pair) => `${pair.name}=${pair.value}`).join('; '));
}
