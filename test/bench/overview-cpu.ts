/**
 * The server's CPU time per request of `deliveryOverview` against its floor (`{ __typename }`),
 * in short alternating rounds (BENCH_ROUNDS, default 8, of BENCH_SECONDS, default 3, each with 10
 * connections from load-client.ts in its own process). On a machine shared with other work the
 * 50-client latencies of overviews.ts vary by a third or more between runs; the least CPU per
 * request of several short rounds, taken alternately, varies much less, so this is what shows
 * whether a change to the overview's path made it cheaper. Needs the data set of overviews.ts in
 * BENCH_DATABASE_URL (run overviews.ts once with it first). Prints figures, asserts nothing.
 *
 *   BENCH_DATABASE_URL=postgres://…/bench_overview SWC_NODE_PROJECT=test/tsconfig.json node --conditions=source -r @swc-node/register test/bench/overview-cpu.ts
 */
// First: the server module loads reflect-metadata, which the decorated classes the helpers below import need.
import '../../server/src/app/server';
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../server/src/kernel/role';
import { tokenFor } from '../support/actors';
import { createInstitutionUser } from '../support/delivery-rows';
import { startTestServer, stopTestServers } from '../support/server';
import type { LoadFigures, LoadJob } from './load-client';
import { AS_OF, OVERVIEW } from './overview-queries';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;

/** Server CPU ms per request of one round. */
async function round(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<number> {
  const client = fork(path.join(__dirname, 'load-client.ts'), { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const job: LoadJob = { url: `${url}/graphql`, token, body: JSON.stringify({ query, variables }), connections: CONNECTIONS, seconds: SECONDS };
  const cpu = process.cpuUsage();
  const figures = await new Promise<LoadFigures>((resolve, reject) => {
    client.once('message', (message) => resolve(message as LoadFigures));
    client.once('error', reject);
    client.once('exit', (code) => reject(new Error(`the load generator exited with ${code} before answering`)));
    client.send(job);
  });
  const used = process.cpuUsage(cpu);
  if (figures.errors) throw new Error(`${figures.errors} errors`);
  return (used.user + used.system) / 1000 / Math.max(figures.requests, 1);
}

const least = (values: number[]) => Math.min(...values);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const kept = process.env.BENCH_DATABASE_URL;
  if (!kept) throw new Error('BENCH_DATABASE_URL: the database overviews.ts generated');
  const server = await startTestServer({ DATAHUB_WORKER: '0', LOG_LEVEL: 'silent' }, kept);
  try {
    const token = await tokenFor(server, await createInstitutionUser(server, '40000001', Role.LOCAL_ADMIN));
    const queries = {
      floor: ['{ __typename }', {}],
      overview: [OVERVIEW, { code: '40000001', asOf: AS_OF }],
    } as const;
    await round(server.url, token, queries.overview[0], queries.overview[1]); // warm-up, not counted
    const load = [os.loadavg()[0] ?? 0];
    const cpu = { floor: [] as number[], overview: [] as number[] };
    for (let i = 0; i < ROUNDS; i += 1) {
      for (const name of ['floor', 'overview'] as const) cpu[name].push(await round(server.url, token, queries[name][0], queries[name][1]));
    }
    load.push(os.loadavg()[0] ?? 0);
    const f = (value: number) => value.toFixed(3);
    process.stdout.write(`load average (1 min) ${load.map((value) => value.toFixed(1)).join(' → ')}; ${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections\n`);
    for (const name of ['floor', 'overview'] as const) {
      process.stdout.write(`${name}: server CPU ms/request least ${f(least(cpu[name]))}, median ${f(median(cpu[name]))} (${cpu[name].map(f).join(' ')})\n`);
    }
    const above = cpu.overview.map((value, i) => value - (cpu.floor[i] ?? NaN));
    process.stdout.write(
      `overview above the floor: least ${f(least(cpu.overview) - least(cpu.floor))} ms, median of paired rounds ${f(median(above))} ms; ` +
        `ratio of the least ${(least(cpu.overview) / least(cpu.floor)).toFixed(2)}\n`,
    );
  } finally {
    await stopTestServers();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
