/**
 * The validation engine: a delivery file (bytes, read as a stream) and the dictionary it claims to
 * follow in; findings, totals and the outcome status out (docs/registries/README.md#outcome-of-a-file). Pure TypeScript: the
 * byte source is any async iterable (a Node stream, a browser `File.stream()`), so the console can
 * run the same checks before a file is sent.
 */
import type { CompiledDictionary } from './compile-dictionary';
import type { CsvParserChoice } from './csv-reader';
import type { FileFormat } from './dictionary-types';
import { DuplicateKeyIndex } from './duplicate-keys';
import { fileNameForMessage } from './file-name';
import { type Finding, type FindingListener, FindingTally, type OutcomeStatus, type ValidationTotals } from './findings';
import { type FileProblem, readRecords, RecordEnds, type RecordSourceOptions } from './record-source';
import type { PeriodOption } from './record-rules';
import { duplicateKeyFinding } from './record-check';
import { RecordValidator } from './record-validator';
import { formatMismatch } from './sniff';
import type { Utf8Validator } from './utf8-guard';

/** Opens the file's bytes; called a second time when duplicate keys need their first occurrences. */
export type ByteSource = () => AsyncIterable<Uint8Array>;

export interface ValidationOptions {
  /** The file's format; taken from `fileName`'s extension when absent. */
  format?: FileFormat;
  /** The file's name: its extension is checked against the format (B01). */
  fileName?: string;
  /** The delivery's period, for 020_Period (null or TOTAAL: no 020_Period). */
  period?: PeriodOption | null;
  /** The delivery date `YYYY-MM-DD` (CAT 1.4: OperatieDatum "not after the delivery date"); unchecked when absent. */
  deliveryDate?: string | null;
  /** File-level findings the caller established (B07–B09 from the file name, server side). */
  fileFindings?: readonly Finding[];
  /**
   * Reads only some byte ranges of the same bytes (start, end pairs, ascending, end exclusive); the
   * second pass for 005's first occurrences in a CSV file uses it, when given, instead of reading
   * the whole file again through `open` (Node: `fileRanges` in node-files.ts).
   */
  openRanges?: (ranges: readonly number[]) => AsyncIterable<Uint8Array>;
  /** Receives each finding as it is made; without it, findings are collected in the result. */
  onFinding?: FindingListener;
  /**
   * Receives each data record of the first pass, its cells in the dictionary's field order, before
   * its checks run (the server stages records for the record store). The array may be reused for
   * the next record: copy what you keep. Values are raw, identifying ones included: pseudonymise.
   */
  onRecord?: (recordNumber: number, cells: readonly string[]) => void;
  /**
   * The file's size in bytes, when known (the validate command knows it). After the first records
   * of a CSV file the 005 index and the record ends are sized for the whole file's estimated record
   * count at once, instead of doubling their way there.
   */
  byteLength?: number;
  maxRecordSize?: number;
  /** Node callers pass `buffer.isUtf8` (see node-files.ts); the default works in browsers. */
  utf8Validator?: Utf8Validator;
  /** XML records' values from saxes' own events (default), or re-parsed by fast-xml-parser: same findings. */
  xmlRecordDecoder?: 'fast-xml-parser' | 'saxes';
  /** CSV records from the fast reader (default) or csv-parse alone: same findings (csv-fast-parser.ts). */
  csvParser?: CsvParserChoice;
}

export interface ValidationResult {
  status: OutcomeStatus;
  totals: ValidationTotals;
  /** Every finding in record order, file-level ones first; empty when `onFinding` was given. */
  findings: Finding[];
}

export const DEFAULT_MAX_RECORD_SIZE = 64 * 1024;

/** Records read before the file's record count is estimated from its size (see `byteLength`). */
const SIZING_SAMPLE = 10_000;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function fileFinding(compiled: CompiledDictionary, problem: FileProblem): Finding {
  return { recordNumber: null, code: problem.code, class: compiled.classOf(problem.code), field: null, params: problem.params, keyValues: null };
}

/** B01: the extension, the dictionary's formats and the first bytes must agree. */
function formatProblem(compiled: CompiledDictionary, options: ValidationOptions): { format: FileFormat | null; problem: FileProblem | null } {
  const extension = options.fileName === undefined ? undefined : extensionOf(options.fileName);
  const format = options.format ?? (extension === 'csv' || extension === 'xml' ? extension : null);
  const shownExtension = extension === undefined ? `.${format}` : fileNameForMessage(`.${extension}`);
  const b01 = { code: 'B01', params: { ext: shownExtension } };
  if (format === null || !compiled.dictionary.formats.includes(format)) return { format: null, problem: b01 };
  if (extension !== undefined && extension !== format) return { format: null, problem: b01 };
  return { format, problem: null };
}

export async function validateDelivery(open: ByteSource, compiled: CompiledDictionary, options: ValidationOptions = {}): Promise<ValidationResult> {
  const tally = new FindingTally();
  const collected: Finding[] = [];
  const emit = (finding: Finding): void => {
    tally.add(finding);
    if (options.onFinding) options.onFinding(finding);
    else collected.push(finding);
  };
  for (const finding of options.fileFindings ?? []) emit(finding);

  const { format, problem } = formatProblem(compiled, options);
  if (format === null) {
    emit(fileFinding(compiled, problem!));
    return finish(tally, collected);
  }
  const sourceOptions: RecordSourceOptions = {
    format,
    maxRecordSize: options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE,
    utf8Validator: options.utf8Validator,
    xmlRecordDecoder: options.xmlRecordDecoder,
    csvParser: options.csvParser,
  };
  await checkRecords(open, compiled, options, sourceOptions, tally, emit);
  return finish(tally, collected);
}

async function checkRecords(
  open: ByteSource,
  compiled: CompiledDictionary,
  options: ValidationOptions,
  sourceOptions: RecordSourceOptions,
  tally: FindingTally,
  emit: (finding: Finding) => void,
): Promise<void> {
  const validator = new RecordValidator(compiled, { deliveryDate: options.deliveryDate ?? null, period: options.period ?? null }, emit);
  const keys = new DuplicateKeyIndex();
  const keyFields = compiled.keyFields;
  const sniffed = { bytes: 0, mismatch: false };
  // CSV: where each record ends, so that the second pass for duplicated keys parses only those records.
  const ends = sourceOptions.format === 'csv' ? new RecordEnds() : undefined;
  const problems = await readRecords(
    sniff(open(), sourceOptions.format, sniffed),
    compiled,
    sourceOptions,
    (cells, recordNumber) => {
      tally.records = recordNumber;
      if (recordNumber === SIZING_SAMPLE && ends && options.byteLength) {
        const estimate = Math.ceil((options.byteLength / ends.endOf(SIZING_SAMPLE)) * SIZING_SAMPLE);
        keys.reserve(estimate);
        ends.reserve(estimate);
      }
      options.onRecord?.(recordNumber, cells);
      if (!validator.validate(cells, recordNumber)) return true;
      // recordKey (record-check.ts) written out: this runs once a record.
      let key = cells[keyFields[0]!]!;
      for (let k = 1; k < keyFields.length; k++) key += `\u0000${cells[keyFields[k]!]!}`;
      if (keys.add(key, recordNumber) !== 0) emit(duplicateKeyFinding(compiled, cells, recordNumber));
      return true;
    },
    ends,
  );
  if (sniffed.mismatch) return emit(fileFinding(compiled, { code: 'B01', params: { ext: `.${sourceOptions.format}` } }));
  if (sniffed.bytes === 0) return emit(fileFinding(compiled, { code: 'B05', params: {} }));
  for (const problem of problems) emit(fileFinding(compiled, problem));
  if (problems.length === 0 && tally.records === 0) emit(fileFinding(compiled, { code: 'B05', params: {} }));
  const firsts = keys.firstOccurrencesOfDuplicates();
  if (firsts.length > 0) await reportFirstOccurrences(open, options.openRanges, compiled, sourceOptions, firsts, emit, ends);
}

/**
 * Second pass, up to the last first occurrence of a duplicated key (see duplicate-keys.ts). A CSV
 * file whose record ends are known is read as only its header and those records (byte ranges of the
 * same bytes, so csv-parse gives them the same cells): parsing the whole file again cost as much as
 * the first pass, which made each 005 in a file of many the dearest finding of all.
 */
async function reportFirstOccurrences(
  open: ByteSource,
  openRanges: ValidationOptions['openRanges'],
  compiled: CompiledDictionary,
  sourceOptions: RecordSourceOptions,
  firsts: Int32Array,
  emit: (finding: Finding) => void,
  ends: RecordEnds | undefined,
): Promise<void> {
  let next = 0;
  if (ends && ends.count > firsts[firsts.length - 1]!) {
    const ranges: number[] = [0, ends.endOf(0)];
    for (const first of firsts) ranges.push(ends.endOf(first - 1), ends.endOf(first));
    await readRecords(openRanges ? openRanges(ranges) : onlyRanges(open(), ranges), compiled, sourceOptions, (cells) => {
      emit(duplicateKeyFinding(compiled, cells, firsts[next]!));
      next++;
      return next < firsts.length;
    });
    return;
  }
  await readRecords(open(), compiled, sourceOptions, (cells, recordNumber) => {
    if (recordNumber !== firsts[next]) return true;
    emit(duplicateKeyFinding(compiled, cells, recordNumber));
    next++;
    return next < firsts.length;
  });
}

/** The bytes of `ranges` (start, end, start, end, … ascending offsets) out of a byte source; stops after the last. */
async function* onlyRanges(source: AsyncIterable<Uint8Array>, ranges: readonly number[]): AsyncIterable<Uint8Array> {
  let offset = 0;
  let r = 0;
  for await (const chunk of source) {
    const chunkEnd = offset + chunk.length;
    while (r < ranges.length && ranges[r]! < chunkEnd) {
      const from = Math.max(ranges[r]!, offset);
      const to = Math.min(ranges[r + 1]!, chunkEnd);
      if (to > from) yield chunk.subarray(from - offset, to - offset);
      if (ranges[r + 1]! > chunkEnd) break;
      r += 2;
    }
    offset = chunkEnd;
    if (r >= ranges.length) return;
  }
}

/** Passes the bytes through, noting whether the first ones show another format (a zip, a PDF, XML as CSV). */
async function* sniff(source: AsyncIterable<Uint8Array>, format: FileFormat, seen: { bytes: number; mismatch: boolean }): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    if (seen.bytes === 0 && chunk.length > 0 && formatMismatch(chunk, format)) {
      seen.mismatch = true;
      return;
    }
    seen.bytes += chunk.length;
    yield chunk;
  }
}

function finish(tally: FindingTally, collected: Finding[]): ValidationResult {
  // Record order, file-level lines first; sort is stable, so a record's lines keep their check order.
  collected.sort((a, b) => (a.recordNumber ?? 0) - (b.recordNumber ?? 0));
  return { status: tally.status(), totals: tally.totals(), findings: collected };
}
