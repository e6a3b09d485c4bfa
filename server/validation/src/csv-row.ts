/**
 * CSV rows as the server writes its exports with csv-stringify (`record_delimiter: 'windows'`,
 * `escape_formulas: true`), written here for the validate command's report, one row per finding:
 * csv-stringify's per-call set-up (options normalised, a record array, a result string built
 * through its stream machinery) cost twice what the rest of a report line did. The same bytes for
 * the same cells (a differential test compares them):
 *
 * - a cell holding `,`, `"` or CRLF is quoted, its `"` doubled (with the record delimiter set to
 *   CRLF, csv-stringify quotes a lone CR or LF only as part of a CRLF);
 * - a cell starting with =, +, -, @, tab, carriage return or their full-width forms gets a leading
 *   `'` (formula neutralised, docs/security.md#exports), inside the quotes when quoted;
 * - an empty cell stays empty; cells are joined with `,` and the row ends with CRLF.
 */
export function csvRow(cells: readonly string[]): string {
  let row = '';
  for (let c = 0; c < cells.length; c++) row += c === 0 ? csvCell(cells[c]!) : `,${csvCell(cells[c]!)}`;
  return `${row}\r\n`;
}

export function csvCell(value: string): string {
  if (value === '') return '';
  let quote = false;
  let hasQuote = false;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0x2c) quote = true;
    else if (unit === 0x22) quote = hasQuote = true;
    else if (unit === 0x0d && value.charCodeAt(i + 1) === 0x0a) quote = true;
  }
  let text = startsLikeFormula(value.charCodeAt(0)) ? `'${value}` : value;
  if (hasQuote) text = text.replaceAll('"', '""');
  return quote ? `"${text}"` : text;
}

function startsLikeFormula(unit: number): boolean {
  switch (unit) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
    case 0xff1d: // full-width =
    case 0xff0b: // full-width +
    case 0xff0d: // full-width -
    case 0xff20: // full-width @
      return true;
    default:
      return false;
  }
}
