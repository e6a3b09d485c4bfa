/**
 * `pnpm bench` (part 3, issue 5): a 1,000,000-record CAT CSV uploaded over HTTP to a server in
 * its own process (with its in-process worker) and processed to the end, report lines and records
 * stored. Prints the end-to-end time, its ratio to the engine alone on the same file, and the
 * peak RSS of the server process (server and worker together). Asserts no times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestCluster } from '../support/database';
import { catCsv, writeLines } from './cat-files';

const ROOT = path.resolve(__dirname, '../..');
const RECORDS = Number(process.env.BENCH_DELIVERY_RECORDS ?? 1_000_000);

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

/** The engine alone on the same file, in a process of its own (the figure issue 4's benchmark prints). */
function engineSeconds(file: string): number {
  const result = spawnSync(process.execPath, ['--conditions=source', '-r', '@swc-node/register', path.join(__dirname, 'engine-only.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SWC_NODE_PROJECT: 'test/tsconfig.json' },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout.trim().split('\n').pop());
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-delivery-'));
  const cluster = await startTestCluster();
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const file = path.join(dir, `11111111_0_CAT_1.4_1_20260410_PROD.csv`);
    await writeLines(file, catCsv(RECORDS, 0.05));
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
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const final = await waitFor(async () => {
      const { rows } = await client.query<{ status: string; record_count: number; lines: number; held: number }>(
        `select status, record_count, (select count(*)::int from report_line where delivery_id = $1) as lines, (select count(*)::int from held_record where delivery_id = $1) as held from delivery where id = $1`,
        [id],
      );
      const row = rows[0];
      return row && ['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'].includes(row.status) ? row : null;
    }, 30 * 60000);
    const endToEnd = (Date.now() - started) / 1000;
    const rss = peakRssMB(server.pid as number);
    await client.end();
    const engine = engineSeconds(file);
    const figures = {
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
      records: RECORDS,
      status: final.status,
      reportLines: final.lines,
      heldRecords: final.held,
      uploadSeconds: Math.round(uploadedSeconds * 10) / 10,
      endToEndSeconds: Math.round(endToEnd * 10) / 10,
      engineOnlySeconds: Math.round(engine * 10) / 10,
      ratio: Math.round((endToEnd / engine) * 100) / 100,
      serverPeakRssMB: rss,
      targets: { ratio: '≤ 2.5', serverPeakRssMB: '≤ 400' },
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/delivery-latest.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log('\nDelivery end to end (issue 5)');
    console.table([figures]);
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
