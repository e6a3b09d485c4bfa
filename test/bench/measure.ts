/**
 * One measurement of `pnpm bench`, in a process of its own (run.ts compiles this file and what it
 * imports to plain JavaScript and starts it with `node --expose-gc`), so that its RSS is the
 * engine's: no TypeScript compiler loaded (@swc-node/register alone holds ~75 MB), no generated
 * file or earlier run left in the heap. Prints one JSON line.
 *
 * Usage: measure.js TASK FILE DICTIONARIES_DIR, TASK one of `csv-parse`, `saxes`, `engine`,
 * `engine-fast-xml-parser`.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Transform } from 'node:stream';
import { findDictionary, loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { validateDelivery } from '../../server/validation/src/engine';
import { fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';
import { createSaxesParser } from '../../server/validation/src/xml-reader';

// csv-parse is the engine's dependency (resolved through NODE_PATH, see run.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time through NODE_PATH, not by the type checker
const { parse } = require('csv-parse') as { parse: (options: Record<string, unknown>) => Transform };

const MB = 1024 * 1024;
const CHUNK_SIZE = 256 * 1024; // as node-files.ts reads

export interface Measurement {
  task: string;
  seconds: number;
  /** User + system CPU time of the process during the run (less sensitive to waiting for a shared CPU). */
  cpuSeconds: number;
  records: number;
  recordsPerSecond: number;
  /** RSS after loading modules and dictionaries and a forced GC, just before the run. */
  rssStartMB: number;
  /** The process's peak RSS (getrusage maxrss: exact, and no sampling timer competing with the run). */
  peakRssMB: number;
  detail?: Record<string, unknown>;
}

/** csv-parse alone in array mode, with the engine's parsing options: the baseline. */
async function csvParseOnly(file: string): Promise<{ records: number }> {
  let records = -1; // the header is not a record
  const parser = parse({ bom: true, cast: false, relax_column_count: false, max_record_size: 65536 });
  parser.on('data', () => { records++; });
  const done = new Promise((resolve, reject) => { parser.on('end', resolve); parser.on('error', reject); });
  createReadStream(file, { highWaterMark: CHUNK_SIZE }).pipe(parser);
  await done;
  return { records };
}

/** saxes alone, with the engine's settings (position tracking on), counting record elements: the XML baseline. */
async function saxesOnly(file: string, recordElement: string): Promise<{ records: number }> {
  let records = 0;
  const sax = createSaxesParser();
  sax.on('closetag', (tag) => { if (tag.name === recordElement) records++; });
  sax.on('text', () => {});
  sax.on('error', (error) => { throw error; });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_SIZE })) sax.write(decoder.decode(chunk as Buffer, { stream: true }));
  sax.close();
  return { records };
}

async function main(): Promise<void> {
  const [task, file, dictionariesDir] = process.argv.slice(2) as [string, string, string];
  const cat = findDictionary(await loadDictionaries(dictionariesDir), { registry: 'CAT', version: '1.4' });
  if (!cat) throw new Error('no CAT 1.4 dictionary');
  const engine = async (decoder?: 'fast-xml-parser'): Promise<{ records: number; detail: Record<string, unknown> }> => {
    const byCode = new Map<string, number>();
    const result = await validateDelivery(fileSource(file), cat.compiled, {
      fileName: path.basename(file), period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' }, deliveryDate: '2026-04-15',
      utf8Validator: nodeUtf8Validator, onFinding: (f) => byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1),
      ...(decoder ? { xmlRecordDecoder: decoder } : {}),
    });
    return { records: result.totals.records, detail: { status: result.status, rejected: result.totals.rejected, byCode: result.totals.byCode } };
  };
  const run = {
    'csv-parse': () => csvParseOnly(file),
    saxes: () => saxesOnly(file, cat.dictionary.xml!.recordElement),
    engine: () => engine(),
    'engine-fast-xml-parser': () => engine('fast-xml-parser'),
  }[task];
  if (!run) throw new Error(`unknown task ${task}`);

  (globalThis as { gc?: () => void }).gc?.();
  const rssStart = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const { records, detail } = await run() as { records: number; detail?: Record<string, unknown> };
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuUsed = process.cpuUsage(cpu);
  // Over the process's life, loading included; loading peaks well below a run (rssStart shows it).
  const peak = process.resourceUsage().maxRSS * 1024;
  const measurement: Measurement = {
    task, seconds: round(seconds, 3), cpuSeconds: round((cpuUsed.user + cpuUsed.system) / 1e6, 3), records,
    recordsPerSecond: Math.round(records / seconds), rssStartMB: round(rssStart / MB, 0), peakRssMB: round(peak / MB, 0), detail,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
