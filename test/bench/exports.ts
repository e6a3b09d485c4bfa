/**
 * `pnpm bench` (part 5): the report of one delivery with BENCH_EXPORT_LINES report lines (default
 * 1,000,000), exported over HTTP by a server in its own process: report.csv and report.xlsx read to
 * the end, and Verslag pages through GraphQL (the first, the last, the one before the last). Beside
 * it, the database part alone: the report read in 5,000-line pages by OFFSET (as the exports did
 * before) against keyset batches. Prints the times and the server's peak RSS; asserts no times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestCluster } from '../support/database';
import { example } from '../support/deliveries';

const ROOT = path.resolve(__dirname, '../..');
const LINES = Number(process.env.BENCH_EXPORT_LINES ?? 1_000_000);
const BATCH = 5000;

function peakRssMB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
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

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Downloads a file to the end, counting bytes; the time until the last byte. */
async function download(url: string, token: string): Promise<{ seconds: number; bytes: number; firstByteSeconds: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let firstByteSeconds = 0;
  for await (const chunk of response.body) {
    if (bytes === 0) firstByteSeconds = seconds(started);
    bytes += (chunk as Uint8Array).length;
  }
  return { seconds: seconds(started), bytes, firstByteSeconds };
}

async function graphqlSeconds(base: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ seconds: number; data: Record<string, unknown> }> {
  const started = performance.now();
  const body = (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) })).json()) as {
    data?: Record<string, unknown>;
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { seconds: seconds(started), data: body.data ?? {} };
}

/** The database part of an export alone: every line in report order, 5,000 at a time. */
async function readAll(client: pg.Client, id: string, mode: 'offset' | 'keyset'): Promise<number> {
  const started = performance.now();
  const columns = 'ordinal, record_number, code, class, field, params, key_values';
  let read = 0;
  let position: [number, number] | null = null;
  for (;;) {
    const { rows } =
      mode === 'offset'
        ? await client.query(`select ${columns} from report_line where delivery_id = $1 order by record_number asc nulls first, ordinal asc limit ${BATCH} offset ${read}`, [id])
        : await client.query(
            `select ${columns} from report_line where delivery_id = $1 and (coalesce(record_number, 0), ordinal) > ($2, $3) order by coalesce(record_number, 0), ordinal limit ${BATCH}`,
            [id, ...(position ?? [-1, -1])],
          );
    read += rows.length;
    if (rows.length < BATCH) return seconds(started);
    const last = rows.at(-1) as { record_number: number | null; ordinal: number };
    position = [last.record_number ?? 0, last.ordinal];
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-exports-'));
  const cluster = await startTestCluster();
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const databaseUrl = await cluster.createDatabase();
    const port = 4900 + Math.floor(Math.random() * 90);
    const env = { ...process.env, DATABASE_URL: databaseUrl, DATAHUB_DATA_DIR: path.join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'warn' };
    spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'seed'], { env, stdio: 'inherit' });
    const token = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'token', 'create', '--email', 'aanlever@zuidermeer.test', '--days', '1'], { env, encoding: 'utf8' }).stdout.trim();
    // BENCH_PROFILE_DIR: a V8 CPU profile of the server process, written when it stops.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    // BENCH_SERVER_FLAGS: node flags for the server, e.g. `--max-old-space-size=96` to show the exports hold no lines.
    const flags = process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : [];
    server = spawn(process.execPath, [...flags, ...profile, path.join(ROOT, 'server/dist/main.js')], { env, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : null), 60000);

    // A real delivery with a report, then its report grown to LINES lines straight in the table.
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($file: Upload!) { uploadDelivery(file: $file, input: { period: "2026K1" }) { ... on Delivery { id } } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([example('CAT/Cataract/1.4/examples/invalid-records.csv')]), '11111111_0_CAT_1.4_1_20260410_PROD.csv');
    const uploaded = (await (await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } })).json()) as { data: { uploadDelivery: { id: string } } };
    const id = uploaded.data.uploadDelivery.id;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await waitFor(async () => ((await client.query(`select 1 from delivery where id = $1 and status = 'PROCESSED_WITH_ERRORS'`, [id])).rowCount ? true : null), 60000);
    const { rows: existing } = await client.query<{ count: number }>('select count(*)::int as count from report_line where delivery_id = $1', [id]);
    await client.query(
      `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params, key_values)
       select l.delivery_id, 1000 + g, 100 + g, l.code, l.class, l.field, l.params, l.key_values
       from generate_series(1, $2::int) g, (select * from report_line where delivery_id = $1 and record_number is not null order by ordinal limit 1) l`,
      [id, LINES - (existing[0]?.count ?? 0)],
    );
    await client.query('vacuum analyze report_line');

    const rssBefore = peakRssMB(server.pid as number);
    const csv = await download(`${base}/api/deliveries/${id}/report.csv`, token);
    const rssCsv = peakRssMB(server.pid as number);
    const xlsx = await download(`${base}/api/deliveries/${id}/report.xlsx`, token);
    const rss = peakRssMB(server.pid as number);

    const PAGE = `query ($id: ID!, $first: Int, $last: Int, $before: String) { delivery(id: $id) { reportLines(first: $first, last: $last, before: $before) { pageInfo { startCursor } nodes { ordinal } } } }`;
    const times = { first: [] as number[], last: [] as number[], beforeLast: [] as number[] };
    for (let run = 0; run < 5; run++) {
      times.first.push((await graphqlSeconds(base, token, PAGE, { id, first: 50 })).seconds);
      const last = await graphqlSeconds(base, token, PAGE, { id, last: 50 });
      times.last.push(last.seconds);
      const cursor = ((last.data['delivery'] as { reportLines: { pageInfo: { startCursor: string } } }).reportLines.pageInfo.startCursor);
      times.beforeLast.push((await graphqlSeconds(base, token, PAGE, { id, last: 50, before: cursor })).seconds);
    }
    const keysetRead = await readAll(client, id, 'keyset');
    const offsetRead = process.env.BENCH_EXPORT_OFFSET === '0' ? null : await readAll(client, id, 'offset');
    await client.end();

    const figures = {
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
      lines: LINES,
      csvSeconds: csv.seconds,
      csvFirstByteSeconds: csv.firstByteSeconds,
      csvMB: Math.round(csv.bytes / 1024 / 1024),
      xlsxSeconds: xlsx.seconds,
      xlsxMB: Math.round(xlsx.bytes / 1024 / 1024),
      serverPeakRssBeforeMB: rssBefore,
      serverPeakRssAfterCsvMB: rssCsv,
      serverPeakRssMB: rss,
      reportLinesFirstPageMs: Math.round(median(times.first) * 1000),
      reportLinesLastPageMs: Math.round(median(times.last) * 1000),
      reportLinesBeforeLastPageMs: Math.round(median(times.beforeLast) * 1000),
      dbReadKeysetSeconds: keysetRead,
      dbReadOffsetSeconds: offsetRead,
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/exports-latest.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log('\nReport exports and pages');
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
