/**
 * Issue 6 benchmark: a national-scale data set generated in a fresh database with set-based SQL
 * (100 institutions, 40 sub-deliveries, 2024–2026 in monthly to yearly periods, ~300,000
 * deliveries, ~3,000,000 report lines), the server started in-process, and 50 concurrent HTTP
 * clients (autocannon, in a child process: load-client.ts) asking `deliveryOverview` as an institution user and `completeness` across
 * all institutions as hub staff, and the heat map both as completeness rows and as
 * completenessMatrix. Prints p50/p95/p99 and throughput, issue 17's targets (overview p95 ≤ 1.5 ×
 * the floor's; heat map p95 ≤ 500 ms) as met or not met, writes bench/results/overviews-*.json,
 * asserts no times. BENCH_ONLY (a regular expression) picks queries by name; the floor always runs.
 * BENCH_CPU_PROFILE=1 writes a V8 CPU profile of the server's process per measured query
 * (bench/results/overviews-<query>.cpuprofile; open it in Chrome DevTools or speedscope).
 *
 *   SWC_NODE_PROJECT=test/tsconfig.json node -r @swc-node/register test/bench/overviews.ts
 */
// First: the server module loads reflect-metadata, which the decorated classes the helpers below import need.
import '../../server/src/app/server';
import { fork } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Role } from '../../server/src/kernel/role';
import { tokenFor } from '../support/actors';
import { createInstitutionUser } from '../support/delivery-rows';
import { startTestServer, stopTestServers } from '../support/server';
import type { LoadFigures, LoadJob } from './load-client';
import { AS_OF, COMPLETENESS as completeness, COMPLETENESS_MATRIX as matrix, HEAT_MAP_FILTER, OVERVIEW as overview } from './overview-queries';

const ROOT = path.resolve(__dirname, '../..');
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** BENCH_ONLY: a regular expression; only the queries whose name matches run (the floor always does, for the ratio). */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
/** Issue 17's targets. */
const OVERVIEW_FLOOR_RATIO = 1.5;
const HEAT_MAP_P95_MS = 500;
const WARM_UP_SECONDS = 3;
const PROFILE = process.env.BENCH_CPU_PROFILE === '1';

/** Everything in SQL: generate_series makes the rows inside PostgreSQL, no row crosses the wire. */
const GENERATE = [
  `insert into registry (id, code, name, holder, accepted_channels)
   select gen_random_uuid(), 'BN' || lpad(r::text, 2, '0'), 'Benchmarkregistratie ' || r, 'Bench', array['PORTAL'] from generate_series(1, 9) r`,
  `insert into sub_delivery (id, registry_id, code, name, frequency, deadline_kind, deadline_months_after_period_end, deadline_day, deadline_last_day_of_month)
   select gen_random_uuid(), rg.id, 'S' || s, 'Stroom ' || s,
          (array['MONTH', 'MONTH', 'QUARTER', 'QUARTER', 'HALF_YEAR', 'YEAR'])[(substr(rg.code, 3)::int + s) % 6 + 1], 'AFTER_PERIOD_END', 2, 1, false
   from registry rg cross join generate_series(1, 4) s where rg.code like 'BN%'`,
  `insert into delivery_schedule (id, sub_delivery_id, frequency, deadline_kind, deadline_months_after_period_end, deadline_day, deadline_last_day_of_month)
   select gen_random_uuid(), sd.id, sd.frequency, sd.deadline_kind, sd.deadline_months_after_period_end, sd.deadline_day, sd.deadline_last_day_of_month
   from sub_delivery sd join registry rg on rg.id = sd.registry_id where rg.code like 'BN%'`,
  `insert into dictionary_version (id, sub_delivery_id, version, status, accepted_from, required_from)
   select gen_random_uuid(), sd.id, '1.0', 'ACTIVE', '2020-01-01', '2020-01-01' from sub_delivery sd join registry rg on rg.id = sd.registry_id where rg.code like 'BN%'`,
  `insert into institution (id, code, name, type) select gen_random_uuid(), '4' || lpad(i::text, 7, '0'), 'Benchziekenhuis ' || i, 'GENERAL' from generate_series(1, 100) i`,
  // Every bench institution takes part in all 40 sub-deliveries; one in ten joined in 2025K3.
  `insert into participation (id, institution_id, sub_delivery_id, start_period, start_date, channel, state, created_at)
   select gen_random_uuid(), i.id, sd.id, case when right(i.code, 1) = '7' then '2025K3' else '2024K1' end,
          case when right(i.code, 1) = '7' then date '2025-07-01' else date '2024-01-01' end, 'PORTAL', 'PRODUCTION', now()
   from institution i cross join sub_delivery sd where i.code like '4%'`,
  `create temp table bench_period as
   select p.institution_id, p.sub_delivery_id, g::date as period_start, (g + make_interval(months => l.len) - interval '1 day')::date as period_end,
          case s.frequency when 'MONTH' then to_char(g, 'YYYY"M"MM') when 'QUARTER' then to_char(g, 'YYYY') || 'K' || ((extract(month from g)::int + 2) / 3)
               when 'HALF_YEAR' then to_char(g, 'YYYY') || 'H' || ((extract(month from g)::int + 5) / 6) else to_char(g, 'YYYY') end as period
   from participation p join institution i on i.id = p.institution_id and i.code like '4%'
   join delivery_schedule s on s.sub_delivery_id = p.sub_delivery_id and s.frequency <> 'TOTAL'
   cross join lateral (select case s.frequency when 'MONTH' then 1 when 'QUARTER' then 3 when 'HALF_YEAR' then 6 else 12 end as len) l
   cross join lateral generate_series(p.start_date, date '2026-12-01', make_interval(months => l.len)) g
   where extract(month from g)::int % l.len = 1 % l.len`,
  // 1–9 deliveries per period (about one period in ten gets none): redeliveries, tests, rejections.
  `insert into delivery (id, institution_id, unit, sub_delivery_id, dictionary_version_id, period, test, channel, status, file_name, file_name_conforming,
                         size, sha256, storage_key, delivered_at, delivery_date, record_count, accepted_count)
   select gen_random_uuid(), x.institution_id, 0, x.sub_delivery_id, dv.id, x.period, x.r2 < 0.08, 'PORTAL',
          case when x.r1 < 0.6 then 'PROCESSED' when x.r1 < 0.8 then 'PROCESSED_WITH_ERRORS' when x.r1 < 0.92 then 'REJECTED' when x.r1 < 0.96 then 'FAILED' else 'PROCESSED' end,
          'bench.csv', true, 100000, repeat('0', 64), 'bench/none', (x.period_end + x.days) + time '10:00', x.period_end + x.days,
          100 + (x.r1 * 900)::int, 100 + (x.r1 * 900)::int
   from (
     select bp.*, k, random() as r1, random() as r2, (5 + k * 9 + floor(random() * 50))::int as days
     from bench_period bp cross join lateral generate_series(1, 1 + abs(hashtext(bp.institution_id::text || bp.period || bp.sub_delivery_id::text)) % 9) k
     where abs(hashtext(bp.sub_delivery_id::text || bp.period || bp.institution_id::text)) % 10 <> 0
   ) x
   join dictionary_version dv on dv.sub_delivery_id = x.sub_delivery_id
   where x.period_end + x.days <= date '${AS_OF}'`,
  `insert into report_line (delivery_id, ordinal, record_number, code, class, field, params)
   select d.id, g, g * 7, '001_RefTab', 'F', 'Veld', '{"value": "x"}'::jsonb from delivery d cross join generate_series(1, 10) g
   where d.file_name = 'bench.csv'`,
];

interface Figures extends LoadFigures {
  name: string;
  /** Bytes of one answer. */
  bytes: number;
  /** The server's CPU time (this process: the load generator runs in its own) per answered request, ms; steadier than latency on a shared machine. */
  cpuMsPerRequest: number;
}

/** 50 connections for SECONDS, from a load generator in its own process (load-client.ts). */
async function measure(
  name: string,
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  seconds = SECONDS,
): Promise<Figures | null> {
  if (ONLY && !name.startsWith('{ __typename }') && !name.startsWith('warm-up') && !ONLY.test(name)) return null;
  const body = JSON.stringify({ query, variables });
  const probe = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await probe.text();
  const answer = JSON.parse(text) as { errors?: unknown };
  if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  const client = fork(path.join(__dirname, 'load-client.ts'), { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const job: LoadJob = { url: `${url}/graphql`, token, body, connections: CONNECTIONS, seconds };
  const profiler = PROFILE && !name.startsWith('warm-up') ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const figures = await new Promise<LoadFigures>((resolve, reject) => {
    client.once('message', (message) => resolve(message as LoadFigures));
    client.once('error', reject);
    client.once('exit', (code) => reject(new Error(`${name}: the load generator exited with ${code} before answering`)));
    client.send(job);
  });
  const used = process.cpuUsage(cpu);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, `bench/results/overviews-${name.split(' ')[0]?.replace(/\W/g, '') || 'floor'}.cpuprofile`), JSON.stringify(profile));
  }
  const cpuMsPerRequest = Math.round(((used.user + used.system) / 1000 / Math.max(figures.requests, 1)) * 100) / 100;
  return { name, bytes: Buffer.byteLength(text), cpuMsPerRequest, ...figures };
}

async function main(): Promise<void> {
  // BENCH_DATABASE_URL: keep the data set in that (empty or already generated) database, to study plans afterwards.
  const kept = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ DATAHUB_WORKER: '0', LOG_LEVEL: 'silent' }, kept);
  try {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    const started = Date.now();
    const generated = (await client.query(`select count(*)::int as n from institution where code like '4%'`)).rows[0].n > 0;
    if (!generated) {
      // One transaction: a failed generation leaves nothing behind that a later run would take for a generated data set.
      await client.query('begin');
      for (const statement of GENERATE) await client.query(statement);
      await client.query('commit');
      await client.query('analyze');
    }
    const counts = (
      await client.query(`select (select count(*) from institution)::int as institutions, (select count(*) from sub_delivery)::int as sub_deliveries,
        (select count(*) from participation)::int as participations, (select count(*) from delivery)::int as deliveries, (select count(*) from report_line)::int as report_lines`)
    ).rows[0] as Record<string, number>;
    await client.end();
    const generationSeconds = (Date.now() - started) / 1000;
    process.stdout.write(`generated in ${generationSeconds.toFixed(1)} s: ${JSON.stringify(counts)}\n`);

    const institutionUser = await tokenFor(server, await createInstitutionUser(server, '40000001', Role.LOCAL_ADMIN));

    const hub = await tokenFor(server, 'hub@datahub.test');
    const cells = await heatMapCells(server.url, hub);
    // Unreported: the first seconds of load run the stack before the JIT has compiled it, which
    // made the floor (measured first) look dearer than the overview.
    await measure('warm-up', server.url, institutionUser, overview, { code: '40000001', asOf: AS_OF }, WARM_UP_SECONDS);
    const measured = [
      // The floor: what the HTTP, authentication and GraphQL path costs with no data at all.
      await measure('{ __typename } (institution user; the floor of the stack)', server.url, institutionUser, '{ __typename }', {}),
      await measure('deliveryOverview (institution user, 3 connections × 5 rows)', server.url, institutionUser, overview, { code: '40000001', asOf: AS_OF }),
      await measure('completeness, all institutions, groupBy REGISTRY', server.url, hub, completeness, { asOf: AS_OF, groupBy: ['REGISTRY'] }),
      // The heat map as it was asked before issue 17 (one GraphQL object per cell), for comparison.
      await measure(`completeness heat map as rows, one monthly sub-delivery, groupBy INSTITUTION × PERIOD (${cells})`, server.url, hub, completeness, {
        asOf: AS_OF, groupBy: ['INSTITUTION', 'PERIOD'], filter: HEAT_MAP_FILTER,
      }),
      await measure(`completenessMatrix heat map, the same sub-delivery (${cells})`, server.url, hub, matrix, { asOf: AS_OF, filter: HEAT_MAP_FILTER }),
    ];
    const figures = measured.filter((figure): figure is Figures => figure !== null);
    const [floor, overviewFigures] = [figures.find((f) => f.name.startsWith('{ __typename }')), figures.find((f) => f.name.startsWith('deliveryOverview'))];
    const heatMap = figures.find((f) => f.name.startsWith('completenessMatrix'));
    const cpu = os.cpus();
    const report = {
      measuredAt: new Date().toISOString(),
      machine: `${cpu[0]?.model ?? '?'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      asOf: AS_OF,
      data: { ...counts, generationSeconds },
      targets: { overviewP95Ms: 50, completenessP95Ms: 200, overviewP95OverFloor: OVERVIEW_FLOOR_RATIO, heatMapP95Ms: HEAT_MAP_P95_MS },
      figures,
    };
    process.stdout.write(
      '\n| query | requests | req/s | p50 ms | p95 ms | p99 ms | errors | answer bytes | server CPU ms/request |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
    );
    for (const f of figures) process.stdout.write(`| ${f.name} | ${f.requests} | ${f.throughput} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.errors} | ${f.bytes} | ${f.cpuMsPerRequest} |\n`);
    process.stdout.write('\n');
    if (floor && overviewFigures) {
      const ratio = overviewFigures.p95 / floor.p95;
      process.stdout.write(
        `deliveryOverview p95 ${overviewFigures.p95} ms / floor p95 ${floor.p95} ms = ${ratio.toFixed(2)} (target ≤ ${OVERVIEW_FLOOR_RATIO}): ${met(ratio <= OVERVIEW_FLOOR_RATIO)}` +
          ` (server CPU per request: ${(overviewFigures.cpuMsPerRequest / floor.cpuMsPerRequest).toFixed(2)} × the floor's)\n`,
      );
    }
    if (heatMap) process.stdout.write(`completenessMatrix heat map p95 ${heatMap.p95} ms (target ≤ ${HEAT_MAP_P95_MS} ms, no errors): ${met(heatMap.p95 <= HEAT_MAP_P95_MS && heatMap.errors === 0)}\n`);
    process.stdout.write(`load average (1 min) ${os.loadavg()[0]?.toFixed(1)}\n`);
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    const json = JSON.stringify(report, null, 2) + '\n';
    await writeFile(path.join(ROOT, 'bench/results/overviews-latest.json'), json);
    await writeFile(path.join(ROOT, `bench/results/overviews-${report.measuredAt.replace(/[:.]/g, '-')}.json`), json);
  } finally {
    await stopTestServers();
  }
}

const met = (yes: boolean): string => (yes ? 'met' : 'not met');

/** The heat map's size on the generated data: institutions × periods (cells). */
async function heatMapCells(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: matrix, variables: { asOf: AS_OF, filter: HEAT_MAP_FILTER } }),
  });
  const { data } = (await response.json()) as { data: { completenessMatrix: { institutions: unknown[]; periods: unknown[] } } };
  const { institutions, periods } = data.completenessMatrix;
  return `${institutions.length} institutions × ${periods.length} periods, ${institutions.length * periods.length} cells`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
