import { expect } from 'chai';
import { Role } from '../../../server/src/kernel/role';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { expected, OVERVIEW } from './helpers';

describe('overviews: who sees what', () => {
  let server: TestServer;
  before(async () => {
    server = await sharedServer();
  });

  const overviewOf = async (token: string, code: string) =>
    asUser<{ deliveryOverview: { missing: { totalCount: number } } | null }>(server, token, OVERVIEW, { code, asOf: '2026-12-01', first: 5 });

  it('an institution user sees the overview of their own institution', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    expect(expectOk(await overviewOf(admin, '11111111')).deliveryOverview).to.not.equal(null);
  });

  it("another institution's overview answers exactly as an unknown code", async () => {
    const admin = await tokenFor(server, 'beheer@maasdal.test');
    const foreign = await overviewOf(admin, '11111111');
    const unknown = await overviewOf(admin, '99999998');
    expect(foreign).to.deep.equal(unknown);
  });

  it('a viewer for PMICD sees only PMICD expected deliveries of their institution', async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    const viewer = await tokenFor(server, await createInstitutionUser(server, code, Role.VIEWER, 'PMICD'));
    const rows = await expected(server, viewer, { state: ['MISSING'] }, '2026-12-01');
    expect([...new Set(rows.nodes.map((row) => row.registry.code))]).to.deep.equal(['PMICD']);
  });

  it('expectedDeliveries of another institution answers with nothing', async () => {
    const admin = await tokenFor(server, 'beheer@maasdal.test');
    expect((await expected(server, admin, { institution: '11111111', state: ['MISSING', 'OPEN'] }, '2026-12-01')).totalCount).to.equal(0);
  });

  it('a processor cannot ask for an overview', async () => {
    const processor = await tokenFor(server, 'verwerker@nhr.test');
    expect((await overviewOf(processor, '11111111')).errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });

  it("hub staff's API token gets completeness", async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    const response = await asUser<{ completeness: unknown[] }>(server, hub, '{ completeness(groupBy: [REGISTRY]) { expected } }');
    expect(expectOk(response).completeness).to.be.an('array');
  });
});
