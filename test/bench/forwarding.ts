/**
 * `pnpm bench` (part 6): forwarding BENCH_FORWARD_RECORDS held records (default 1,000,000) as CSV
 * over HTTP by a server in its own process (the built server, its authorisation check replaced by
 * a fixed selection), against PostgreSQL's own `COPY (SELECT …) TO STDOUT` of the same rows and
 * columns read by a plain client, alternating three times each in the same run. Prints records/s,
 * the ratio of the median times, the server's peak RSS and the afname's size; asserts no times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { csvSelect, type ForwardScope } from '../../server/src/forwarding/forward-query';
import type { ForwardSelection } from '../../server/src/forwarding/forward-selection';
import { startTestCluster } from '../support/database';
import { example } from '../support/deliveries';

const ROOT = path.resolve(__dirname, '../..');
const RECORDS = Number(process.env.BENCH_FORWARD_RECORDS ?? 1_000_000);
// The server's own COPY driver, for the baseline (the test package does not depend on it).
const { to: copyTo } = createRequire(path.join(ROOT, 'server/package.json'))('pg-copy-streams') as { to(sql: string): pg.Submittable & Readable };

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

async function download(url: string, token: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += (chunk as Uint8Array).length;
  return { seconds: seconds(started), bytes };
}

async function copyOut(client: pg.Client, sql: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of client.query(copyTo(`copy (${sql}) to stdout with (format csv)`)) as AsyncIterable<Buffer>) bytes += chunk.length;
  return { seconds: seconds(started), bytes };
}

/** The server as main.js starts it, with a fixed forwarding selection instead of the authorisation check. */
const SERVER = `
const dist = ${JSON.stringify(path.join(ROOT, 'server/dist'))};
require('node:module').createRequire(dist + '/main.js')('reflect-metadata');
const { loadConfig } = require(dist + '/kernel/config');
const { createLogger } = require(dist + '/kernel/logger');
const { startDatahub } = require(dist + '/app/server');
const config = loadConfig();
startDatahub(config, createLogger(config.logLevel)).then((datahub) => {
  const selection = JSON.parse(process.env.BENCH_SELECTION);
  datahub.services.forwardingSelection = async () => selection;
  process.on('SIGTERM', () => datahub.stop().then(() => process.exit(0)));
});`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'datahub-bench-forwarding-'));
  const cluster = await startTestCluster();
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const databaseUrl = await cluster.createDatabase();
    const port = 4990 + Math.floor(Math.random() * 9);
    const env = { ...process.env, DATABASE_URL: databaseUrl, DATAHUB_DATA_DIR: path.join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'warn' };
    spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'seed'], { env, stdio: 'inherit' });
    const token = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli.js'), 'token', 'create', '--email', 'aanlever@zuidermeer.test', '--days', '1'], {
      env,
      encoding: 'utf8',
    }).stdout.trim();
    // A first server makes a real delivery (held records with real pseudonymised payloads).
    const client = new pg.Client({ connectionString: databaseUrl });
    // The cluster stops with the client still connected when a step fails: that step's error is the one to show.
    client.on('error', () => undefined);
    let selection: ForwardSelection | null = null;
    const start = (extra: Record<string, string>) => {
      const child = spawn(process.execPath, ['-e', SERVER], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
      return child;
    };
    server = start({ BENCH_SELECTION: 'null' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : null), 60000);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($file: Upload!) { uploadDelivery(file: $file, input: { period: "2026K1" }) { ... on Delivery { id } } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([example('CAT/Cataract/1.4/examples/valid.csv')]), '11111111_0_CAT_1.4_1_20260410_PROD.csv');
    const uploaded = (await (await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } })).json()) as {
      data: { uploadDelivery: { id: string } };
    };
    const id = uploaded.data.uploadDelivery.id;
    await client.connect();
    const status = await waitFor(async () => (await client.query<{ status: string }>(`select status from delivery where id = $1 and processed_at is not null`, [id])).rows[0]?.status ?? null, 60000);
    if (!status.startsWith('PROCESSED')) throw new Error(`the seed delivery was ${status}`);
    const {
      rows: [sample],
    } = await client.query<{ sub_delivery_id: string; institution_id: string; registry_id: string; payload: Record<string, string> }>(
      `select h.sub_delivery_id, h.institution_id, s.registry_id, h.payload from held_record h join sub_delivery s on s.id = h.sub_delivery_id where h.delivery_id = $1 limit 1`,
      [id],
    );
    if (!sample) throw new Error('no held record');
    // Grown to RECORDS held records straight in the table, each with its own key (one bulk insert, as a merge draws its sequences).
    await client.query(
      `insert into held_record (sub_delivery_id, institution_id, record_key, patient_ref, payload, delivery_id, version, updated_at)
       select h.sub_delivery_id, h.institution_id, 'B' || g, h.patient_ref, h.payload || jsonb_build_object('OperatieID', 'B' || g), h.delivery_id, 1, now()
         from generate_series(1, $2::int) g, (select * from held_record where delivery_id = $1 limit 1) h`,
      [id, RECORDS - Number((await client.query(`select count(*) from held_record where delivery_id = $1`, [id])).rows[0].count)],
    );
    await client.query('vacuum analyze held_record');
    selection = {
      authorisationId: null,
      organisationId: null,
      institutionIds: [sample.institution_id],
      registryId: sample.registry_id,
      subDeliveryId: sample.sub_delivery_id,
      periods: null,
      fields: Object.keys(sample.payload).sort(),
    };
    // The forwarding server proper: a fresh process, so its peak RSS is the forwarding's.
    await new Promise((resolve) => {
      server?.once('exit', resolve);
      server?.kill('SIGTERM');
    });
    server = start({ BENCH_SELECTION: JSON.stringify(selection) });
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : null), 60000);
    const rssBefore = peakRssMB(server.pid as number);
    const { rows: horizon } = await client.query<{ position: string }>(`select last_value::text as position from held_record_change_seq`);
    const scope: ForwardScope = { selection, subDeliveryIds: [selection.subDeliveryId!], periodCodes: null, since: null, until: horizon[0]!.position };
    const sql = csvSelect(scope);
    const runs = { forward: [] as number[], copy: [] as number[] };
    let bytes = { forward: 0, copy: 0 };
    for (let run = 0; run < 3; run++) {
      const forwarded = await download(`${base}/api/forwarding/bench/records.csv`, token);
      const copied = await copyOut(client, sql);
      runs.forward.push(forwarded.seconds);
      runs.copy.push(copied.seconds);
      bytes = { forward: forwarded.bytes, copy: copied.bytes };
    }
    const rss = peakRssMB(server.pid as number);
    const { rows: afnames } = await client.query<{ record_count: number; size: number; ranges: number }>(
      `select record_count, pg_column_size(version_seqs) as size, (select count(*)::int from unnest(version_seqs)) as ranges from afname order by fetched_at desc limit 1`,
    );
    await client.end();
    const figures = {
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
      records: RECORDS,
      fields: selection.fields.length,
      forwardSeconds: median(runs.forward),
      forwardRuns: runs.forward,
      forwardRecordsPerSecond: Math.round(RECORDS / median(runs.forward)),
      copySeconds: median(runs.copy),
      copyRuns: runs.copy,
      ratio: Math.round((median(runs.copy) / median(runs.forward)) * 100) / 100,
      forwardMB: Math.round(bytes.forward / 1024 / 1024),
      copyMB: Math.round(bytes.copy / 1024 / 1024),
      serverPeakRssBeforeMB: rssBefore,
      serverPeakRssMB: rss,
      afnameRecords: afnames[0]?.record_count,
      afnameVersionsBytes: afnames[0]?.size,
      afnameRanges: afnames[0]?.ranges,
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/forwarding-latest.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log('\nForwarding held records as CSV');
    console.table([{ ...figures, forwardRuns: figures.forwardRuns.join(' / '), copyRuns: figures.copyRuns.join(' / ') }]);
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
