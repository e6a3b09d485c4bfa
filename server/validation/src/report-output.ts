/**
 * The validation report as text for `pnpm cli validate`: a table for people, JSON and CSV for
 * scripts. The JSON field names are a contract (issue 4): status, totals, findings[] with
 * recordNumber, code, class, field, message, keyValues.
 *
 * The report is written while the file is read: each finding becomes a line as it is found, in
 * the order found (record lines while reading, then file-level lines of the structure, then the
 * first occurrences of duplicated keys), and the status and totals follow at the end, when they
 * are known. Memory stays the same for ten findings or a million: no finding is kept, and the
 * caller waits for `drained()` before feeding the engine more of the file (backpressure from a
 * slow reader of stdout, such as a pipe into jq).
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Language, ResolvedDictionary } from './dictionary-types';
import type { Finding, OutcomeStatus, ValidationTotals } from './findings';
import { renderFindingMessage } from './messages';

export type ReportFormat = 'table' | 'json' | 'csv';

const STATUS_LABELS: Record<OutcomeStatus, Record<Language, string>> = {
  PROCESSED: { nl: 'Verwerkt', en: 'Processed' },
  PROCESSED_WITH_ERRORS: { nl: 'Verwerkt met fouten', en: 'Processed with errors' },
  REJECTED: { nl: 'Afgekeurd', en: 'Rejected' },
};

const HEADINGS: Record<Language, string[]> = {
  nl: ['Record', 'Code', 'Klasse', 'Veld', 'Melding', 'Sleutel'],
  en: ['Record', 'Code', 'Class', 'Field', 'Message', 'Key'],
};

/** Output is handed to the stream in batches of about this many characters. */
const BATCH = 64 * 1024;

function keyText(keyValues: Readonly<Record<string, string>> | null): string {
  return keyValues === null
    ? ''
    : Object.entries(keyValues)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
}

/**
 * One CSV row by csv-stringify, as the server writes its exports: quoted where CSV needs it, CRLF,
 * and a cell starting with =, +, -, @, tab or carriage return neutralised (docs/security.md#exports).
 */
function csvRow(cells: readonly string[]): string {
  return stringify([[...cells]], { record_delimiter: 'windows', escape_formulas: true });
}

function summaryLine(status: OutcomeStatus, t: ValidationTotals, language: Language): string {
  return language === 'nl'
    ? `Status: ${STATUS_LABELS[status].nl}. Records: ${t.records}, verwerkt: ${t.accepted}, niet verwerkt: ${t.rejected}.`
    : `Status: ${STATUS_LABELS[status].en}. Records: ${t.records}, accepted: ${t.accepted}, rejected: ${t.rejected}.`;
}

/** Writes one report to a stream, a finding at a time. */
export class ReportWriter {
  private batch = '';
  private count = 0;
  /** Table column widths: known in advance from the dictionary, as rows cannot wait for the longest. */
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
    if (format === 'csv') this.write(csvRow(HEADINGS[language]));
  }

  finding(finding: Finding): void {
    const message = renderFindingMessage(finding, this.dictionary, this.language);
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
        this.write(csvRow(this.cells(finding, message)));
        break;
      case 'table':
        if (first) this.write(`${this.tableLine(HEADINGS[this.language])}\n`);
        this.write(`${this.tableLine(this.cells(finding, message))}\n`);
        break;
    }
  }

  /** Writes what only the end knows (status and totals) and resolves once the stream took everything. */
  async end(status: OutcomeStatus, totals: ValidationTotals): Promise<void> {
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
    await this.drained();
  }

  /** Resolves when the stream can take more; wait for it before reading more of the file. */
  async drained(): Promise<void> {
    // The stream's own flag, not a note of a write that returned false: 'drain' may have come and
    // gone since, and waiting for another would leave the process with nothing to do (exit 0).
    if (!this.out.writableNeedDrain || this.out.destroyed) return;
    await new Promise<void>((resolve) => {
      // A reader that went away (`| head`) closes or fails the stream instead of draining it.
      const done = (): void => {
        this.out.off('drain', done).off('close', done).off('error', done);
        resolve();
      };
      this.out.once('drain', done).once('close', done).once('error', done);
    });
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
