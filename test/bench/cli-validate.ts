/**
 * `pnpm bench` (part 4): the validate command as users meet it, each run a process of its own, its
 * report read from a pipe as `| jq` would, with its wall and CPU seconds and peak RSS (getrusage,
 * written by a preloaded module when it exits). Asserts no times or sizes.
 *
 * 1. Start-up: a 3-line CAT file, built (`node server/dist/cli.js`) and through `pnpm cli`'s
 *    launcher (server/run-cli.js, which runs the build when it is current), beside `node -e 0`.
 * 2. 1,000,000 CAT records, clean and with 6% faults (the issue's code mix, quoted values with
 *    commas): csv-parse alone against the command (JSON report), the cost per finding on top of
 *    the clean file, and peak RSS.
 * 3. Files where every record has a finding (40,000, 200,000 and 400,000), in each report format.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catCsv, catFaultyCsv, FIELDS, writeLines } from './cat-files';

const ROOT = path.resolve(__dirname, '../..');
const COUNTS = (process.env.BENCH_CLI_FINDINGS ?? '40000,200000,400000').split(',').map(Number);

function* faultyCsv(count: number): Iterable<string> {
  yield `${FIELDS.join(',')}\n`;
  // Geslacht X is not in its reference list: one 001_RefTab per record, every record rejected.
  for (let i = 1; i <= count; i++) yield `${i},2026-02-03,P${i},1948,X,01,0.30,0.90,1,N,\n`;
}

const RECORDS = Number(process.env.BENCH_CLI_RECORDS ?? 1_000_000);
const FAULT_RATE = 0.055;

interface Run {
  code: number | null;
  outputMB: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  /** The last bytes of the output (the JSON report's totals). */
  tail: string;
}

/** Runs `node ARGS` in ROOT with the preloaded maxrss.js, stdout read from a pipe. */
async function runNode(args: string[], dir: string): Promise<Run> {
  const rssFile = path.join(dir, 'maxrss');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-r', path.join(dir, 'maxrss.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let bytes = 0;
  let tail = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    tail = (tail + chunk.toString('utf8')).slice(-4096);
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [maxRss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { code, outputMB: bytes / 1024 / 1024, seconds, cpuSeconds: cpu! / 1e6, peakRssMB: maxRss! / 1024, tail };
}

/** The command as `pnpm cli` runs it: its launcher, which runs server/dist (built before this part of `pnpm bench`). */
function runCli(file: string, format: string, dir: string): Promise<Run> {
  return runNode(['server/run-cli.js', 'validate', file, '--period', '2026K1', '--format', format], dir);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Medians of `times` runs of `run`, alternating with the others of the same group by the caller. */
interface Figures {
  seconds: number[];
  cpu: number[];
  rss: number[];
  last?: Run;
}
const figures = (): Figures => ({ seconds: [], cpu: [], rss: [] });
function note(into: Figures, run: Run): void {
  into.seconds.push(run.seconds);
  into.cpu.push(run.cpuSeconds);
  into.rss.push(run.peakRssMB);
  into.last = run;
}
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');

async function startup(dir: string): Promise<void> {
  const file = path.join(dir, '11111111_0_CAT_1.4_3_20260415_TEST.csv');
  writeFileSync(file, `${FIELDS.join(',')}\n1,2026-02-03,P1,1948,V,01,0.30,0.90,1,N,\n2,2026-02-03,P2,1948,X,01,0.30,0.90,1,N,\n`);
  const validate = ['validate', file, '--period', '2026K1'];
  const kinds: Array<[string, string[]]> = [
    ['`node -e 0` (the floor)', ['-e', '0']],
    ['`node server/dist/cli.js validate` (built)', ['server/dist/cli.js', ...validate]],
    ['`pnpm cli validate` without pnpm (server/run-cli.js)', ['server/run-cli.js', ...validate]],
  ];
  const results = kinds.map(figures);
  for (let round = 0; round < 7; round++) for (const [k, [, args]] of kinds.entries()) note(results[k]!, await runNode(args, dir));
  console.log('\n1. Start-up, a 3-line CAT file (medians of 7 alternating runs)\n');
  console.log('| how | seconds | cpu | peak RSS MB | target (≤ 0.3 s, ≤ 80 MB) |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const [k, [name]] of kinds.entries()) {
    const r = results[k]!;
    const [s, c, m] = [median(r.seconds), median(r.cpu), median(r.rss)];
    console.log(`| ${name} | ${s.toFixed(2)} | ${c.toFixed(2)} | ${m.toFixed(0)} | ${k === 0 ? '' : `${met(s <= 0.3)} (cpu ${met(c <= 0.3)}); ${met(m <= 80)}`} |`);
  }
}

async function manyRecords(dir: string): Promise<void> {
  const csvParse = require.resolve('csv-parse', { paths: [ROOT] });
  const baseline = path.join(dir, 'csv-parse-only.js');
  // csv-parse alone in array mode with the engine's parsing options, fed as the command feeds it.
  writeFileSync(
    baseline,
    `const { parse } = require(${JSON.stringify(csvParse)}); let n = 0;
const parser = parse({ bom: true, cast: false, delimiter: ',', quote: '"', escape: '"', relax_column_count: false, skip_empty_lines: false, max_record_size: 65536 });
parser.on('data', () => { n++; }).on('end', () => process.stdout.write(String(n) + '\\n'));
require('node:fs').createReadStream(process.argv[2], { highWaterMark: 256 * 1024 }).pipe(parser);\n`,
  );
  const clean = path.join(dir, `11111111_0_CAT_1.4_${RECORDS}_20260415_TEST.csv`);
  const faulty = path.join(dir, `11111111_0_CAT_1.4_${RECORDS}_20260416_TEST.csv`);
  // The faulty file's generator without its faults: the same shape and quoting, so the difference is the findings'.
  const sameShape = path.join(dir, `11111111_0_CAT_1.4_${RECORDS}_20260417_TEST.csv`);
  await writeLines(clean, catCsv(RECORDS, 0));
  await writeLines(faulty, catFaultyCsv(RECORDS, FAULT_RATE));
  await writeLines(sameShape, catFaultyCsv(RECORDS, 0));
  const kinds: Array<[string, string[]]> = [
    ['csv-parse alone, clean file', [baseline, clean]],
    ['the command, clean file', ['server/run-cli.js', 'validate', clean, '--period', '2026K1', '--format', 'json']],
    ['csv-parse alone, faulty file', [baseline, faulty]],
    ['the command, faulty file', ['server/run-cli.js', 'validate', faulty, '--period', '2026K1', '--format', 'json']],
    ["the command, clean file of the faulty file's shape", ['server/run-cli.js', 'validate', sameShape, '--period', '2026K1', '--format', 'json']],
  ];
  const results = kinds.map(figures);
  for (let round = 0; round < 3; round++) for (const [k, [, args]] of kinds.entries()) note(results[k]!, await runNode(args, dir));
  const totals = JSON.parse(/"totals": (\{.*\})\n\}\n$/.exec(results[3]!.last!.tail)![1]!) as { byClass: Record<string, number>; byCode: Record<string, number> };
  const findings = Object.values(totals.byClass).reduce((a, b) => a + b, 0);
  const [pc, cc, pf, cf, cs] = results.map((r) => median(r.seconds)) as [number, number, number, number, number];
  const [pcCpu, ccCpu, pfCpu, cfCpu, csCpu] = results.map((r) => median(r.cpu)) as [number, number, number, number, number];
  const perFinding = ((cf - cc) / findings) * 1e6;
  const perFindingCpu = ((cfCpu - ccCpu) / findings) * 1e6;
  console.log(`\n2. ${RECORDS.toLocaleString('en')} CAT records, clean and ${(FAULT_RATE * 100).toFixed(1)}% faulty (${findings.toLocaleString('en')} findings; ${JSON.stringify(totals.byCode)}); medians of 3 alternating runs\n`);
  console.log('| run | seconds | cpu | peak RSS MB | target |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(`| csv-parse alone, clean | ${pc.toFixed(2)} | ${pcCpu.toFixed(2)} | ${median(results[0]!.rss).toFixed(0)} | |`);
  console.log(`| command, clean | ${cc.toFixed(2)} | ${ccCpu.toFixed(2)} | ${median(results[1]!.rss).toFixed(0)} | ratio ${(pc / cc).toFixed(2)} (cpu ${(pcCpu / ccCpu).toFixed(2)}) ≥ 0.8: ${met(pc / cc >= 0.8)}; RSS ≤ 200 MB: ${met(median(results[1]!.rss) <= 200)} |`);
  console.log(`| csv-parse alone, faulty | ${pf.toFixed(2)} | ${pfCpu.toFixed(2)} | ${median(results[2]!.rss).toFixed(0)} | |`);
  console.log(`| command, faulty | ${cf.toFixed(2)} | ${cfCpu.toFixed(2)} | ${median(results[3]!.rss).toFixed(0)} | ratio ${(pf / cf).toFixed(2)} (cpu ${(pfCpu / cfCpu).toFixed(2)}) ≥ 0.6: ${met(pf / cf >= 0.6)}; RSS ≤ 200 MB: ${met(median(results[3]!.rss) <= 200)} |`);
  console.log(`| per finding, on top of the clean file | ${perFinding.toFixed(1)} µs | ${perFindingCpu.toFixed(1)} µs | | ≤ 5 µs: ${met(perFinding <= 5)} (cpu ${met(perFindingCpu <= 5)}) |`);
  // csv-parse itself takes longer on the faulty file (its quoted values): the engine's own share per finding.
  const ownCpu = ((cfCpu - pfCpu - (ccCpu - pcCpu)) / findings) * 1e6;
  console.log(`| per finding, engine's own share (cpu, csv-parse's difference between the files taken out) | | ${ownCpu.toFixed(1)} µs | | ≤ 5 µs: ${met(ownCpu <= 5)} |`);
  console.log(`| command, clean file of the faulty file's shape (its generator without faults: same quoting) | ${cs.toFixed(2)} | ${csCpu.toFixed(2)} | ${median(results[4]!.rss).toFixed(0)} | |`);
  const sameShapeWall = ((cf - cs) / findings) * 1e6;
  const sameShapeCpu = ((cfCpu - csCpu) / findings) * 1e6;
  console.log(`| per finding, on top of the clean file of the same shape | ${sameShapeWall.toFixed(1)} µs | ${sameShapeCpu.toFixed(1)} µs | | ≤ 5 µs: ${met(sameShapeWall <= 5)} (cpu ${met(sameShapeCpu <= 5)}) |`);
  await rm(clean);
  await rm(faulty);
  await rm(sameShape);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-cli-'));
  try {
    // maxRSS in kB and CPU (user + system) in µs; 'exit' also runs after process.exit().
    writeFileSync(
      path.join(dir, 'maxrss.js'),
      "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_MAXRSS_FILE, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime)); });\n",
    );
    console.log(`Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)}`);
    await startup(dir);
    console.log(`load average ${os.loadavg()[0]!.toFixed(1)}`);
    await manyRecords(dir);
    console.log(`load average ${os.loadavg()[0]!.toFixed(1)}`);
    if (COUNTS[0] === 0) return;
    console.log('\n3. Every record a finding (001_RefTab), as `pnpm cli` runs it\n');
    console.log('| findings | format | exit | report MB | seconds | peak RSS MB |');
    console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
    for (const count of COUNTS) {
      const file = path.join(dir, `11111111_0_CAT_1.4_${count}_20260415_TEST.csv`);
      await writeLines(file, faultyCsv(count));
      for (const format of ['json', 'table', 'csv']) {
        const run = await runCli(file, format, dir);
        console.log(`| ${count.toLocaleString('en')} | ${format} | ${run.code} | ${run.outputMB.toFixed(1)} | ${run.seconds.toFixed(2)} | ${run.peakRssMB.toFixed(0)} |`);
      }
      await rm(file);
    }
    console.log(`load average ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
