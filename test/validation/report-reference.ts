/**
 * The report writer and message renderer as they were before the report line was written by hand
 * (commit 7359e14): each line through an intermediate object and `JSON.stringify`, each CSV row
 * through csv-stringify, each message through a closure per finding. Kept as the oracle of the
 * differential test (report-output.test.ts: the current writer must give the same bytes) and as
 * the "before" of the writer micro-benchmark (test/bench/report-writer.ts). Not used by the product.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { CheckDefinition, FieldDefinition, Language, LocalizedText, ResolvedDictionary } from '../../server/validation/src/dictionary-types';
import { defaultFormatDescription } from '../../server/validation/src/field-values';
import type { Finding, OutcomeStatus, ParamValue, ValidationTotals } from '../../server/validation/src/findings';

// csv-stringify is the engine's dependency, not the tests': resolved from its package.
const { stringify } = createRequire(path.resolve(__dirname, '../../server/validation/package.json'))('csv-stringify/sync') as {
  stringify: (records: string[][], options: Record<string, unknown>) => string;
};

export type ReportFormat = 'table' | 'json' | 'csv';

interface MessageCatalogue {
  checks: Map<string, CheckDefinition>;
  fields: Map<string, FieldDefinition>;
}

const catalogues = new WeakMap<ResolvedDictionary, MessageCatalogue>();

function catalogueOf(dictionary: ResolvedDictionary): MessageCatalogue {
  let catalogue = catalogues.get(dictionary);
  if (!catalogue) {
    const checks = new Map<string, CheckDefinition>();
    for (const check of [...dictionary.common.checks, ...dictionary.checks]) checks.set(check.code, check);
    catalogue = { checks, fields: new Map(dictionary.fields.map((f) => [f.name, f])) };
    catalogues.set(dictionary, catalogue);
  }
  return catalogue;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: ParamValue | undefined): T | undefined {
  if (record === undefined || typeof key !== 'string') return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/;

const templateParts = new Map<string, readonly string[]>();

function fill(template: string, value: (name: string) => string | undefined): string {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    templateParts.set(template, parts);
  }
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += (value(name) ?? `{${name}}`) + parts[i + 1]!;
  }
  return text;
}

function templateOf(check: CheckDefinition, params: Finding['params']): LocalizedText {
  return own(check.variants, params['variant']) ?? check.message;
}

export function referenceFindingMessage(finding: Finding, dictionary: ResolvedDictionary, language: Language): string {
  const { checks, fields } = catalogueOf(dictionary);
  const check = checks.get(finding.code);
  if (!check) return finding.code;
  const field = finding.field === null ? undefined : fields.get(finding.field);
  const { common } = dictionary;
  const params = finding.params;
  const value = (name: string): string | undefined => {
    switch (name) {
      case 'field':
        return finding.field ?? undefined;
      case 'type':
        return field ? common.typeLabels[field.type][language] : undefined;
      case 'format':
        return field ? (field.formatDescription ?? defaultFormatDescription(field))[language] : undefined;
      case 'detail': {
        const detail = own(check.details, params['detail']);
        return detail ? fill(detail[language], value) : undefined;
      }
      case 'condition': {
        const phrase = params['conditionKind'] === 'filled' ? common.conditionPhrases.filled : common.conditionPhrases.equals;
        return params['conditionField'] === undefined ? undefined : fill(phrase[language], value);
      }
      default: {
        const param = own(params, name);
        return param === undefined ? undefined : String(param);
      }
    }
  };
  return fill(templateOf(check, params)[language], value);
}

const STATUS_LABELS: Record<OutcomeStatus, Record<Language, string>> = {
  PROCESSED: { nl: 'Verwerkt', en: 'Processed' },
  PROCESSED_WITH_ERRORS: { nl: 'Verwerkt met fouten', en: 'Processed with errors' },
  REJECTED: { nl: 'Afgekeurd', en: 'Rejected' },
};

const HEADINGS: Record<Language, string[]> = {
  nl: ['Record', 'Code', 'Klasse', 'Veld', 'Melding', 'Sleutel'],
  en: ['Record', 'Code', 'Class', 'Field', 'Message', 'Key'],
};

const BATCH = 64 * 1024;

function keyText(keyValues: Readonly<Record<string, string>> | null): string {
  return keyValues === null
    ? ''
    : Object.entries(keyValues)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
}

export function referenceCsvRow(cells: readonly string[]): string {
  return stringify([[...cells]], { record_delimiter: 'windows', escape_formulas: true });
}

function summaryLine(status: OutcomeStatus, t: ValidationTotals, language: Language): string {
  return language === 'nl'
    ? `Status: ${STATUS_LABELS[status].nl}. Records: ${t.records}, verwerkt: ${t.accepted}, niet verwerkt: ${t.rejected}.`
    : `Status: ${STATUS_LABELS[status].en}. Records: ${t.records}, accepted: ${t.accepted}, rejected: ${t.rejected}.`;
}

export class ReferenceReportWriter {
  private batch = '';
  private count = 0;
  private readonly widths: number[];

  constructor(
    private readonly out: Writable,
    private readonly format: ReportFormat,
    private readonly dictionary: ResolvedDictionary,
    private readonly language: Language,
  ) {
    const longest = (names: readonly string[]): number => Math.max(0, ...names.map((n) => n.length));
    const codes = [...dictionary.common.checks, ...dictionary.checks].map((c) => c.code);
    const headings = HEADINGS[language];
    this.widths = [
      Math.max(headings[0]!.length, 7),
      Math.max(headings[1]!.length, longest(codes)),
      Math.max(headings[2]!.length, 2),
      Math.min(40, Math.max(headings[3]!.length, longest(dictionary.fields.map((f) => f.name)))),
      60,
    ];
    if (format === 'json') this.write('{\n  "findings": [');
    if (format === 'csv') this.write(referenceCsvRow(HEADINGS[language]));
  }

  finding(finding: Finding): void {
    const message = referenceFindingMessage(finding, this.dictionary, this.language);
    const first = this.count === 0;
    this.count++;
    switch (this.format) {
      case 'json': {
        const line = {
          recordNumber: finding.recordNumber,
          code: finding.code,
          class: finding.class,
          field: finding.field,
          message,
          keyValues: finding.keyValues,
        };
        this.write(`${first ? '' : ','}\n    ${JSON.stringify(line)}`);
        break;
      }
      case 'csv':
        this.write(referenceCsvRow(this.cells(finding, message)));
        break;
      case 'table':
        if (first) this.write(`${this.tableLine(HEADINGS[this.language])}\n`);
        this.write(`${this.tableLine(this.cells(finding, message))}\n`);
        break;
    }
  }

  end(status: OutcomeStatus, totals: ValidationTotals): void {
    switch (this.format) {
      case 'json':
        this.write(`${this.count === 0 ? '' : '\n  '}],\n  "status": ${JSON.stringify(status)},\n  "totals": ${JSON.stringify(totals)}\n}\n`);
        break;
      case 'table':
        this.write(`${this.count === 0 ? '' : '\n'}${summaryLine(status, totals, this.language)}\n`);
        break;
      case 'csv':
        break;
    }
    this.flush();
  }

  private cells(finding: Finding, message: string): string[] {
    return [
      finding.recordNumber === null ? '' : String(finding.recordNumber),
      finding.code,
      finding.class,
      finding.field ?? '',
      message,
      keyText(finding.keyValues),
    ];
  }

  private tableLine(cells: readonly string[]): string {
    return cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(this.widths[c]!)))
      .join('  ')
      .trimEnd();
  }

  private write(text: string): void {
    this.batch += text;
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.batch === '') return;
    this.out.write(this.batch);
    this.batch = '';
  }
}
