/**
 * `pnpm bench` (part 4a): the cost of a finding in-process, steadier on a shared machine than
 * whole-command timings. Asserts no times.
 *
 * 1. The report writer alone: the findings of a generated faulty CAT file (the issue's code mix,
 *    quoted values with commas) written again and again into a stream that discards them, per
 *    format, the current writer alternating with the one before the hand-written lines
 *    (test/validation/report-reference.ts); µs per finding, medians of alternating rounds.
 * 2. The finding path end to end (RecordValidator.report → engine emit → writer): the engine with a
 *    JSON report on the faulty file and on a clean file of the same shape (same quoting), both in
 *    memory; (faulty − clean) / findings.
 *
 * `BENCH_WRITER_FINDINGS` (default 200,000) sets how many findings each writer round writes,
 * `BENCH_WRITER_RECORDS` (default 200,000) the size of the files of part 2.
 */
import os from 'node:os';
import { Writable } from 'node:stream';
import { findDictionary, loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { validateDelivery } from '../../server/validation/src/engine';
import type { ResolvedDictionary } from '../../server/validation/src/dictionary-types';
import type { Finding } from '../../server/validation/src/findings';
import { nodeUtf8Validator } from '../../server/validation/src/node-files';
import { type ReportFormat, ReportWriter } from '../../server/validation/src/report-output';
import { ReferenceReportWriter } from '../validation/report-reference';
import { catFaultyCsv } from './cat-files';

const FINDINGS = Number(process.env.BENCH_WRITER_FINDINGS ?? 200_000);
const RECORDS = Number(process.env.BENCH_WRITER_RECORDS ?? 200_000);
const ROUNDS = 5;
const PERIOD = { code: '2026K1', start: '2026-01-01', end: '2026-03-31' };

/** A stream that takes everything at once and keeps nothing but a count. */
function discard(): Writable & { bytes: number } {
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      out.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');

function fileBytes(lines: Iterable<string>): Buffer {
  return Buffer.from([...lines].join(''), 'utf8');
}

async function main(): Promise<void> {
  const cat = findDictionary(await loadDictionaries(), { registry: 'CAT', version: '1.4' });
  if (!cat) throw new Error('no CAT 1.4 dictionary');
  const faulty = fileBytes(catFaultyCsv(RECORDS, 0.055));
  const clean = fileBytes(catFaultyCsv(RECORDS, 0));
  const source = (bytes: Buffer) => async function* (): AsyncIterable<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 256 * 1024) yield bytes.subarray(at, at + 256 * 1024);
  };
  const options = { fileName: 'x.csv', period: PERIOD, deliveryDate: '2026-04-15', utf8Validator: nodeUtf8Validator };
  const { findings } = await validateDelivery(source(faulty), cat.compiled, options);
  console.log(`Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)}`);

  const writers: Array<[string, new (out: Writable, format: ReportFormat, ...rest: [ResolvedDictionary, 'nl']) => { finding(f: Finding): void }]> = [
    ['before', ReferenceReportWriter],
    ['now', ReportWriter],
  ];
  const formats: ReportFormat[] = ['json', 'table', 'csv'];
  const times = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const format of formats) {
      for (const [name, Writer] of writers) {
        const writer = new Writer(discard(), format, cat.dictionary, 'nl');
        const cpu = process.cpuUsage();
        for (let n = 0; n < FINDINGS; n++) writer.finding(findings[n % findings.length]!);
        const used = process.cpuUsage(cpu);
        const us = (used.user + used.system) / FINDINGS;
        const key = `${format} ${name}`;
        times.set(key, [...(times.get(key) ?? []), us]);
      }
    }
  }
  console.log(`\n4a. The report writer alone: ${FINDINGS.toLocaleString('en')} findings (those of ${RECORDS.toLocaleString('en')} faulty records, repeated) into a discarding stream, CPU time, medians of ${ROUNDS} alternating rounds\n`);
  console.log('| format | before: µs per finding | now: µs per finding |');
  console.log('| --- | ---: | ---: |');
  for (const format of formats) console.log(`| ${format} | ${median(times.get(`${format} before`)!).toFixed(2)} | ${median(times.get(`${format} now`)!).toFixed(2)} |`);

  // 2. End to end, in-process: the engine feeding the JSON writer.
  const run = async (bytes: Buffer, Writer: (typeof writers)[number][1] = ReportWriter): Promise<{ seconds: number; cpu: number; findings: number }> => {
    const writer = new Writer(discard(), 'json', cat.dictionary, 'nl');
    let count = 0;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await validateDelivery(source(bytes), cat.compiled, { ...options, onFinding: (f) => { count++; writer.finding(f); } });
    const used = process.cpuUsage(cpu);
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6, findings: count };
  };
  const cleanRuns = { seconds: [] as number[], cpu: [] as number[] };
  const faultyRuns = { seconds: [] as number[], cpu: [] as number[] };
  const faultyBefore = { seconds: [] as number[], cpu: [] as number[] };
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const b = await run(faulty, ReferenceReportWriter);
    faultyBefore.seconds.push(b.seconds);
    faultyBefore.cpu.push(b.cpu);
    const c = await run(clean);
    cleanRuns.seconds.push(c.seconds);
    cleanRuns.cpu.push(c.cpu);
    const f = await run(faulty);
    faultyRuns.seconds.push(f.seconds);
    faultyRuns.cpu.push(f.cpu);
    found = f.findings;
  }
  const [cs, cc, fs, fc] = [median(cleanRuns.seconds), median(cleanRuns.cpu), median(faultyRuns.seconds), median(faultyRuns.cpu)];
  const perFinding = ((fs - cs) / found) * 1e6;
  const perFindingCpu = ((fc - cc) / found) * 1e6;
  console.log(`\n4b. The finding path end to end in-process (engine + JSON writer), ${RECORDS.toLocaleString('en')} records, medians of ${ROUNDS} alternating runs\n`);
  console.log('| file | seconds | cpu | cpu µs per record | target |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(`| clean (same shape and quoting) | ${cs.toFixed(3)} | ${cc.toFixed(3)} | ${((cc / RECORDS) * 1e6).toFixed(2)} | |`);
  console.log(`| faulty, ${found.toLocaleString('en')} findings | ${fs.toFixed(3)} | ${fc.toFixed(3)} | ${((fc / RECORDS) * 1e6).toFixed(2)} | |`);
  console.log(`| per finding on top of the clean file | ${perFinding.toFixed(2)} µs | ${perFindingCpu.toFixed(2)} µs | | ≤ 5 µs: ${met(perFinding <= 5)} (cpu ${met(perFindingCpu <= 5)}) |`);
  const [bs, bc] = [median(faultyBefore.seconds), median(faultyBefore.cpu)];
  console.log(`| faulty, with the writer before the hand-written lines | ${bs.toFixed(3)} | ${bc.toFixed(3)} | ${((bc / RECORDS) * 1e6).toFixed(2)} | per finding on top of the clean file: ${(((bs - cs) / found) * 1e6).toFixed(2)} µs (cpu ${(((bc - cc) / found) * 1e6).toFixed(2)} µs) |`);
  console.log(`load average ${os.loadavg()[0]!.toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
