/**
 * The engine's hand-written fast paths against the plain implementations they replace (regular
 * expressions, `Set`, a byte loop, fast-xml-parser): same answers on random and edge-case input.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CodeSet } from '../../server/validation/src/code-set';
import { CsvLineScanner, describeCodeUnit, type ScanHit } from '../../server/validation/src/control-characters';
import { compilePattern } from '../../server/validation/src/field-checks';
import { numberOf, parseDateYear, parseDecimal, parseInteger, yearOfValidDate } from '../../server/validation/src/field-values';
import { createSaxesParser } from '../../server/validation/src/xml-reader';
import { dictionary, validate, VALID_RECORDS, xmlOf } from './helpers';

/** Strings drawn mostly from the characters that matter to the syntax, plus any other. */
const valueText = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '.', ',', 'a', 'Z', ' ', 'é', '𝄞', '\n'), maxLength: 18 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('fast paths agree with the plain implementations', () => {
  it('integers, decimals and dates', () => {
    const isRealDate = (text: string): boolean => {
      if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    };
    fc.assert(
      fc.property(valueText, (text) => {
        expect(parseInteger(text)).to.deep.equal(/^-?[0-9]{1,15}$/.test(text) ? Number(text) : NaN);
        for (const decimals of [0, 1, 2, 3]) {
          expect(parseDecimal(text, decimals)).to.deep.equal(new RegExp(`^-?[0-9]{1,15}\\.[0-9]{${decimals}}$`).test(text) ? Number(text) : NaN);
        }
        if (!Number.isNaN(parseInteger(text))) expect(numberOf(text)).to.equal(Number(text));
        expect(Number.isNaN(parseDateYear(text))).to.equal(!isRealDate(text));
        expect(yearOfValidDate(text)).to.deep.equal(Number(text.slice(0, 4)));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(parseDateYear(text)).to.equal(date.getUTCFullYear());
      }),
    );
    // Decimals with many digits: the integer-over-power-of-ten shortcut must round like Number().
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (digits, decimals) => {
        const abs = (digits < 0n ? -digits : digits).toString().padStart(decimals + 1, '0');
        const text = `${digits < 0n ? '-' : ''}${abs.slice(0, abs.length - decimals)}.${abs.slice(abs.length - decimals)}`;
        const expected = /^-?[0-9]{1,15}\.[0-9]*$/.test(text) ? Number(text) : NaN;
        expect(parseDecimal(text, decimals), text).to.deep.equal(expected);
      }),
      { numRuns: 5000 },
    );
    for (const text of [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '-0',
      '000000000000000',
      '0000000000000000',
    ]) {
      expect(Number.isNaN(parseDateYear(text)), text).to.equal(!isRealDate(text));
      expect(parseInteger(text), text).to.deep.equal(/^-?[0-9]{1,15}$/.test(text) ? Number(text) : NaN);
    }
  });

  it('dictionary patterns: the character-class fast path and the Unicode RegExp', () => {
    const patterns = [
      '[A-Za-z0-9]+',
      '[0-9]{4}',
      '[0-9]{2,3}',
      '[A-Z]{2,}',
      '[a-z-]*',
      '[-a]?',
      '[+--]+',
      '[a-b-c]+',
      '[A-Z0-9._ ]{1,8}',
      '(?:[A-Z]{2})?[0-9]+',
      '[^0-9]+',
      '[\\w]+',
      '.+',
    ];
    const text = fc.oneof(
      valueText,
      fc.string({ unit: fc.constantFrom('A', 'z', '0', '-', '+', ',', '.', '_', ' ', 'b', 'c', 'é', '\u0130', '\u212a'), maxLength: 10 }),
    );
    for (const pattern of patterns) {
      const fast = compilePattern(pattern);
      const regex = new RegExp(`^(?:${pattern})$`, 'u');
      fc.assert(
        fc.property(text, (value) => {
          expect(fast(value), `${pattern} on ${JSON.stringify(value)}`).to.equal(regex.test(value));
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('reference table codes: CodeSet and Set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(valueText, { maxLength: 70 }), fc.array(valueText, { maxLength: 30 }), (codes, probes) => {
        const fast = new CodeSet(codes);
        const plain = new Set(codes);
        for (const value of [...codes, ...probes, '', `${codes[0] ?? ''}x`]) expect(fast.has(value)).to.equal(plain.has(value));
      }),
      { numRuns: 500 },
    );
  });

  it('control characters and line endings: the word-at-a-time scan and a byte loop, over any chunking and alignment', () => {
    const reference = (bytes: Uint8Array): string | null => {
      let line = 1;
      let column = 0;
      let quoted = false;
      let ending: string | null = null;
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i]!;
        if (byte === 0x0a || byte === 0x0d) {
          if (quoted) [line, column] = [line + 1, 0];
          else {
            const found = byte === 0x0a ? 'LF' : bytes[i + 1] === 0x0a ? 'CRLF' : 'CR';
            ending ??= found;
            if (found !== ending) return `E${line}:${found}:${ending}`;
            if (found === 'CRLF') i++;
            [line, column] = [line + 1, 0];
          }
          continue;
        }
        if (byte === 0x22) quoted = !quoted;
        if ((byte & 0xc0) !== 0x80) column++;
        if (byte < 0x20 || byte === 0x7f) return `C${line}:${column}:${describeCodeUnit(byte)}`;
      }
      return null;
    };
    const byte = fc.oneof(
      fc.constantFrom(0x41, 0x2c, 0x22, 0x0a, 0x0d, 0x0d, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x7f, 0x00, 0x09, 0x1f, 0x20, 0x80),
      fc.integer({ min: 0, max: 255 }),
    );
    const show = (hit: ScanHit): string => (hit.kind === 'control' ? `C${hit.line}:${hit.column}:${hit.char}` : `E${hit.line}:${hit.found}:${hit.expected}`);
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 3 }),
        (values, cuts, offset) => {
          // A buffer with a leading pad, so the chunks start at every alignment.
          const padded = new Uint8Array(values.length + offset);
          padded.set(values, offset);
          const bytes = padded.subarray(offset);
          const scanner = new CsvLineScanner();
          let found: string | null = null;
          for (let at = 0, k = 0; at < bytes.length && found === null; at += cuts[k++ % cuts.length]!) {
            const hit = scanner.push(bytes.subarray(at, Math.min(bytes.length, at + cuts[k % cuts.length]!)));
            if (hit) found = show(hit);
          }
          if (found === null) {
            const hit = scanner.end();
            if (hit) found = show(hit);
          }
          expect(found).to.equal(reference(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('XML record decoders', () => {
  it('keeps saxes handler slots in place before on() (the parser stays a fast-properties object)', () => {
    const sax = createSaxesParser();
    const before = Object.keys(sax).sort();
    // saxes' EVENTS (saxes is the engine's dependency, not the tests').
    const events = [
      'xmldecl',
      'text',
      'processinginstruction',
      'doctype',
      'comment',
      'opentagstart',
      'attribute',
      'opentag',
      'closetag',
      'cdata',
      'error',
      'end',
      'ready',
    ] as const;
    for (const event of events) sax.on(event, () => {});
    const added = Object.keys(sax).filter((key) => !before.includes(key));
    // Only handlers the reader never sets may be added by on(); the reader's nine must exist already.
    expect(added.sort()).to.deep.equal(['commentHandler', 'endHandler', 'piHandler', 'readyHandler']);
  });

  it('give the same findings for entities, character references, CDATA, comments and empty elements', async () => {
    const d = await dictionary('CAT/Cataract/1.4');
    const record = VALID_RECORDS['CAT/Cataract/1.4']!;
    const base = xmlOf(d, [record]);
    const variants = [
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID>1100&#48;523</OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID>A&amp;B&lt;&gt;&quot;&apos;</OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID>&#x41;&#66;</OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID><![CDATA[11<00]]>0523</OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID>1100<!-- x -->0523</OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID> 11000523 </OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID></OperatieID>'),
      base.replace('<OperatieID>11000523</OperatieID>', '<OperatieID/>'),
      base.replace('<ODS>01</ODS>', '').replace('<Geslacht>V</Geslacht>', '<ODS>01</ODS><Geslacht>V</Geslacht>'),
      base.replace(/<Operatie>.*<\/Operatie>/, '<Operatie>  </Operatie>'),
      base.replace(/<Operatie>.*<\/Operatie>/, '<Operatie/>'),
      base.replace('<Geslacht>V</Geslacht>', '<Geslacht>\tV</Geslacht>'),
      base.replace('<Geslacht>V</Geslacht>', '<Geslacht>V\u007f</Geslacht>'),
      base.replace('<Geslacht>V</Geslacht>', '<Geslacht>V<b/></Geslacht>'),
    ];
    for (const xml of variants) {
      for (const chunkSize of [7, 65536]) {
        const a = await validate('CAT/Cataract/1.4', xml, { format: 'xml', chunkSize, xmlRecordDecoder: 'fast-xml-parser' });
        const b = await validate('CAT/Cataract/1.4', xml, { format: 'xml', chunkSize, xmlRecordDecoder: 'saxes' });
        expect(b, xml).to.deep.equal(a);
      }
    }
  });
});
