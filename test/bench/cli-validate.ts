/**
 * `pnpm bench` (part 4): the validate command on CAT files where every record has a finding
 * (40,000, 200,000 and 400,000 of them), run as `pnpm cli` runs it (from source through
 * @swc-node/register) in a process of its own, its report read from a pipe as `| jq` would.
 * Prints the exit code, the report's size, the seconds and the peak RSS of the command's process
 * (getrusage, written by a preloaded module when it exits). Asserts no times or sizes.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIELDS, writeLines } from './cat-files';

const ROOT = path.resolve(__dirname, '../..');
const COUNTS = (process.env.BENCH_CLI_FINDINGS ?? '40000,200000,400000').split(',').map(Number);

function* faultyCsv(count: number): Iterable<string> {
  yield `${FIELDS.join(',')}\n`;
  // Geslacht X is not in its reference list: one 001_RefTab per record, every record rejected.
  for (let i = 1; i <= count; i++) yield `${i},2026-02-03,P${i},1948,X,01,0.30,0.90,1,N,\n`;
}

interface Run {
  code: number | null;
  outputMB: number;
  seconds: number;
  peakRssMB: number;
}

async function runCli(file: string, format: string, dir: string): Promise<Run> {
  const rssFile = path.join(dir, 'maxrss');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--conditions=source', '-r', path.join(dir, 'maxrss.js'), '-r', '@swc-node/register', 'server/src/cli.ts', 'validate', file, '--period', '2026K1', '--format', format], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'server/tsconfig.json', BENCH_MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let bytes = 0;
  child.stdout.on('data', (chunk: Buffer) => { bytes += chunk.length; });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { code, outputMB: bytes / 1024 / 1024, seconds, peakRssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-cli-'));
  try {
    // resourceUsage().maxRSS is in kB; 'exit' also runs after process.exit().
    writeFileSync(path.join(dir, 'maxrss.js'), "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    console.log(`Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)}`);
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
