/**
 * Where one overview or completeness request spends its time: sends each benchmark query once
 * (cold, then warm) to a server on an already generated bench database, lists every SQL statement
 * it sent with PostgreSQL's own execution time (EXPLAIN ANALYZE, run afterwards on the same
 * statement), and the request's wall and Node CPU time. Asserts nothing.
 *
 *   BENCH_DATABASE_URL=postgres://…/bench SWC_NODE_PROJECT=test/tsconfig.json node -r @swc-node/register test/bench/explain-overviews.ts
 */
import { Role } from '../../server/src/kernel/role';
import { tokenFor } from '../support/actors';
import { graphql } from '../support/client';
import { createInstitutionUser } from '../support/delivery-rows';
import { startTestServer, stopTestServers } from '../support/server';
import { COMPLETENESS, OVERVIEW, AS_OF } from './overview-queries';

interface Statement {
  sql: string;
  bindings: unknown[];
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL: a database the overviews bench generated');
  const server = await startTestServer({ DATAHUB_WORKER: '0', LOG_LEVEL: 'silent' }, url);
  try {
    const knex = server.datahub.orm.em.getConnection().getKnex();
    const sent: Statement[] = [];
    knex.on('query', (query: { sql: string; bindings?: unknown[] }) => void sent.push({ sql: query.sql, bindings: query.bindings ?? [] }));
    const institutionUser = await tokenFor(server, await createInstitutionUser(server, '40000001', Role.LOCAL_ADMIN));
    const hub = await tokenFor(server, 'hub@datahub.test');
    const cases = [
      { name: 'deliveryOverview', token: institutionUser, query: OVERVIEW, variables: { code: '40000001', asOf: AS_OF } },
      { name: 'completeness REGISTRY', token: hub, query: COMPLETENESS, variables: { asOf: AS_OF, groupBy: ['REGISTRY'] } },
    ];
    for (const { name, token, query, variables } of cases) {
      for (const round of ['cold', 'warm', 'warm']) {
        sent.length = 0;
        const cpu = process.cpuUsage();
        const started = performance.now();
        const answer = await graphql(server.url, query, variables, { authorization: `Bearer ${token}` });
        const wall = performance.now() - started;
        const used = process.cpuUsage(cpu);
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        process.stdout.write(`\n${name} (${round}): ${wall.toFixed(1)} ms wall, ${((used.user + used.system) / 1000).toFixed(1)} ms Node CPU (server and client), ${sent.length} statements\n`);
        const statements = [...sent];
        for (const statement of statements) {
          const plan = (await knex.raw(`explain (analyze, format json) ${statement.sql}`, statement.bindings as never)) as { rows: { 'QUERY PLAN': [{ 'Execution Time': number }] }[] };
          const time = plan.rows[0]?.['QUERY PLAN'][0]['Execution Time'] ?? NaN;
          process.stdout.write(`  ${time.toFixed(2).padStart(8)} ms  ${statement.sql.replace(/\s+/g, ' ').slice(0, 110)}\n`);
        }
        sent.length = 0;
      }
    }
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
