/**
 * `pnpm bench`, FHIR part (issue 15): the same PMICD 2018.0.5 records once as NDJSON (FHIR Bulk Data,
 * grouped per patient) and once as CSV; NDJSON → convertFhir → CSV file → the engine against CSV →
 * the engine, each run in a fresh process (compiled to plain JavaScript like measure.ts, so the RSS
 * is the work's). Prints records per second, the ratio FHIR/CSV (goal ≥ 0.25) and peak RSS (goal
 * ≤ 300 MB); writes bench/results/fhir-latest.json. Asserts no times.
 *
 * FHIR_BENCH_RECORDS (default 100000) and FHIR_BENCH_REPEATS (default 1) change the size and runs;
 * FHIR_BENCH_CPU_PROF=DIR writes a CPU profile of each FHIR run there (node --cpu-prof).
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type FieldValues, PMICD_FIELDS, pmicdFhir } from '../support/fhir-fixtures';
import { random, writeLines } from './cat-files';
import { CHILD_NODE_PATH, compileGraph } from './compile-graph';

const ROOT = path.resolve(__dirname, '../..');
const RECORDS = Number(process.env['FHIR_BENCH_RECORDS'] ?? 100_000);
const REPEATS = Number(process.env['FHIR_BENCH_REPEATS'] ?? 1);
const BATCH = 1000;
const CPU_PROF = process.env['FHIR_BENCH_CPU_PROF'];

interface Run {
  task: string;
  seconds: number;
  cpuSeconds: number;
  records: number;
  recordsPerSecond: number;
  rssStartMB: number;
  peakRssMB: number;
  detail: { status: string; accepted: number; conversionSeconds: number; setupSeconds: number; discardedPaths: string[] };
}

/** A BSN passing the eleven-test, from eight digits (none when the check digit would be 10). */
function bsn(next: () => number): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(next() * 9) : Math.floor(next() * 10)));
    const sum = digits.reduce((total, d, i) => total + d * (9 - i), 0);
    const check = sum % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

/** Deterministic PMICD records, patients with one to three procedures; about 3% with one fault the engine reports. */
function* pmicdRecords(count: number): Generator<FieldValues> {
  const next = random(15);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let made = 0;
  while (made < count) {
    const patient = { BSN: bsn(next), Geboortedatum: `19${30 + Math.floor(next() * 60)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`, Geslacht: pick(['M', 'V', 'O']) };
    const procedures = Math.min(count - made, 1 + Math.floor(next() * 3));
    for (let k = 0; k < procedures; k++) {
      made++;
      const procedure = pick(['N', 'V', 'U', 'E']);
      const record: FieldValues = {
        ProcedureID: `PR${String(made).padStart(8, '0')}`, ...patient, Naam: '',
        ImplantatieDatum: `2026-0${1 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
        Procedure: procedure, DeviceType: pick(['PM', 'ICD', 'CRTP', 'CRTD', 'ILR']), Fabrikant: pick(['MDT', 'BSC', 'ABT', 'BIO', 'MIC', 'OVR']),
        Model: pick(['Azure XT DR', 'Resonate EL', 'Gallant HF', 'Confirm Rx']), Serienummer: `SN${String(made).padStart(10, '0')}`,
        Indicatie: pick(['SND', 'AVB', 'AF', 'PRIM', 'SEC', 'HF', 'OVR']), Complicatie30d: procedure === 'E' ? '' : pick(['J', 'N', '']),
      };
      if (next() < 0.03) record['ImplantatieDatum'] = '2025-12-31'; // 020_Period
      yield record;
    }
  }
}

/** NDJSON and CSV lines of the same records, in batches of whole patients. */
async function writeFiles(ndjsonFile: string, csvFile: string): Promise<void> {
  const ndjson: string[] = [];
  const csv: string[] = [`${PMICD_FIELDS.join(',')}\n`];
  let batch: FieldValues[] = [];
  let first = 1;
  const flush = (): void => {
    const fixture = pmicdFhir(batch, { firstNumber: first });
    ndjson.push(fixture.ndjson);
    csv.push(fixture.csv.slice(fixture.csv.indexOf('\n') + 1));
    first += batch.length;
    batch = [];
  };
  for (const record of pmicdRecords(RECORDS)) {
    if (batch.length >= BATCH && batch[batch.length - 1]!['BSN'] !== record['BSN']) flush();
    batch.push(record);
  }
  flush();
  await writeLines(ndjsonFile, ndjson);
  await writeLines(csvFile, csv);
}

function measure(child: string, task: string, file: string, dictionaries: string, temp: string): Run {
  const profile = CPU_PROF && task === 'fhir' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
  const result = spawnSync(process.execPath, ['--expose-gc', ...profile, child, task, file, dictionaries, temp], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NODE_PATH: CHILD_NODE_PATH } });
  if (result.status !== 0) throw new Error(`${task} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Run;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-fhir-'));
  try {
    const dictionaries = path.join(dir, 'dictionaries');
    cpSync(path.join(ROOT, 'dictionaries'), dictionaries, { recursive: true });
    const child = compileGraph(path.join(__dirname, 'fhir-measure.ts'), path.join(dir, 'js'), [path.join(ROOT, 'server/src/fhir/conversion/ndjson-worker.ts')]);
    const ndjsonFile = path.join(dir, 'pmicd.ndjson');
    const csvFile = path.join(dir, 'pmicd.csv');
    await writeFiles(ndjsonFile, csvFile);
    const csvRuns: Run[] = [];
    const fhirRuns: Run[] = [];
    for (let i = 0; i < REPEATS; i++) {
      csvRuns.push(measure(child, 'csv', csvFile, dictionaries, dir));
      fhirRuns.push(measure(child, 'fhir', ndjsonFile, dictionaries, dir));
    }
    const csvSeconds = median(csvRuns.map((r) => r.seconds));
    const fhirSeconds = median(fhirRuns.map((r) => r.seconds));
    const same = fhirRuns.every((r) => r.records === csvRuns[0]!.records && r.detail.accepted === csvRuns[0]!.detail.accepted);
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, loadAverageBefore: round(loadBefore), loadAverageAfter: round(os.loadavg()[0]!) },
      records: RECORDS,
      ndjsonMB: round((await stat(ndjsonFile)).size / 1024 ** 2, 1),
      csvMB: round((await stat(csvFile)).size / 1024 ** 2, 1),
      csv: { seconds: round(csvSeconds), cpuSeconds: round(median(csvRuns.map((r) => r.cpuSeconds))), recordsPerSecond: Math.round(RECORDS / csvSeconds), peakRssMB: Math.max(...csvRuns.map((r) => r.peakRssMB)), runs: csvRuns.map((r) => round(r.seconds)) },
      fhir: {
        seconds: round(fhirSeconds), cpuSeconds: round(median(fhirRuns.map((r) => r.cpuSeconds))), recordsPerSecond: Math.round(RECORDS / fhirSeconds), peakRssMB: Math.max(...fhirRuns.map((r) => r.peakRssMB)), rssStartMB: fhirRuns[0]!.rssStartMB,
        conversionSeconds: round(median(fhirRuns.map((r) => r.detail.conversionSeconds))),
        conversionRecordsPerSecond: Math.round(RECORDS / median(fhirRuns.map((r) => r.detail.conversionSeconds))),
        setupSeconds: round(fhirRuns[0]!.detail.setupSeconds), runs: fhirRuns.map((r) => round(r.seconds)),
        discardedPaths: fhirRuns[0]!.detail.discardedPaths,
      },
      ratio: round(csvSeconds / fhirSeconds),
      /** The conversion alone against CSV → engine: with the CSV delivery path's own rate this gives the end-to-end figure. */
      conversionRatio: round(csvSeconds / median(fhirRuns.map((r) => r.detail.conversionSeconds))),
      ratioCpu: round(median(csvRuns.map((r) => r.cpuSeconds)) / median(fhirRuns.map((r) => r.cpuSeconds))),
      sameOutcome: same,
      targets: { ratio: 0.25, peakRssMB: 300 },
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench/results/fhir-latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`FHIR NDJSON ingest, PMICD 2018.0.5, ${RECORDS} records (${figures.ndjsonMB} MB NDJSON, ${figures.csvMB} MB CSV); load ${figures.machine.loadAverageBefore} → ${figures.machine.loadAverageAfter}; medians of ${REPEATS}`);
    console.log(`  CSV → engine            ${String(figures.csv.recordsPerSecond).padStart(8)} rec/s  ${figures.csv.seconds.toFixed(2).padStart(6)} s (cpu ${figures.csv.cpuSeconds.toFixed(2)})  peak RSS ${figures.csv.peakRssMB} MB`);
    console.log(`  NDJSON → FHIR → engine  ${String(figures.fhir.recordsPerSecond).padStart(8)} rec/s  ${figures.fhir.seconds.toFixed(2).padStart(6)} s (cpu ${figures.fhir.cpuSeconds.toFixed(2)})  peak RSS ${figures.fhir.peakRssMB} MB (${figures.fhir.rssStartMB} at start; conversion ${figures.fhir.conversionSeconds} s, R4 definitions ${figures.fhir.setupSeconds} s before)`);
    console.log(`  conversion alone        ${String(figures.fhir.conversionRecordsPerSecond).padStart(8)} rec/s  ${figures.fhir.conversionSeconds.toFixed(2).padStart(6)} s (NDJSON → CSV file, part of the run above)`);
    console.log(`  ratio (NDJSON → FHIR → engine) / (CSV → engine) ${figures.ratio} (cpu ${figures.ratioCpu}; goal ≥ 0.25); conversion alone / (CSV → engine) ${figures.conversionRatio}`);
    console.log(`  peak RSS goal ≤ 300 MB; same records and accepted count: ${same}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
