import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';

const CREATE = 'mutation ($kind: OrganisationKind!, $name: String!) { createOrganisation(kind: $kind, name: $name) { id kind name } }';

describe('organisations (hub staff)', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('registers a processor, listed under its kind', async () => {
    expectOk(await asUser(server, hub, CREATE, { kind: 'PROCESSOR', name: 'Implantatenregister' }));
    const list = expectOk(await asUser<{ organisations: { nodes: { name: string }[] } }>(server, hub, '{ organisations(kind: PROCESSOR) { nodes { name } } }'));
    expect(list.organisations.nodes.map((row) => row.name)).to.include('Implantatenregister');
  });

  it('refuses a second organisation with the same name as BAD_USER_INPUT naming the field', async () => {
    expectOk(await asUser(server, hub, CREATE, { kind: 'REQUESTER', name: 'Dubbel BV' }));
    const again = await asUser(server, hub, CREATE, { kind: 'REQUESTER', name: 'Dubbel BV' });
    expect(again.errors?.[0]?.extensions).to.deep.include({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(again.errors?.[0]?.message).to.include('Dubbel BV');
  });

  it('refuses to make a hub or institution organisation by hand', async () => {
    const response = await asUser(server, hub, CREATE, { kind: 'INSTITUTION', name: 'Nep' });
    expect(response.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
  });
});
