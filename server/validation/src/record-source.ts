/**
 * Records of a delivery file in dictionary field order, whatever its format: the CSV reader with
 * the header matched against the dictionary, or the XML reader with the dictionary's layout. The
 * engine reads through here twice when it must (005's first occurrences), with identical numbering.
 */
import type { CompiledDictionary } from './compile-dictionary';
import { matchHeader, reorder } from './csv-header';
import { type CsvParserChoice, readCsv, type StructureProblem } from './csv-reader';
import type { FileFormat } from './dictionary-types';
import type { ParamValue } from './findings';
import type { Utf8Validator } from './utf8-guard';
import { readXml } from './xml-reader';

export interface RecordSourceOptions {
  format: FileFormat;
  maxRecordSize: number;
  utf8Validator?: Utf8Validator;
  xmlRecordDecoder?: 'fast-xml-parser' | 'saxes';
  csvParser?: CsvParserChoice;
}

/** A problem found at file level: B02–B06, with its template parameters. */
export interface FileProblem {
  code: string;
  params: Record<string, ParamValue>;
}

/** Gets each record with its number (from 1); returns false to stop reading. */
export type RecordHandler = (cells: readonly string[], recordNumber: number) => boolean;

export function problemOf(problem: StructureProblem): FileProblem {
  switch (problem.code) {
    case 'B02':
      return { code: 'B02', params: { offset: problem.offset } };
    case 'B04':
      return { code: 'B04', params: { line: problem.line } };
    case 'B06':
      return { code: 'B06', params: { line: problem.line, detail: problem.detail, ...problem.params } };
  }
}

const LINE_BREAK = /[\r\n]/;

/**
 * Where each record of a CSV file ends in its bytes (the header as record 0, after its line break;
 * a BOM counted): 8 bytes a record. With them a second pass can hand csv-parse only the records it
 * wants (see the engine's 005 first occurrences) instead of the whole file.
 */
export class RecordEnds {
  private ends = new Float64Array(1 << 12);
  /** Records noted, the header included. */
  count = 0;

  /** Makes room for records up to `recordNumber` at once. */
  reserve(recordNumber: number): void {
    if (recordNumber < this.ends.length) return;
    const grown = new Float64Array(recordNumber + 1);
    grown.set(this.ends);
    this.ends = grown;
  }

  set(recordNumber: number, endByte: number): void {
    if (recordNumber >= this.ends.length) {
      const grown = new Float64Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[recordNumber] = endByte;
    this.count = recordNumber + 1;
  }

  /** The byte offset where record `recordNumber` ends (0: the header). */
  endOf(recordNumber: number): number {
    return this.ends[recordNumber]!;
  }
}

/**
 * Reads every record; returns the file-level problems that stopped it (none for a sound file).
 * For CSV, `ends` (when given) receives where the header and each record end in the bytes.
 */
export async function readRecords(
  source: AsyncIterable<Uint8Array>,
  compiled: CompiledDictionary,
  options: RecordSourceOptions,
  onRecord: RecordHandler,
  ends?: RecordEnds,
): Promise<FileProblem[]> {
  let recordNumber = 0;
  if (options.format === 'xml') {
    if (!compiled.dictionary.xml) throw new Error('dictionary has no XML layout');
    const problem = await readXml(
      source,
      {
        layout: compiled.dictionary.xml,
        fieldIndex: compiled.fieldIndex,
        maxRecordSize: options.maxRecordSize,
        utf8Validator: options.utf8Validator,
        recordDecoder: options.xmlRecordDecoder,
      },
      { record: (cells) => onRecord(cells, ++recordNumber) },
    );
    return problem ? [problemOf(problem)] : [];
  }
  let headerProblems: FileProblem[] = [];
  let lineBreak: FileProblem | null = null;
  let columnOfField: Int32Array | null = null;
  const problem = await readCsv(
    source,
    { maxRecordSize: options.maxRecordSize, utf8Validator: options.utf8Validator, csvParser: options.csvParser },
    {
      header(cells, endByte) {
        ends?.set(0, endByte);
        const match = matchHeader(cells, compiled.fieldIndex);
        headerProblems = match.problems;
        columnOfField = match.columnOfField;
        return headerProblems.length === 0;
      },
      record(cells, firstLine, lastLine, endByte) {
        const row = columnOfField === null ? cells : reorder(cells, columnOfField);
        // A quoted value may span lines in CSV; a line break is a control character in a value.
        if (lastLine > firstLine) {
          const at = row.findIndex((value) => LINE_BREAK.test(value));
          lineBreak = { code: 'B06', params: { line: firstLine, detail: 'lineBreakInValue', fieldName: compiled.fieldNames[at] ?? '' } };
          return false;
        }
        ends?.set(recordNumber + 1, endByte);
        return onRecord(row, ++recordNumber);
      },
    },
  );
  if (headerProblems.length > 0) return headerProblems;
  if (lineBreak) return [lineBreak];
  return problem ? [problemOf(problem)] : [];
}
