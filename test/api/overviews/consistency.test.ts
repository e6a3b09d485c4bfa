import { expect } from 'chai';
import { asUser, expectOk, LOGIN, tokenFor } from '../../support/actors';
import { Role } from '../../../server/src/kernel/role';
import { createInstitution, createInstitutionUser, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { label, overview } from './helpers';

/**
 * Overviews are cached in the server and read fulfilment from a table triggers keep: every answer
 * must still follow the data committed before the request, whichever way the data changed (here
 * plain SQL, as the worker or a migration would change it). Each test asks once before the change,
 * so a stale cached answer would be there to return.
 */
describe('overviews follow every committed change at once (cache and fulfilment table)', () => {
  let server: TestServer;
  let hub: string;
  const ASOF = '2026-06-01';
  const sql = (text: string, values: unknown[] = []) => server.datahub.orm.em.fork().getConnection().execute(text, values);

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  async function catInstitution(): Promise<string> {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    return code;
  }

  it('a processed delivery takes the period off the missing list', async () => {
    const code = await catInstitution();
    expect((await overview(server, hub, code, ASOF)).missing.nodes.map(label)).to.deep.equal(['Cataract 2026K1']);
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, ASOF)).missing.totalCount).to.equal(0);
  });

  it('the only fulfilling delivery becoming rejected puts the period back on the missing list and on the rejected list', async () => {
    const code = await catInstitution();
    const id = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, ASOF)).missing.totalCount).to.equal(0);
    await sql(`update delivery set status = 'REJECTED' where id = ?`, [id]);
    const after = await overview(server, hub, code, ASOF);
    expect([after.missing.nodes.map(label), after.rejected.nodes.map(label)]).to.deep.equal([['Cataract 2026K1'], ['Cataract 2026K1']]);
  });

  it('when the earliest of two fulfilling deliveries stops fulfilling (FAILED), the later one is the delivery date (late)', async () => {
    const code = await catInstitution();
    const early = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
    });
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-05-20',
      status: DeliveryStatus.PROCESSED_WITH_ERRORS,
    });
    const query = `query ($asOf: Date) { expectedDeliveries(filter: { institution: "${code}", state: [ON_TIME, LATE] }, asOf: $asOf) { nodes { period state deliveredOn } } }`;
    const before = expectOk(await asUser<{ expectedDeliveries: { nodes: unknown[] } }>(server, hub, query, { asOf: ASOF }));
    await sql(`update delivery set status = 'FAILED' where id = ?`, [early]);
    const after = expectOk(await asUser<{ expectedDeliveries: { nodes: unknown[] } }>(server, hub, query, { asOf: ASOF }));
    expect([before.expectedDeliveries.nodes, after.expectedDeliveries.nodes]).to.deep.equal([
      [{ period: '2026K1', state: 'ON_TIME', deliveredOn: '2026-04-20' }],
      [{ period: '2026K1', state: 'LATE', deliveredOn: '2026-05-20' }],
    ]);
  });

  it('a test delivery never fulfils, and a delivery turned into a test delivery stops fulfilling', async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
      test: true,
    });
    const id = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-21',
      status: DeliveryStatus.PROCESSED,
    });
    const before = (await overview(server, hub, code, ASOF)).missing.totalCount;
    await sql(`update delivery set test = true where id = ?`, [id]);
    expect([before, (await overview(server, hub, code, ASOF)).missing.totalCount]).to.deep.equal([0, 1]);
  });

  it('completeness follows a participation that ends', async () => {
    const code = await catInstitution();
    const query = `{ completeness(groupBy: [INSTITUTION], filter: { institution: "${code}" }, asOf: "2026-12-01") { expected } }`;
    const before = expectOk(await asUser<{ completeness: { expected: number }[] }>(server, hub, query));
    await sql(`update participation set end_period = '2026K1', end_date = '2026-03-31' where institution_id = (select id from institution where code = ?)`, [
      code,
    ]);
    const after = expectOk(await asUser<{ completeness: { expected: number }[] }>(server, hub, query));
    expect([before.completeness, after.completeness]).to.deep.equal([[{ expected: 3 }], [{ expected: 1 }]]);
  });

  it('a registry and a sub-delivery renamed show under their new names on the next overview', async () => {
    const code = await catInstitution();
    const query = `{ deliveryOverview(institutionCode: "${code}", asOf: "${ASOF}") { missing { nodes { registry { name } subDelivery { name } } } } }`;
    type Names = { deliveryOverview: { missing: { nodes: { registry: { name: string }; subDelivery: { name: string } }[] } } };
    const names = async () => expectOk(await asUser<Names>(server, hub, query)).deliveryOverview.missing.nodes[0];
    const before = await names();
    await sql(`update registry set name = name || ' (renamed)' where code = 'CAT'`);
    await sql(`update sub_delivery set name = name || ' (renamed)' where code = 'Cataract'`);
    try {
      const after = await names();
      expect(after).to.deep.equal({ registry: { name: `${before?.registry.name} (renamed)` }, subDelivery: { name: `${before?.subDelivery.name} (renamed)` } });
    } finally {
      await sql(`update registry set name = ? where code = 'CAT'`, [before?.registry.name]);
      await sql(`update sub_delivery set name = ? where code = 'Cataract'`, [before?.subDelivery.name]);
    }
  });

  it('a revoked API token is refused on its next request, though it was just used', async () => {
    const token = await tokenFor(server, 'hub@datahub.test');
    expectOk(await asUser(server, token, '{ me { stage } }'));
    await sql(
      `update api_token set revoked_at = now() where last_used_at is not null and revoked_at is null and id = (select id from api_token order by created_at desc limit 1)`,
    );
    const refused = await asUser(server, token, '{ me { stage } }');
    expect(refused.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });

  it("a token's user losing a role loses its access on the next request", async () => {
    const code = await createInstitution(server);
    const email = await createInstitutionUser(server, code, Role.LOCAL_ADMIN);
    const token = await tokenFor(server, email);
    const query = `{ deliveryOverview(institutionCode: "${code}", asOf: "${ASOF}") { missing { totalCount } } }`;
    const before = expectOk(await asUser<{ deliveryOverview: unknown }>(server, token, query));
    await sql(`delete from role_assignment where user_id = (select id from app_user where email = ?)`, [email]);
    const after = await asUser<{ deliveryOverview: unknown }>(server, token, query);
    expect([before.deliveryOverview !== null, after.data?.deliveryOverview ?? null]).to.deep.equal([true, null]);
  });
  it('a failed login leaves the token caches warm; deactivating the user empties them', async () => {
    const email = await createInstitutionUser(server, await createInstitution(server), Role.VIEWER, 'CAT');
    const version = async () => ((await sql(`select version from data_version where name = 'access'`))[0] as { version: string }).version;
    const before = await version();
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { email, password: 'niet-het-wachtwoord' } }),
    });
    const refused = ((await login.json()) as { data: { login: { code?: string } } }).data.login.code;
    const failures = ((await sql(`select failures from login_lockout where key = ?`, [server.datahub.services.keys.lookup(email)]))[0] as { failures: number })
      .failures;
    const afterFailedLogin = await version();
    await sql(`update app_user set active = false where email = ?`, [email]);
    expect([refused, failures, afterFailedLogin === before, (await version()) === before]).to.deep.equal(['INVALID_CREDENTIALS', 1, true, false]);
  });
});
