/**
 * The validation report as text for `pnpm cli validate`: a table for people, JSON and CSV for
 * scripts. The JSON field names are a contract (issue 4): status, totals, findings[] with
 * recordNumber, code, class, field, message, keyValues.
 */
import type { Language, ResolvedDictionary } from './dictionary-types';
import type { ValidationResult } from './engine';
import { renderFindingMessage } from './messages';
import { csvText } from '../shared/csv';

export type ReportFormat = 'table' | 'json' | 'csv';

const STATUS_LABELS: Record<ValidationResult['status'], Record<Language, string>> = {
  PROCESSED: { nl: 'Verwerkt', en: 'Processed' },
  PROCESSED_WITH_ERRORS: { nl: 'Verwerkt met fouten', en: 'Processed with errors' },
  REJECTED: { nl: 'Afgekeurd', en: 'Rejected' },
};

const HEADINGS: Record<Language, string[]> = {
  nl: ['Record', 'Code', 'Klasse', 'Veld', 'Melding', 'Sleutel'],
  en: ['Record', 'Code', 'Class', 'Field', 'Message', 'Key'],
};

function keyText(keyValues: Readonly<Record<string, string>> | null): string {
  return keyValues === null ? '' : Object.entries(keyValues).map(([k, v]) => `${k}=${v}`).join('; ');
}

function rows(result: ValidationResult, dictionary: ResolvedDictionary, language: Language): string[][] {
  return result.findings.map((f) => [
    f.recordNumber === null ? '' : String(f.recordNumber),
    f.code,
    f.class,
    f.field ?? '',
    renderFindingMessage(f, dictionary, language),
    keyText(f.keyValues),
  ]);
}

export function formatJson(result: ValidationResult, dictionary: ResolvedDictionary, language: Language): string {
  const findings = result.findings.map((f) => ({
    recordNumber: f.recordNumber,
    code: f.code,
    class: f.class,
    field: f.field,
    message: renderFindingMessage(f, dictionary, language),
    keyValues: f.keyValues,
  }));
  return `${JSON.stringify({ status: result.status, totals: result.totals, findings }, null, 2)}\n`;
}

/** The server's one CSV writer: a cell starting with =, +, -, @, tab or carriage return is neutralised. */
export function formatCsv(result: ValidationResult, dictionary: ResolvedDictionary, language: Language): string {
  return csvText({ header: HEADINGS[language] }, rows(result, dictionary, language));
}

export function formatTable(result: ValidationResult, dictionary: ResolvedDictionary, language: Language): string {
  const t = result.totals;
  const summary = language === 'nl'
    ? `Status: ${STATUS_LABELS[result.status].nl}. Records: ${t.records}, verwerkt: ${t.accepted}, niet verwerkt: ${t.rejected}.`
    : `Status: ${STATUS_LABELS[result.status].en}. Records: ${t.records}, accepted: ${t.accepted}, rejected: ${t.rejected}.`;
  const body = rows(result, dictionary, language);
  if (body.length === 0) return `${summary}\n`;
  const table = [HEADINGS[language], ...body];
  const widths = HEADINGS[language].map((_, c) => Math.min(60, Math.max(...table.map((r) => r[c]!.length))));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return `${[line(table[0]!), ...table.slice(1).map(line)].join('\n')}\n\n${summary}\n`;
}

export function formatReport(format: ReportFormat, result: ValidationResult, dictionary: ResolvedDictionary, language: Language): string {
  switch (format) {
    case 'json':
      return formatJson(result, dictionary, language);
    case 'csv':
      return formatCsv(result, dictionary, language);
    case 'table':
      return formatTable(result, dictionary, language);
  }
}
