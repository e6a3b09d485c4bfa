import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';

const CREATE =
  'mutation ($kind: OrganisationKind!, $name: String!) { createOrganisation(kind: $kind, name: $name) { __typename ... on Organisation { id kind name } ... on Refusal { code message field } } }';
type Created = { createOrganisation: { __typename: string; code?: string; message?: string; field?: string | null } };

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

  it('refuses a second organisation with the same name as ORGANISATION_EXISTS naming the field', async () => {
    expectOk(await asUser(server, hub, CREATE, { kind: 'REQUESTER', name: 'Dubbel BV' }));
    const again = expectOk(await asUser<Created>(server, hub, CREATE, { kind: 'REQUESTER', name: 'Dubbel BV' }));
    expect(again.createOrganisation).to.deep.include({ __typename: 'Refused', code: 'ORGANISATION_EXISTS', field: 'name' });
    expect(again.createOrganisation.message).to.include('Dubbel BV');
  });

  it('refuses to make a hub or institution organisation by hand as ORGANISATION_KIND', async () => {
    const response = expectOk(await asUser<Created>(server, hub, CREATE, { kind: 'INSTITUTION', name: 'Nep' }));
    expect(response.createOrganisation).to.deep.include({ __typename: 'Refused', code: 'ORGANISATION_KIND', field: 'kind' });
  });
});
