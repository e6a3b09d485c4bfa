/**
 * `pnpm bench`: the three measurements of issue 4, on deterministic generated files in a temp
 * directory (deleted afterwards). Prints a table, writes the figures to bench/results/, asserts no
 * times. Peak RSS is sampled every 10 ms during each run, after a forced GC (node --expose-gc).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Transform } from 'node:stream';
import { findDictionary, loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { validateDelivery } from '../../server/src/validation/engine';
import { fileSource, nodeUtf8Validator } from '../../server/src/validation/node-files';

// csv-parse is the server's dependency; load it from there for the baseline.
const { parse } = createRequire(path.resolve(__dirname, '../../server/package.json'))('csv-parse') as {
  parse: (options: Record<string, unknown>) => Transform;
};

const FIELDS = ['OperatieID', 'OperatieDatum', 'PatientCode', 'Geboortejaar', 'Geslacht', 'ODS', 'VaCCPre', 'VaCCPO', 'Anesthesie', 'Complicatie', 'ComplicatieType'];
const MB = 1024 * 1024;

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same file. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CAT 1.4 record; about 5% get one fault (a type, limit, reference table or cross-field error). */
function catRecord(i: number, next: () => number, faulty: boolean): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const complication = next() < 0.1;
  const record = [
    `OP${String(i).padStart(12, '0')}`, `2026-0${1 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    `P${Math.floor(next() * 2 ** 52).toString(16).padStart(19, '0')}`, String(1925 + Math.floor(next() * 90)), pick(['M', 'V', 'O']), pick(['01', '02']),
    (Math.floor(next() * 61) * 0.05).toFixed(2), next() < 0.8 ? (Math.floor(next() * 61) * 0.05).toFixed(2) : '',
    pick(['', '1', '2', '3', '4', '5']), complication ? 'J' : 'N', complication ? pick(['01', '02', '99']) : '',
  ];
  if (faulty) {
    const [field, value] = pick([[3, '2030'], [4, 'X'], [6, '0.33'], [6, '200.00'], [1, '2026-02-30'], [10, complication ? '' : '01']] as const);
    record[field] = value;
  }
  return record;
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > MB) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.end(batch);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

function* catCsv(count: number, faultRate: number, duplicateLast = false): Iterable<string> {
  const next = random(42);
  yield `${FIELDS.join(',')}\n`;
  for (let i = 1; i <= count; i++) yield `${catRecord(duplicateLast && i === count ? 1 : i, next, next() < faultRate).join(',')}\n`;
}

function* catXml(count: number, faultRate: number): Iterable<string> {
  const next = random(42);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<CataractAanlevering versie="1.4">\n';
  for (let i = 1; i <= count; i++) {
    const record = catRecord(i, next, next() < faultRate);
    yield `  <Operatie>${FIELDS.map((f, k) => (record[k] === '' ? '' : `<${f}>${record[k]}</${f}>`)).join('')}</Operatie>\n`;
  }
  yield '</CataractAanlevering>\n';
}

interface Measurement {
  /** Resident set size of the process when the run starts (after GC): modules, dictionaries, leftovers. */
  rssBeforeMB: number;
  seconds: number;
  records: number;
  recordsPerSecond: number;
  peakRssMB: number;
  detail?: Record<string, unknown>;
}

async function measure(run: () => Promise<{ records: number; detail?: Record<string, unknown> }>): Promise<Measurement> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 10);
  const started = process.hrtime.bigint();
  const { records, detail } = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { rssBeforeMB: round(before / MB, 0), seconds: round(seconds, 2), records, recordsPerSecond: Math.round(records / seconds), peakRssMB: round(peak / MB, 0), detail };
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

async function csvParseBaseline(file: string): Promise<{ records: number }> {
  let records = -1; // the header is not a record
  const parser = parse({ bom: true, cast: false, relax_column_count: false, max_record_size: 65536 });
  parser.on('data', () => { records++; });
  const done = new Promise((resolve, reject) => { parser.on('end', resolve); parser.on('error', reject); });
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(parser);
  await done;
  return { records };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-'));
  try {
    const cat = findDictionary(await loadDictionaries(), { registry: 'CAT', version: '1.4' })!;
    const engine = async (file: string, options: Record<string, unknown> = {}): Promise<{ records: number; detail: Record<string, unknown> }> => {
      const counts = new Map<string, number>();
      const result = await validateDelivery(fileSource(file), cat.compiled, {
        fileName: path.basename(file), period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' }, deliveryDate: '2026-04-15',
        utf8Validator: nodeUtf8Validator, onFinding: (f) => counts.set(f.code, (counts.get(f.code) ?? 0) + 1), ...options,
      });
      return { records: result.totals.records, detail: { status: result.status, rejected: result.totals.rejected, byCode: result.totals.byCode } };
    };

    const csvFile = path.join(dir, 'cat-1m.csv');
    await writeLines(csvFile, catCsv(1_000_000, 0.05));
    const csvSize = round((await stat(csvFile)).size / MB, 1);
    const baseline = await measure(() => csvParseBaseline(csvFile));
    const full = await measure(() => engine(csvFile));
    const baselineAgain = await measure(() => csvParseBaseline(csvFile));

    const xmlFile = path.join(dir, 'cat-200k.xml');
    await writeLines(xmlFile, catXml(200_000, 0.05));
    const xmlSize = round((await stat(xmlFile)).size / MB, 1);
    const xmlFxp = await measure(() => engine(xmlFile, { xmlRecordDecoder: 'fast-xml-parser' }));
    const xmlSaxes = await measure(() => engine(xmlFile, { xmlRecordDecoder: 'saxes' }));

    const dupFile = path.join(dir, 'cat-1m-dup.csv');
    await writeLines(dupFile, catCsv(1_000_000, 0, true));
    const duplicates = await measure(() => engine(dupFile));

    const slowerBaseline = Math.max(baseline.seconds, baselineAgain.seconds);
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
      csv: { fileMB: csvSize, baseline, baselineAgain, engine: full, ratio: round(Math.min(baseline.seconds, baselineAgain.seconds) / full.seconds, 2), ratioAgainstSlowerBaseline: round(slowerBaseline / full.seconds, 2), targets: { ratio: 0.8, peakRssMB: 200 } },
      xml: { fileMB: xmlSize, fastXmlParser: xmlFxp, saxes: xmlSaxes, targets: { recordsPerSecond: 100000, peakRssMB: 300 } },
      duplicateAtEnd: { ...duplicates, found: (duplicates.detail?.['byCode'] as Record<string, number> | undefined)?.['005'] === 2 },
    };
    await mkdir(path.resolve(__dirname, '../../bench/results'), { recursive: true });
    const json = `${JSON.stringify(figures, null, 2)}\n`;
    await writeFile(path.resolve(__dirname, '../../bench/results/validation-latest.json'), json);
    await writeFile(path.resolve(__dirname, `../../bench/results/validation-${figures.measuredAt.replace(/[:.]/g, '-')}.json`), json);
    const row = (name: string, m: Measurement, extra = ''): string =>
      `${name.padEnd(44)} ${String(m.records).padStart(9)} ${String(m.seconds).padStart(7)} s ${String(m.recordsPerSecond).padStart(9)} rec/s ${String(m.peakRssMB).padStart(5)} MB peak (${String(m.rssBeforeMB).padStart(3)} MB at start)  ${extra}`;
    console.log(`machine: ${figures.machine.cpu}, ${figures.machine.cores} cores, ${figures.machine.memoryGB} GB, Node ${figures.machine.node}`);
    console.log(row(`1. csv-parse only, ${csvSize} MB CSV`, baseline));
    console.log(row('   full engine, same file', full, `ratio engine/baseline ${figures.csv.ratio} (target ≥ 0.8; RSS ≤ 200 MB)`));
    console.log(row('   csv-parse only, again', baselineAgain));
    console.log(row(`2. engine, ${xmlSize} MB XML, fast-xml-parser records`, xmlFxp, 'target ≥ 100000 rec/s, RSS ≤ 300 MB'));
    console.log(row('   engine, same XML, saxes records', xmlSaxes));
    console.log(row('3. 1M distinct keys + 1 duplicate at the end', duplicates, `duplicate found: ${figures.duplicateAtEnd.found}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
