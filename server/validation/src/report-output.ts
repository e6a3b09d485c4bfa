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
import { csvCell, csvRow } from './csv-row';
import type { Language, ResolvedDictionary } from './dictionary-types';
import type { Finding, OutcomeStatus, ValidationTotals } from './findings';
import { jsonString } from './json-text';
import { type MessageRenderer, messageRenderer } from './messages';

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

type KeyValues = Readonly<Record<string, string>>;

function keyText(keyValues: KeyValues): string {
  let text = '';
  for (const key of Object.keys(keyValues)) text += text === '' ? `${key}=${keyValues[key]!}` : `; ${key}=${keyValues[key]!}`;
  return text;
}

/**
 * The key values as JSON: `JSON.stringify` of the object itself, whose native path for a plain
 * object of strings was twice as fast as writing its members with `jsonString`.
 */
function keyJson(keyValues: KeyValues): string {
  return JSON.stringify(keyValues);
}

/** A number as `JSON.stringify` writes it. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

function summaryLine(status: OutcomeStatus, t: ValidationTotals, language: Language): string {
  return language === 'nl'
    ? `Status: ${STATUS_LABELS[status].nl}. Records: ${t.records}, verwerkt: ${t.accepted}, niet verwerkt: ${t.rejected}.`
    : `Status: ${STATUS_LABELS[status].en}. Records: ${t.records}, accepted: ${t.accepted}, rejected: ${t.rejected}.`;
}

/**
 * Writes one report to a stream, a finding at a time. Each line is written straight into the
 * batch from the finding's fields (no line object, no `JSON.stringify` of one, no csv-stringify
 * call): the report of a first delivery may have hundreds of thousands of lines, and the lines
 * are byte for byte what those made (report-output.test.ts compares them).
 */
export class ReportWriter {
  private batch = '';
  private count = 0;
  /** Table column widths: known in advance from the dictionary, as rows cannot wait for the longest. */
  private readonly widths: number[];
  private readonly messages: MessageRenderer;
  /** The last key values rendered, and their text: a record's findings share one key object. */
  private lastKeys: KeyValues | null = null;
  private lastKeyText = '';
  /**
   * The part of a line from the code to the message's start, by code and field: the same few
   * dozen for a whole report (a check's class never changes within a dictionary, but is compared).
   */
  private readonly middles = new Map<string, Map<string | null, { class: string; text: string }>>();

  constructor(
    private readonly out: Writable,
    private readonly format: ReportFormat,
    dictionary: ResolvedDictionary,
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
    this.messages = messageRenderer(dictionary, language);
    if (format === 'json') this.write('{\n  "findings": [');
    if (format === 'csv') this.write(csvRow(HEADINGS[language]));
  }

  finding(finding: Finding): void {
    const message = this.messages.render(finding);
    const first = this.count === 0;
    this.count++;
    switch (this.format) {
      case 'json': {
        const { recordNumber, keyValues } = finding;
        // The members in the order of the contract: recordNumber, code, class, field, message, keyValues.
        this.write(
          `${first ? '' : ','}\n    {"recordNumber":${recordNumber === null ? 'null' : jsonNumber(recordNumber)}${this.middle(finding)}${jsonString(message)},"keyValues":${keyValues === null ? 'null' : this.keys(keyValues, keyJson)}}`,
        );
        break;
      }
      case 'csv': {
        const { recordNumber, keyValues } = finding;
        this.write(
          `${recordNumber === null ? '' : csvCell(String(recordNumber))}${this.middle(finding)}${csvCell(message)},${keyValues === null ? '' : csvCell(this.keys(keyValues, keyText))}\r\n`,
        );
        break;
      }
      case 'table':
        if (first) this.write(`${this.tableLine(HEADINGS[this.language])}\n`);
        this.write(`${this.tableRow(finding, message)}\n`);
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

  /** JSON `,"code":…,"class":…,"field":…,"message":`, or CSV `,code,class,field,`, made once per code and field. */
  private middle(finding: Finding): string {
    const { code, field } = finding;
    let byField = this.middles.get(code);
    if (byField === undefined) {
      byField = new Map();
      this.middles.set(code, byField);
    }
    let middle = byField.get(field);
    if (middle === undefined || middle.class !== finding.class) {
      const text =
        this.format === 'json'
          ? `,"code":${jsonString(code)},"class":${jsonString(finding.class)},"field":${field === null ? 'null' : jsonString(field)},"message":`
          : `,${csvCell(code)},${csvCell(finding.class)},${field === null ? '' : csvCell(field)},`;
      middle = { class: finding.class, text };
      byField.set(field, middle);
    }
    return middle.text;
  }

  /** The key values' text in `render`'s form, made once for all the findings of a record. */
  private keys(keyValues: KeyValues, render: (keyValues: KeyValues) => string): string {
    if (keyValues !== this.lastKeys) {
      this.lastKeys = keyValues;
      this.lastKeyText = render(keyValues);
    }
    return this.lastKeyText;
  }

  private tableRow(finding: Finding, message: string): string {
    const w = this.widths;
    const { recordNumber, field, keyValues } = finding;
    const line = `${(recordNumber === null ? '' : String(recordNumber)).padEnd(w[0]!)}  ${finding.code.padEnd(w[1]!)}  ${finding.class.padEnd(w[2]!)}  ${(field ?? '').padEnd(w[3]!)}  ${message.padEnd(w[4]!)}  ${keyValues === null ? '' : this.keys(keyValues, keyText)}`;
    return line.trimEnd();
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
