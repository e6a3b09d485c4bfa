import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, deliver, DeliveryStatus } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';

const LIST = `query ($filter: DeliveryFilterInput) { deliveries(filter: $filter, first: 50) { nodes { id period deliveryDate } } }`;

/**
 * Aangeleverd's "Alleen meest recente per periode" keeps one row per institution, stream, period and
 * test flag. TOTAAL has no year in its code: a TOTAAL delivered in year Y+1 covers year Y, so each
 * delivery year is a period of its own and keeps its own most recent row.
 */
describe('Aangeleverd, only the most recent per period: TOTAAL of different years are different periods', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const CAT = { registry: 'CAT', subDelivery: 'Cataract', status: DeliveryStatus.PROCESSED };
  const latest = async () =>
    expectOk(
      await asUser<{ deliveries: { nodes: { id: string; period: string; deliveryDate: string }[] } }>(server, hub, LIST, {
        filter: { institutionCode: code, latestOnly: true },
      }),
    ).deliveries.nodes.map((node) => node.id);

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    code = await createInstitution(server);
  });

  it('keeps the newest TOTAAL of each delivery year, and of a year only the newest', async () => {
    await deliver(server, { ...CAT, institution: code, period: 'TOTAAL', on: '2025-01-05' });
    const of2024 = await deliver(server, { ...CAT, institution: code, period: 'TOTAAL', on: '2025-01-08' });
    const of2025 = await deliver(server, { ...CAT, institution: code, period: 'TOTAAL', on: '2026-01-06' });
    await deliver(server, { ...CAT, institution: code, period: '2025K4', on: '2026-01-20' });
    const quarter = await deliver(server, { ...CAT, institution: code, period: '2025K4', on: '2026-01-25' });
    expect((await latest()).sort()).to.deep.equal([of2024, of2025, quarter].sort());
  });
});
