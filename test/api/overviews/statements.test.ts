import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { startTestServer, type TestServer } from '../../support/server';
import { OVERVIEW } from './helpers';

/**
 * Counts the SQL statements one GraphQL request sends, through knex's `query` event (every ORM and
 * raw statement passes there). Its own server without the in-process worker, so nothing else talks
 * to the database meanwhile.
 */
describe('overview queries send a small constant number of SQL statements (no N+1)', () => {
  let server: TestServer;
  let hub: string;
  let small: string;
  let large: string;
  let statements = 0;

  /** Statements of one request; `cold`: after a change to the overview data, so nothing computed before is used. */
  async function count(query: string, variables: Record<string, unknown>, cache: 'cold' | 'warm' = 'cold'): Promise<number> {
    if (cache === 'cold') await server.datahub.orm.em.fork().getConnection().execute(`update data_version set version = version + 1 where name = 'overview'`);
    statements = 0;
    expectOk(await asUser(server, hub, query, variables));
    return statements;
  }

  before(async () => {
    server = await startTestServer({ DATAHUB_WORKER: '0' });
    hub = await tokenFor(server, 'hub@datahub.test');
    small = await createInstitution(server);
    large = await createInstitution(server);
    await participate(server, { institution: small, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    for (const [registry, subDelivery] of [
      ['CAT', 'Cataract'],
      ['PMICD', 'PMICD'],
      ['MMY', 'IKNL'],
      ['MMY', 'PROMS'],
    ] as const) {
      await participate(server, { institution: large, registry, subDelivery, start: '2020K1' });
    }
    for (let year = 2020; year <= 2025; year += 1) {
      for (const quarter of [1, 2, 3, 4]) {
        await deliver(server, {
          institution: large,
          registry: 'PMICD',
          subDelivery: 'PMICD',
          period: `${year}K${quarter}`,
          on: `${year + 1}-01-15`,
          status: DeliveryStatus.REJECTED,
        });
      }
    }
    // One request first: the token's "last used" is written at most once a minute, on first use.
    expectOk(await asUser(server, hub, '{ me { stage } }'));
    server.datahub.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        statements += 1;
      });
  });

  // The data version, the institution's id, one statement per list, and the registry directory
  // (registries, sub-deliveries) that the lists take their rows' registry and stream from: no
  // loader batches on this path any more, so the count is the same whatever the timing.
  it('deliveryOverview: the same 7 statements for 1 row, 50 rows and a 20-fold larger institution', async () => {
    const counts = [
      await count(OVERVIEW, { code: small, asOf: '2026-12-01', first: 1 }),
      await count(OVERVIEW, { code: large, asOf: '2026-12-01', first: 1 }),
      await count(OVERVIEW, { code: large, asOf: '2026-12-01', first: 50 }),
    ];
    expect(counts, `statements: ${counts.join(', ')}`).to.deep.equal([7, 7, 7]);
  });

  it('deliveryOverview asked again with nothing changed: only the data version is read (stream names come from the process)', async () => {
    await count(OVERVIEW, { code: large, asOf: '2026-12-01', first: 50 });
    const again = await count(OVERVIEW, { code: large, asOf: '2026-12-01', first: 50 }, 'warm');
    expect(again).to.equal(1);
  });

  it('expectedDeliveries: the same count whatever the page size', async () => {
    const query =
      'query ($first: Int) { expectedDeliveries(filter: { state: [MISSING, OPEN] }, first: $first, asOf: "2026-12-01") { totalCount nodes { period institution { code } registry { code } subDelivery { code } } } }';
    const counts = [await count(query, { first: 1 }), await count(query, { first: 200 })];
    expect(counts[0], `statements: ${counts.join(', ')}`).to.equal(counts[1]);
    expect(counts[0]).to.be.at.most(10);
  });

  it('completeness: the same count grouped per registry or per institution and period', async () => {
    const query =
      'query ($groupBy: [CompletenessDimension!]) { completeness(groupBy: $groupBy, asOf: "2026-12-01") { expected registry { code } subDelivery { code } institution { code } period } }';
    const counts = [await count(query, { groupBy: ['REGISTRY'] }), await count(query, { groupBy: ['SUB_DELIVERY', 'INSTITUTION', 'PERIOD'] })];
    expect(counts[1], `statements: ${counts.join(', ')}`).to.be.at.most(counts[0] + 2);
    expect(counts[1]).to.be.at.most(10);
  });

  it('completeness asked again with nothing changed: only the data version is read (registry names come from the process)', async () => {
    const query = '{ completeness(groupBy: [REGISTRY], asOf: "2026-12-01") { expected registry { code } } }';
    await count(query, {});
    expect(await count(query, {}, 'warm')).to.equal(1);
  });

  it('completenessMatrix: at most 5 statements cold, and asked again with nothing changed only the data version is read', async () => {
    const query = '{ completenessMatrix(filter: { registry: "CAT" }, asOf: "2026-11-30") { institutions { code } periods expected states } }';
    // Cold: the data version, the filter's codes and the one grouped statement (the directory may already be held).
    expect(await count(query, {})).to.be.at.most(5);
    expect(await count(query, {}, 'warm')).to.equal(1);
  });
});
