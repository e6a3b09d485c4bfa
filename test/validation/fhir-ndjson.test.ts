import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { expect } from 'chai';
import { convertFhir, FhirStructureError } from '../../server/src/fhir/conversion';
import { pmicdFhir, recordsFromCsv } from '../support/fhir-fixtures';
import { dictionary } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

async function run(parts: Buffer[]): Promise<{ output?: string; error?: unknown }> {
  const { csv, done } = convertFhir(Readable.from(parts), 'ndjson', (await dictionary('PMICD/PMICD/2018.0.5')).dictionary);
  try {
    const [output] = await Promise.all([text(csv), done]);
    return { output };
  } catch (error) {
    return { error };
  }
}

/** The bytes cut into pieces of one to seven bytes, so lines and UTF-8 characters straddle chunks. */
function pieces(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let at = 0, n = 1; at < bytes.length; at += n, n = (n % 7) + 1) parts.push(bytes.subarray(at, at + n));
  return parts;
}

describe('FHIR NDJSON lines (split on the bytes)', function () {
  this.timeout(30000);
  const records = recordsFromCsv(readFileSync(path.join(ROOT, 'dictionaries/PMICD/PMICD/2018.0.5/examples/valid.csv'), 'utf8'));

  it('lines cut anywhere across chunks, CRLF line ends, a BOM, blank lines and no final LF give the same CSV as plain NDJSON', async () => {
    const fixture = pmicdFhir(records.map((r, i) => ({ ...r, Model: i === 0 ? 'Modèl “é”' : r['Model']! })));
    const plain = await run([Buffer.from(fixture.ndjson)]);
    expect(plain.output).to.equal(fixture.csv);
    const crlf = `\uFEFF${fixture.ndjson.trim().split('\n').join('\r\n\r\n')}`;
    expect((await run(pieces(Buffer.from(crlf)))).output).to.equal(fixture.csv);
  });

  it('bytes that are not UTF-8 are refused naming their own line', async () => {
    const fixture = pmicdFhir(records);
    const lines = fixture.ndjson.trim().split('\n');
    const bad = Buffer.concat([
      Buffer.from(`${lines.slice(0, 3).join('\n')}\n`),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d]),
      Buffer.from(`\n${lines.slice(3).join('\n')}\n`),
    ]);
    const { error } = await run(pieces(bad));
    expect(error).to.be.instanceOf(FhirStructureError);
    expect((error as FhirStructureError).issues).to.deep.equal([
      { severity: 'error', code: 'structure', expression: 'line 4', diagnostics: 'the line is not valid UTF-8' },
    ]);
  });
});
