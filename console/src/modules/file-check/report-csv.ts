import { renderFindingMessage, type Finding, type Language, type ResolvedDictionary } from '@datahub/validation';

/** `OperatieID=…; PatientCode=…`, as the CLI's table and CSV show a finding's key. */
export function keyText(keyValues: Finding['keyValues']): string {
  return keyValues === null
    ? ''
    : Object.entries(keyValues)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
}

/** docs/security.md#exports: a cell starting with =, +, -, @, tab or carriage return is neutralised. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as CSV in the given language, the CLI's columns; with a BOM so spreadsheet programs
 * read it as UTF-8.
 */
export function reportCsv(findings: readonly Finding[], dictionary: ResolvedDictionary, language: Language, headings: string[]): string {
  const lines = [headings.map(csvCell).join(',')];
  for (const f of findings) {
    lines.push(
      [
        f.recordNumber === null ? '' : String(f.recordNumber),
        f.code,
        f.class,
        f.field ?? '',
        renderFindingMessage(f, dictionary, language),
        keyText(f.keyValues),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
