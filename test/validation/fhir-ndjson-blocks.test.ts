import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { expect } from 'chai';
import { convertFhir, FhirStructureError, type RecordLocator } from '../../server/src/fhir/conversion';
import { conversionWorkers, endConversionWorkers } from '../../server/src/fhir/conversion/conversion-workers';
import { type FieldValues, pmicdFhir, recordsFromCsv } from '../support/fhir-fixtures';
import { dictionary } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const PMICD = 'PMICD/PMICD/2018.0.5';

interface Outcome {
  csv?: string;
  locators: RecordLocator[];
  discardedPaths?: string[];
  error?: unknown;
}

/** Converts NDJSON given in chunks of `chunk` bytes, with the given workers and block size. */
async function convert(ndjson: string, options: { workers: number; blockBytes: number }, chunk = 4096): Promise<Outcome> {
  const bytes = Buffer.from(ndjson);
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) parts.push(bytes.subarray(at, at + chunk));
  const locators: RecordLocator[] = [];
  const { csv, done } = convertFhir(Readable.from(parts), 'ndjson', (await dictionary(PMICD)).dictionary, {
    ...options,
    onRecord: (n, locator) => locators.push({ n: String(n), ...locator }),
  });
  try {
    const [output, result] = await Promise.all([text(csv), done]);
    return { csv: output, locators, discardedPaths: result.discardedPaths };
  } catch (error) {
    return { error, locators };
  }
}

/** In this thread, the whole input as one block: the reference every cut must reproduce. */
const WHOLE = { workers: 0, blockBytes: 1024 ** 3 };
/** Blocks of a few patients, most of them converted by a worker. */
const SMALL_BLOCKS = { workers: 1, blockBytes: 3000 };

/** `count` records, one to three procedures a patient, from the dictionary's examples. */
function manyRecords(count: number): FieldValues[] {
  const examples = recordsFromCsv(readFileSync(path.join(ROOT, 'dictionaries', PMICD, 'examples/valid.csv'), 'utf8'));
  const records: FieldValues[] = [];
  for (let patient = 0; records.length < count; patient++) {
    const person = examples[patient % examples.length]!;
    for (let k = 0; k <= patient % 3 && records.length < count; k++) {
      const i = records.length;
      records.push({
        ...examples[i % examples.length]!,
        ProcedureID: `PR${String(i + 1).padStart(6, '0')}`,
        Serienummer: `SN${i}`,
        BSN: String(100_000_000 + patient),
        Geboortedatum: person['Geboortedatum']!,
        Geslacht: person['Geslacht']!,
      });
    }
  }
  return records;
}

function issuesOf(error: unknown): unknown {
  expect(error, 'a refusal').to.be.instanceOf(FhirStructureError);
  return (error as FhirStructureError).issues;
}

describe('FHIR NDJSON in blocks beside each other (conversion workers)', function () {
  this.timeout(60000);
  let fixture: ReturnType<typeof pmicdFhir>;

  before(() => {
    fixture = pmicdFhir(manyRecords(240));
  });

  after(async () => endConversionWorkers((await dictionary(PMICD)).dictionary));

  it('blocks cut before Patient lines and converted by a worker give the same CSV, record numbers, locators and discarded paths as one block in this thread', async () => {
    const whole = await convert(fixture.ndjson, WHOLE);
    expect(whole.error).to.equal(undefined);
    expect(whole.csv).to.equal(fixture.csv);
    const workers = conversionWorkers((await dictionary(PMICD)).dictionary, 1);
    for (const chunk of [7, 4096]) {
      const given = workers.blocksGiven;
      const blocks = await convert(fixture.ndjson, SMALL_BLOCKS, chunk);
      expect(blocks.error).to.equal(undefined);
      expect(blocks.csv, `chunks of ${chunk} bytes`).to.equal(whole.csv);
      expect(blocks.locators).to.deep.equal(whole.locators);
      expect(blocks.discardedPaths).to.deep.equal(whole.discardedPaths);
      expect(workers.blocksGiven - given, 'blocks a worker converted').to.be.greaterThan(0);
    }
    // The same cuts with no worker: every block in this thread.
    expect((await convert(fixture.ndjson, { workers: 0, blockBytes: 3000 })).csv).to.equal(whole.csv);
  });

  it('a Patient given again in a later block is refused naming both lines, as in one block', async () => {
    const lines = fixture.ndjson.trimEnd().split('\n');
    const again = [...lines, lines[0]!, ...lines.slice(1, 3)].join('\n');
    const whole = await convert(again, WHOLE);
    const blocks = await convert(again, SMALL_BLOCKS);
    expect(issuesOf(blocks.error)).to.deep.equal(issuesOf(whole.error));
    expect(JSON.stringify(issuesOf(blocks.error)))
      .to.include(`line ${lines.length + 1}`)
      .and.to.include('already given on line 1');
  });

  it('of two refusals in different blocks the first in line order is given, whichever block is done first', async () => {
    const lines = fixture.ndjson.trimEnd().split('\n');
    const broken = [...lines];
    const procedures = lines.flatMap((line, i) => (line.startsWith('{"resourceType":"Procedure"') ? [i] : []));
    const early = procedures.find((i) => i > 40)!;
    const late = procedures[procedures.length - 3]!;
    broken[late] = broken[late]!.replace('"status":"completed"', '"status":7');
    broken[early] = broken[early]!.replace(/^\{/, '{"colour":"red",');
    const whole = await convert(broken.join('\n'), WHOLE);
    const blocks = await convert(broken.join('\n'), SMALL_BLOCKS);
    expect(issuesOf(blocks.error)).to.deep.equal(issuesOf(whole.error));
    expect(JSON.stringify(issuesOf(blocks.error))).to.include(`line ${early + 1}`);
  });

  it('input with no line that can be cut before (resourceType not first) goes on line by line after the last cut, with the same CSV', async () => {
    const lines = fixture.ndjson.trimEnd().split('\n');
    const half = Math.floor(lines.length / 2);
    // The second half's Patient lines give their id first: nothing to cut before there.
    const reordered = lines.map((line, i) =>
      i >= half && line.startsWith('{"resourceType":"Patient"') ? JSON.stringify({ id: JSON.parse(line).id, ...JSON.parse(line) }) : line,
    );
    expect(reordered.join('\n')).to.not.equal(lines.join('\n'));
    // 64 blocks' worth of uncut bytes switch to line by line: blocks of 400 bytes make that happen early.
    const result = await convert(`${reordered.join('\n')}\n`, { workers: 1, blockBytes: 400 });
    expect(result.error).to.equal(undefined);
    expect(result.csv).to.equal(fixture.csv);
    expect(result.locators).to.deep.equal((await convert(fixture.ndjson, WHOLE)).locators);
  });

  it('a refusal closes the input, in blocks as line by line, so the rest of a refused body is not read', async () => {
    const lines = fixture.ndjson.trimEnd().split('\n');
    lines[3] = '{not json';
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    for (const options of [SMALL_BLOCKS, { workers: 1, blockBytes: 20 }, WHOLE]) {
      const input = Readable.from(Array.from({ length: Math.ceil(bytes.length / 512) }, (_, i) => bytes.subarray(i * 512, (i + 1) * 512)));
      const { csv, done } = convertFhir(input, 'ndjson', (await dictionary(PMICD)).dictionary, options);
      const [read, result] = await Promise.allSettled([text(csv), done]);
      expect(read.status).to.equal('rejected');
      expect(issuesOf((result as PromiseRejectedResult).reason)).to.deep.equal([
        { severity: 'error', code: 'structure', expression: 'line 4', diagnostics: 'the line is not valid JSON (at character 1)' },
      ]);
      expect(input.destroyed, `input closed (${JSON.stringify(options)})`).to.equal(true);
    }
  });

  it('a line that starts as a Patient but gives resourceType again is refused, so a cut before it is never wrong', async () => {
    const lines = fixture.ndjson.trimEnd().split('\n');
    const patientAt = lines.findIndex((line, i) => i > 100 && line.startsWith('{"resourceType":"Patient"'));
    lines[patientAt] = lines[patientAt]!.replace(/\}$/, ',"resourceType":"Procedure"}');
    for (const options of [WHOLE, SMALL_BLOCKS]) {
      expect(issuesOf((await convert(lines.join('\n'), options)).error)).to.deep.equal([
        { severity: 'error', code: 'invalid', expression: `line ${patientAt + 1}`, diagnostics: 'the line gives resourceType more than once' },
      ]);
    }
  });
});
