/**
 * `pnpm bench` (part 3, issues 5 and 17): a 1,000,000-record CAT CSV with 6% faults (the validate
 * command bench's mix, `catFaultyCsv`: 005 pairs, quoted values with commas) uploaded over HTTP to
 * a server in its own process (with its in-process worker) and processed to the end, report lines
 * and records stored. Prints the end-to-end time, its ratio to the engine alone on the same file
 * (wall and CPU: the server's process plus its database connections, against the engine's
 * process), whether the targets are met, the peak RSS of the server process (server and worker
 * together) and the load average. Asserts no times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestCluster } from '../support/database';
import { catFaultyCsv, writeLines } from './cat-files';

const ROOT = path.resolve(__dirname, '../..');
const RECORDS = Number(process.env.BENCH_DELIVERY_RECORDS ?? 1_000_000);
const FAULT_RATE = 0.06;
const TARGET_RATIO = 2.5;
const TARGET_RSS_MB = 400;
const CLOCK_TICKS = 100; // USER_HZ: /proc's CPU times are in hundredths of a second on Linux

/** User + system CPU seconds of a process so far (NaN when it cannot be read: gone, or another machine). */
function cpuSecondsOf(pid: number): number {
  try {
    // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

const loadAverage = (): string =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const met = (ok: boolean): string => (ok ? 'met' : 'not met');

function peakRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The engine alone on the same file, in a process of its own (the figure issue 4's benchmark prints): wall and CPU seconds. */
function engineSeconds(file: string): { seconds: number; cpu: number } {
  const result = spawnSync(process.execPath, ['--conditions=source', '-r', '@swc-node/register', path.join(__dirname, 'engine-only.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SWC_NODE_PROJECT: 'test/tsconfig.json' },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  const [seconds, cpu] = result.stdout.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
  return { seconds, cpu };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-delivery-'));
  const cluster = await startTestCluster();
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const file = path.join(dir, `11111111_0_CAT_1.4_1_20260410_PROD.csv`);
    await writeLines(file, catFaultyCsv(RECORDS, FAULT_RATE));
    const databaseUrl = await cluster.createDatabase();
    const dataDir = path.join(dir, 'data');
    const port = 4700 + Math.floor(Math.random() * 200);
    const env = { ...process.env, DATABASE_URL: databaseUrl, DATAHUB_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', DATAHUB_UPLOAD_MAX_BYTES: String(2 ** 31) };
    spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'seed'], { env, stdio: 'inherit' });
    const token = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'token', 'create', '--email', 'aanlever@zuidermeer.test', '--days', '1'], { env, encoding: 'utf8' }).stdout.trim();
    // BENCH_PROFILE_DIR: a V8 CPU profile of the server process, written when it stops.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    server = spawn(process.execPath, [...profile, path.join(ROOT, 'server/dist/main.js')], { env, stdio: process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : null), 60000);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // The CPU the database spends for the server: its connections to this database, sampled while
    // the delivery is processed (each backend's CPU so far; the pool keeps them open to the end).
    const backends = new Map<number, number>();
    const sampleBackends = async (): Promise<void> => {
      const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      for (const { pid } of rows) {
        const cpu = cpuSecondsOf(pid);
        if (!Number.isNaN(cpu)) backends.set(pid, Math.max(cpu, backends.get(pid) ?? 0));
      }
    };
    await sampleBackends();
    const backendsBefore = new Map(backends);
    const serverCpuBefore = cpuSecondsOf(server.pid as number);
    const loadBefore = loadAverage();

    const started = Date.now();
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($file: Upload!) { uploadDelivery(file: $file, input: { period: "2026K1" }) { __typename ... on Delivery { id } ... on Refusal { code message } } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', await openAsBlob(file), path.basename(file));
    const response = (await (await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } })).json()) as {
      data?: { uploadDelivery: { id?: string; code?: string } };
    };
    const id = response.data?.uploadDelivery.id;
    if (!id) throw new Error(`upload refused: ${JSON.stringify(response)}`);
    const uploadedSeconds = (Date.now() - started) / 1000;
    const final = await waitFor(async () => {
      await sampleBackends();
      const { rows } = await client.query<{ status: string; record_count: number; lines: number; held: number }>(
        `select status, record_count, (select count(*)::int from report_line where delivery_id = $1) as lines, (select count(*)::int from held_record where delivery_id = $1) as held from delivery where id = $1`,
        [id],
      );
      const row = rows[0];
      return row && ['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'].includes(row.status) ? row : null;
    }, 30 * 60000);
    const endToEnd = (Date.now() - started) / 1000;
    const serverCpu = cpuSecondsOf(server.pid as number) - serverCpuBefore;
    await sampleBackends();
    let databaseCpu = 0;
    for (const [pid, cpu] of backends) databaseCpu += cpu - (backendsBefore.get(pid) ?? 0);
    const loadAfter = loadAverage();
    const rss = peakRssMB(server.pid as number);
    await client.end();
    const engine = engineSeconds(file);
    const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;
    // A run that failed, or stored fewer records than it read, meets nothing, however fast it was.
    const processed = final.status === 'PROCESSED_WITH_ERRORS' && final.record_count === RECORDS;
    const ratio = endToEnd / engine.seconds;
    const cpuRatio = (serverCpu + databaseCpu) / engine.cpu;
    const figures = {
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
      records: RECORDS,
      faultRate: FAULT_RATE,
      status: final.status,
      reportLines: final.lines,
      heldRecords: final.held,
      uploadSeconds: round(uploadedSeconds),
      endToEndSeconds: round(endToEnd),
      engineOnlySeconds: round(engine.seconds),
      ratio: round(ratio, 2),
      serverCpuSeconds: round(serverCpu),
      databaseCpuSeconds: round(databaseCpu),
      engineOnlyCpuSeconds: round(engine.cpu),
      cpuRatio: round(cpuRatio, 2),
      serverPeakRssMB: rss,
      loadAverage: { before: loadBefore, after: loadAfter, engineOnlyAfter: loadAverage() },
      targets: { ratio: `≤ ${TARGET_RATIO}`, serverPeakRssMB: `≤ ${TARGET_RSS_MB}` },
      met: { ratio: met(processed && ratio <= TARGET_RATIO), cpuRatio: met(processed && cpuRatio <= TARGET_RATIO), serverPeakRssMB: met(processed && rss <= TARGET_RSS_MB) },
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/delivery-latest.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log(`\nDelivery end to end (issues 5 and 17): ${RECORDS.toLocaleString('en')} CAT records, ${FAULT_RATE * 100}% faulty; load average (1, 5, 15 min) ${loadBefore} before, ${loadAfter} after`);
    console.log(`${final.status}: ${final.lines.toLocaleString('en')} report lines, ${final.held.toLocaleString('en')} records held`);
    console.table([
      { run: 'end to end (upload to final status)', seconds: figures.endToEndSeconds, cpu: round(serverCpu + databaseCpu), 'of which database': figures.databaseCpuSeconds },
      { run: 'engine alone, same file', seconds: figures.engineOnlySeconds, cpu: figures.engineOnlyCpuSeconds },
    ]);
    console.log(`ratio ${figures.ratio} (cpu ${figures.cpuRatio}), target ≤ ${TARGET_RATIO}: ${figures.met.ratio} (cpu ${figures.met.cpuRatio})`);
    console.log(`server peak RSS ${rss} MB, target ≤ ${TARGET_RSS_MB} MB: ${figures.met.serverPeakRssMB}`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10000))]);
    }
    await cluster.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
