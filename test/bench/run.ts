/**
 * `pnpm bench`: the three measurements of issue 4, on deterministic generated files in a temp
 * directory (deleted afterwards). Prints a table, writes the figures to bench/results/, asserts no
 * times.
 *
 * Method (bench/README.md): every measurement runs in a fresh `node --expose-gc` process on plain
 * JavaScript (measure.ts and its imports compiled here with @swc/core), so its peak RSS is the
 * engine's and not this process's (files generated here, TypeScript compiler loaded). Baseline
 * and engine alternate three times on the same file and the medians are compared, so one slow
 * moment on a shared machine does not decide the ratio.
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catCsv, catRecord, FIELDS, random, writeLines } from './cat-files';
import { compileGraph } from './compile-graph';
import type { Measurement } from './measure';

const ROOT = path.resolve(__dirname, '../..');

function* catXml(count: number, faultRate: number): Iterable<string> {
  const next = random(42);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<CataractAanlevering versie="1.4">\n';
  for (let i = 1; i <= count; i++) {
    const record = catRecord(i, next, next() < faultRate);
    yield `  <Operatie>${FIELDS.map((f, k) => (record[k] === '' ? '' : `<${f}>${record[k]}</${f}>`)).join('')}</Operatie>\n`;
  }
  yield '</CataractAanlevering>\n';
}

const REPEATS = 3;

function measureIn(child: string, task: string, file: string, dictionaries: string): Measurement {
  const result = spawnSync(process.execPath, ['--expose-gc', child, task, file, dictionaries], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', NODE_PATH: [path.join(ROOT, 'server/validation/node_modules'), path.join(ROOT, 'server/node_modules'), path.join(ROOT, 'node_modules')].join(path.delimiter) },
  });
  if (result.status !== 0) throw new Error(`${task} on ${path.basename(file)} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Measurement;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Medians over runs, and the runs themselves. */
function summary(runs: readonly Measurement[]): Record<string, unknown> & { seconds: number; cpuSeconds: number; recordsPerSecond: number; peakRssMB: number; rssStartMB: number; records: number } {
  const seconds = median(runs.map((r) => r.seconds));
  return {
    records: runs[0]!.records,
    seconds: round(seconds, 2),
    cpuSeconds: round(median(runs.map((r) => r.cpuSeconds)), 2),
    recordsPerSecond: Math.round(runs[0]!.records / seconds),
    rssStartMB: Math.max(...runs.map((r) => r.rssStartMB)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    runs: runs.map(({ seconds: s, cpuSeconds, peakRssMB }) => ({ seconds: s, cpuSeconds, peakRssMB })),
    ...(runs[0]!.detail ? { detail: runs[0]!.detail } : {}),
  };
}

/** Baseline and engine alternately on one file, `REPEATS` times each. */
function alternate(measure: (task: string) => Measurement, baselineTask: string, engineTask: string): [Measurement[], Measurement[]] {
  const baseline: Measurement[] = [];
  const engine: Measurement[] = [];
  for (let i = 0; i < REPEATS; i++) {
    baseline.push(measure(baselineTask));
    engine.push(measure(engineTask));
  }
  return [baseline, engine];
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-'));
  try {
    // A snapshot of the dictionaries, so every child reads the same ones.
    const dictionaries = path.join(dir, 'dictionaries');
    cpSync(path.join(ROOT, 'dictionaries'), dictionaries, { recursive: true });
    const child = compileGraph(path.join(__dirname, 'measure.ts'), path.join(dir, 'js'));

    const csvFile = path.join(dir, 'cat-1m.csv');
    await writeLines(csvFile, catCsv(1_000_000, 0.05));
    const xmlFile = path.join(dir, 'cat-200k.xml');
    await writeLines(xmlFile, catXml(200_000, 0.05));
    const dupFile = path.join(dir, 'cat-1m-dup.csv');
    await writeLines(dupFile, catCsv(1_000_000, 0, true));
    const csvSize = round((await stat(csvFile)).size / 1024 ** 2, 1);
    const xmlSize = round((await stat(xmlFile)).size / 1024 ** 2, 1);

    const [csvBaseline, csvEngine] = alternate((task) => measureIn(child, task, csvFile, dictionaries), 'csv-parse', 'engine');
    const [xmlBaseline, xmlEngine] = alternate((task) => measureIn(child, task, xmlFile, dictionaries), 'saxes', 'engine');
    const xmlFxp = measureIn(child, 'engine-fast-xml-parser', xmlFile, dictionaries);
    const duplicates = measureIn(child, 'engine', dupFile, dictionaries);

    const csv = { baseline: summary(csvBaseline), engine: summary(csvEngine) };
    const xml = { saxesOnly: summary(xmlBaseline), engine: summary(xmlEngine) };
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version,
        platform: `${os.platform()} ${os.release()}`, loadAverageBefore: round(loadBefore, 2), loadAverageAfter: round(os.loadavg()[0]!, 2),
      },
      method: `each run in a fresh node process; baseline and engine alternated ${REPEATS}× on the same file; medians`,
      csv: {
        fileMB: csvSize, ...csv,
        ratio: round(csv.baseline.seconds / csv.engine.seconds, 2),
        ratioCpu: round(csv.baseline.cpuSeconds / csv.engine.cpuSeconds, 2),
        targets: { ratio: 0.8, peakRssMB: 200 },
      },
      xml: {
        fileMB: xmlSize, ...xml, fastXmlParser: xmlFxp,
        ratio: round(xml.saxesOnly.seconds / xml.engine.seconds, 2),
        targets: { recordsPerSecond: 100000, peakRssMB: 300 },
      },
      duplicateAtEnd: { ...duplicates, found: (duplicates.detail?.['byCode'] as Record<string, number> | undefined)?.['005'] === 2 },
      benchSeconds: round((Date.now() - started) / 1000, 0),
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    const json = `${JSON.stringify(figures, null, 2)}\n`;
    await writeFile(path.join(ROOT, 'bench/results/validation-latest.json'), json);
    await writeFile(path.join(ROOT, `bench/results/validation-${figures.measuredAt.replace(/[:.]/g, '-')}.json`), json);

    const row = (name: string, m: { records: number; seconds: number; cpuSeconds: number; recordsPerSecond: number; peakRssMB: number; rssStartMB: number }, extra = ''): string =>
      `${name.padEnd(40)} ${String(m.records).padStart(9)} ${m.seconds.toFixed(2).padStart(6)} s (cpu ${m.cpuSeconds.toFixed(2).padStart(5)}) ${String(m.recordsPerSecond).padStart(8)} rec/s ${String(m.peakRssMB).padStart(4)} MB peak (${String(m.rssStartMB).padStart(3)} at start)  ${extra}`;
    const { machine } = figures;
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}; load average ${machine.loadAverageBefore} → ${machine.loadAverageAfter}`);
    console.log(`medians of ${REPEATS} alternating runs, each in a fresh process`);
    console.log(row(`1. csv-parse only, ${csvSize} MB CSV`, csv.baseline));
    console.log(row('   full engine, same file', csv.engine, `ratio ${figures.csv.ratio} (cpu ${figures.csv.ratioCpu}; target ≥ 0.8, RSS ≤ 200 MB)`));
    console.log(row(`2. saxes only, ${xmlSize} MB XML`, xml.saxesOnly));
    console.log(row('   full engine (saxes records)', xml.engine, 'target ≥ 100000 rec/s, RSS ≤ 300 MB'));
    console.log(row('   engine, fast-xml-parser records (1 run)', xmlFxp));
    console.log(row('3. 1M distinct keys + duplicate at end', duplicates, `duplicate found: ${figures.duplicateAtEnd.found}`));
    console.log(`(${figures.benchSeconds} s in all)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
