/**
 * Two ways to take a record's values once saxes has cut the record element from the stream and
 * checked its structure: the text saxes already reported (the default: one parse instead of two,
 * several times faster, see bench/README.md), or fast-xml-parser on the record's text with
 * the safe settings of docs/security.md#xml-saxes-and-fast-xml-parser. Both give the same values (test/validation/xml-security.test.ts).
 */
import { XMLParser } from 'fast-xml-parser';

export interface RecordDecoder {
  /** Whether `endRecord` needs the record element's text (else the reader passes ''). */
  readonly needsRecordText: boolean;
  startRecord(): void;
  startField(at: number): void;
  text(text: string): void;
  /** The record's values in field order; null when its text does not decode to one record. */
  endRecord(recordText: string): string[] | null;
}

export function saxesTextDecoder(fieldCount: number): RecordDecoder {
  let cells: string[] = [];
  let field = -1;
  return {
    needsRecordText: false,
    startRecord() {
      cells = new Array<string>(fieldCount).fill('');
      field = -1;
    },
    startField(at) {
      field = at;
    },
    text(text) {
      if (field >= 0) cells[field] += text;
    },
    endRecord() {
      return cells;
    },
  };
}

export function fastXmlParserDecoder(recordElement: string, fieldIndex: ReadonlyMap<string, number>): RecordDecoder {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false, // otherwise `01234567` becomes 1234567
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true, // the five predefined entities: DOCTYPE is refused before, so no others are declared
    // Needed for character references (`&#48;` stays literal otherwise, where saxes and XML give `0`).
    // No HTML named entity (`&nbsp;`) gets here: saxes refuses any undeclared entity first.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 4,
    isArray: (_name, jPath) => jPath === recordElement, // one record must not turn into an object
  });
  const fields = [...fieldIndex];
  return {
    needsRecordText: true,
    startRecord() {},
    startField() {},
    text() {},
    endRecord(recordText) {
      // saxes has already found these exact characters well-formed, so no second validation pass.
      const parsed: unknown = parser.parse(recordText);
      const records = ownValue(parsed, recordElement);
      const record: unknown = Array.isArray(records) && records.length === 1 ? records[0] : undefined;
      if (typeof record === 'string' && record.trim() === '') return new Array<string>(fields.length).fill('');
      if (typeof record !== 'object' || record === null) return null;
      const cells = new Array<string>(fields.length);
      for (const [name, at] of fields) {
        // Read by the dictionary's own names: keys from the file are never used to index anything.
        const value = ownValue(record, name);
        if (value !== undefined && typeof value !== 'string') return null;
        cells[at] = value ?? '';
      }
      return cells;
    },
  };
}

function ownValue(container: unknown, name: string): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  return Object.prototype.hasOwnProperty.call(container, name) ? (container as Record<string, unknown>)[name] : undefined;
}
