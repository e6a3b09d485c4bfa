/**
 * Streaming XML reader: bytes in, one `string[]` per record element out, structural problems as
 * data (B02, B06). docs/security.md#xml-saxes-and-fast-xml-parser: fatal UTF-8 first, DOCTYPE refused, records cut
 * from the stream with a SAX pass (saxes), their values taken from saxes' events or (optionally)
 * each record re-parsed with fast-xml-parser's safe settings, so a large file never becomes one
 * string; a truncated document is an error with line
 * and column. The layout is the dictionary's (root element, record element, one child element per
 * field: "an XSD violation" is B06 like any broken structure). A missing field element is an empty
 * value, so the same records give the same report as CSV.
 */
import { SaxesParser } from 'saxes';
import type { XmlLayout } from './dictionary-types';
import { describeCodeUnit } from './control-characters';
import type { StructureProblem } from './csv-reader';
import type { ParamValue } from './findings';
import { type Utf8Validator, Utf8Guard } from './utf8-guard';
import { type RecordDecoder, fastXmlParserDecoder, saxesTextDecoder } from './xml-record-decoders';

export interface XmlReaderOptions {
  layout: XmlLayout;
  fieldIndex: ReadonlyMap<string, number>;
  /** Largest record element, in characters, before the file is refused (B06). */
  maxRecordSize: number;
  utf8Validator?: Utf8Validator;
  /** How a record's values are taken: from saxes' own events (default) or re-parsed with fast-xml-parser. */
  recordDecoder?: 'fast-xml-parser' | 'saxes';
}

export interface XmlRecordSink {
  /** A record with the line its element starts on; return false to stop reading. */
  record(cells: string[], line: number): boolean;
}

/** File text that goes into a message: cut short, and digit runs that could be a BSN removed. */
function quoteFromFile(text: string): string {
  return text.replace(/[0-9]{6,}/g, '…').slice(0, 120);
}

const SAXES_POSITION_PREFIX = /^[0-9]+:[0-9]+: /;

/** The own properties saxes 6 keeps its handlers in (`on(event, h)` does `this[`…Handler`] = h`). */
interface SaxesHandlerSlots {
  xmldeclHandler?: unknown;
  textHandler?: unknown;
  doctypeHandler?: unknown;
  openTagStartHandler?: unknown;
  attributeHandler?: unknown;
  openTagHandler?: unknown;
  closeTagHandler?: unknown;
  cdataHandler?: unknown;
  errorHandler?: unknown;
}

/**
 * A saxes parser whose handler slots exist before `on()` fills them. saxes adds each handler as a
 * new property with a keyed store; past a dozen properties added that way V8 turns the parser into
 * a dictionary-mode object, and every field read in saxes' per-character loop becomes a hash
 * lookup (measured: 3.2 s instead of 0.7 s for 200,000 records). Named stores here keep its shape
 * fast. If a saxes version renamed the slots, only speed would suffer (a test checks the names).
 */
export function createSaxesParser(): SaxesParser {
  // xmlns: Namespaces in XML 1.0 is part of well-formedness here: unbound prefixes, `xmlns:=""`,
  // rebinding `xml` or binding `xmlns`, a colon in a PI target or twice in a name are all errors.
  const sax = new SaxesParser({ position: true, xmlns: true });
  const slots = sax as unknown as SaxesHandlerSlots;
  slots.xmldeclHandler = undefined;
  slots.textHandler = undefined;
  slots.doctypeHandler = undefined;
  slots.openTagStartHandler = undefined;
  slots.attributeHandler = undefined;
  slots.openTagHandler = undefined;
  slots.closeTagHandler = undefined;
  slots.cdataHandler = undefined;
  slots.errorHandler = undefined;
  return sax;
}

/** Index of the first control character (tab and line breaks included) in a value, or -1; a loop, as it runs per value. */
function controlCharacterAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return i;
  }
  return -1;
}

export class XmlRecordReader {
  // Position tracking stays on: line and column of a problem are part of B06's message.
  private readonly sax = createSaxesParser();
  private readonly decoder: RecordDecoder;
  private readonly fieldNames: string[];
  /** The field expected next when elements come in dictionary order (the usual case): no Map lookup. */
  private nextField = 0;
  /** A well-formedness problem (or a refused DOCTYPE): reading stops at once. */
  private problem: StructureProblem | null = null;
  /**
   * A layout problem (wrong element, text, attribute): records stop, but saxes reads on to the end,
   * because a document that is also not well-formed should be reported as such first.
   */
  private layoutProblem: StructureProblem | null = null;
  private depth = 0;
  private stopped = false;
  /** Text written to saxes from absolute position `bufferStart` on, kept while a record is open. */
  private buffer = '';
  private bufferStart = 0;
  private recordStart = -1;
  private recordLine = 0;
  private readonly seen: Uint8Array;
  private readonly rootAttributesSeen = new Set<string>();

  constructor(
    private readonly options: XmlReaderOptions,
    private readonly sink: XmlRecordSink,
  ) {
    this.seen = new Uint8Array(options.fieldIndex.size);
    this.fieldNames = new Array<string>(options.fieldIndex.size);
    for (const [name, at] of options.fieldIndex) this.fieldNames[at] = name;
    this.decoder =
      options.recordDecoder === 'fast-xml-parser'
        ? fastXmlParserDecoder(options.layout.recordElement, options.fieldIndex)
        : saxesTextDecoder(options.fieldIndex.size);
    this.listen();
  }

  private fail(detail: string, params: Record<string, ParamValue>): void {
    if (this.stopped) return;
    this.problem = { code: 'B06', line: this.sax.line, detail, params: { column: this.sax.column, ...params } };
    this.stopped = true;
  }

  private layoutFail(detail: string, params: Record<string, ParamValue>): void {
    if (this.layoutProblem !== null) return;
    this.layoutProblem = { code: 'B06', line: this.sax.line, detail, params: { column: this.sax.column, ...params } };
    this.recordStart = -1;
  }

  /** Whether records are still being taken (no problem of either kind yet). */
  private get reading(): boolean {
    return !this.stopped && this.layoutProblem === null;
  }

  private listen(): void {
    const sax = this.sax;
    sax.on('error', (error) => this.fail('xmlMalformed', { reason: quoteFromFile(error.message.replace(SAXES_POSITION_PREFIX, '')) }));
    sax.on('doctype', () => this.fail('xmlDoctype', {}));
    sax.on('xmldecl', (decl) => {
      const encoding = decl.encoding;
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) this.fail('xmlEncoding', { encoding: quoteFromFile(encoding) });
    });
    sax.on('opentagstart', (tag) => this.openTag(tag.name));
    sax.on('attribute', (attribute) => this.attribute(attribute.name, attribute.value));
    sax.on('opentag', () => this.checkRootAttributes());
    sax.on('text', (text) => this.text(text));
    sax.on('cdata', (text) => this.text(text, true));
    sax.on('closetag', (tag) => this.closeTag(tag));
  }

  private openTag(name: string): void {
    if (!this.reading) return;
    this.depth++;
    const { layout, fieldIndex } = this.options;
    if (this.depth === 1) {
      if (name !== layout.rootElement) this.layoutFail('xmlRoot', { found: quoteFromFile(name), expected: layout.rootElement });
    } else if (this.depth === 2) {
      if (name !== layout.recordElement) return this.layoutFail('xmlUnexpectedElement', { element: quoteFromFile(name) });
      this.recordStart = this.buffer.lastIndexOf('<', this.sax.position - this.bufferStart - 1);
      this.recordLine = this.sax.line;
      this.seen.fill(0);
      this.nextField = 0;
      this.decoder.startRecord();
    } else if (this.depth === 3) {
      const at = name === this.fieldNames[this.nextField] ? this.nextField : fieldIndex.get(name);
      if (at === undefined) return this.layoutFail('xmlUnexpectedElement', { element: quoteFromFile(name) });
      if (this.seen[at] === 1) return this.layoutFail('xmlDuplicateElement', { element: name });
      this.seen[at] = 1;
      this.nextField = at + 1;
      this.decoder.startField(at);
    } else {
      this.layoutFail('xmlUnexpectedElement', { element: quoteFromFile(name) });
    }
  }

  private attribute(name: string, value: string): void {
    if (!this.reading) return;
    if (this.depth === 1) {
      if (name.startsWith('xmlns') || name.startsWith('xsi:')) return;
      const expected = this.options.layout.rootAttributes ?? {};
      if (Object.prototype.hasOwnProperty.call(expected, name)) {
        this.rootAttributesSeen.add(name);
        if (expected[name] !== value) this.layoutFail('xmlRootAttribute', { attribute: name, expected: expected[name]! });
        return;
      }
    }
    this.layoutFail('xmlUnexpectedAttribute', { attribute: quoteFromFile(name) });
  }

  private checkRootAttributes(): void {
    if (!this.reading || this.depth !== 1) return;
    for (const [attribute, expected] of Object.entries(this.options.layout.rootAttributes ?? {})) {
      if (!this.rootAttributesSeen.has(attribute)) return this.layoutFail('xmlRootAttribute', { attribute, expected });
    }
  }

  private text(text: string, cdata = false): void {
    if (!this.reading) return;
    if (this.depth === 3) {
      const at = controlCharacterAt(text);
      if (at >= 0) return this.layoutFail('controlCharacter', { char: describeCodeUnit(text.charCodeAt(at)) });
      this.decoder.text(text);
    } else if (cdata || text.trim() !== '') this.layoutFail('xmlUnexpectedText', {});
  }

  private closeTag(tag: { name: string }): void {
    if (!this.reading) return;
    this.depth--;
    if (this.depth !== 1) return;
    // Only fast-xml-parser reads the record's text; the saxes decoder has its values already.
    const recordText = this.decoder.needsRecordText ? this.buffer.slice(this.recordStart, this.sax.position - this.bufferStart) : '';
    const cells = this.decoder.endRecord(recordText);
    this.recordStart = -1;
    if (cells === null) return this.layoutFail('xmlUnexpectedElement', { element: quoteFromFile(tag.name) });
    if (!this.sink.record(cells, this.recordLine)) this.stopped = true;
  }

  /** Feeds decoded text; returns false once reading should stop. */
  write(text: string): boolean {
    this.buffer += text;
    this.sax.write(text);
    this.trimBuffer();
    return !this.stopped;
  }

  private trimBuffer(): void {
    // Outside a record, keep from the last `<`: a record's start tag may be cut by the chunk end.
    const lastTag = this.buffer.lastIndexOf('<');
    const keepFrom = this.recordStart >= 0 ? this.recordStart : lastTag >= 0 ? lastTag : this.buffer.length;
    // Also bounds what is kept outside records (a huge comment or tag) to the same size.
    if (this.buffer.length - keepFrom > this.options.maxRecordSize) {
      this.fail('xmlRecordTooLarge', { max: this.options.maxRecordSize });
    }
    this.buffer = this.buffer.slice(keepFrom);
    this.bufferStart += keepFrom;
    if (this.recordStart >= 0) this.recordStart = 0;
  }

  /** Ends the document: a truncated one fails here with the line and column where it stopped. */
  close(): StructureProblem | null {
    if (!this.stopped) this.sax.close();
    return this.result;
  }

  get result(): StructureProblem | null {
    return this.problem ?? this.layoutProblem;
  }
}

/** Reads the whole source; resolves with the first structural problem, or null. */
export async function readXml(source: AsyncIterable<Uint8Array>, options: XmlReaderOptions, sink: XmlRecordSink): Promise<StructureProblem | null> {
  const utf8 = new Utf8Guard(options.utf8Validator);
  // Bytes are checked by the guard first, so decoding itself need not be fatal; it drops the BOM.
  const text = new TextDecoder('utf-8');
  const reader = new XmlRecordReader(options, sink);
  for await (const chunk of source) {
    const badByte = utf8.push(chunk);
    if (badByte >= 0) return { code: 'B02', offset: badByte };
    if (!reader.write(text.decode(chunk, { stream: true }))) return reader.result;
  }
  const badByte = utf8.end();
  if (badByte >= 0) return { code: 'B02', offset: badByte };
  const rest = text.decode();
  if (rest !== '' && !reader.write(rest)) return reader.result;
  return reader.close();
}
