/**
 * Whether a refused report export can be told from an unknown id by its timing: GET
 * /api/deliveries/:id/report.csv as a local administrator of another institution, alternately for
 * an existing delivery of another institution ("forbidden") and for an id that does not exist
 * ("unknown"), in random order per pair, after a warm-up. Prints medians and quartiles per kind;
 * asserts no times.
 *
 *   DATABASE_URL=postgres://… SWC_NODE_PROJECT=test/tsconfig.json node -r @swc-node/register test/bench/export-refusal.ts
 */
import { performance } from 'node:perf_hooks';
import { Delivery } from '../../server/src/deliveries/delivery.entity';
import { tokenFor } from '../support/actors';
import { startTestServer, stopTestServers } from '../support/server';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 2000);
const WARM_UP = 200;

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return (sorted[low] as number) + ((sorted[Math.ceil(at)] as number) - (sorted[low] as number)) * (at - low);
}

async function main(): Promise<void> {
  const server = await startTestServer();
  try {
    const delivery = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { institution: { code: '11111111' } });
    const token = await tokenFor(server, 'beheer@maasdal.test');
    const ids = { forbidden: delivery.id, unknown: '00000000-0000-4000-8000-000000000000' };
    const times: Record<keyof typeof ids, number[]> = { forbidden: [], unknown: [] };
    const once = async (kind: keyof typeof ids): Promise<number> => {
      const start = performance.now();
      const response = await fetch(`${server.url}/api/deliveries/${ids[kind]}/report.csv`, { headers: { authorization: `Bearer ${token}` } });
      await response.text();
      if (response.status !== 404) throw new Error(`${kind}: status ${response.status}`);
      return performance.now() - start;
    };
    for (let i = 0; i < WARM_UP; i++) await once(i % 2 ? 'forbidden' : 'unknown');
    for (let i = 0; i < PAIRS; i++) {
      const order: (keyof typeof ids)[] = Math.random() < 0.5 ? ['forbidden', 'unknown'] : ['unknown', 'forbidden'];
      for (const kind of order) times[kind].push(await once(kind));
    }
    const figures = Object.fromEntries(
      Object.entries(times).map(([kind, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return [kind, { p25: +quantile(sorted, 0.25).toFixed(2), median: +quantile(sorted, 0.5).toFixed(2), p75: +quantile(sorted, 0.75).toFixed(2) }];
      }),
    );
    process.stdout.write(`${JSON.stringify({ pairs: PAIRS, ms: figures })}\n`);
  } finally {
    await stopTestServers();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
