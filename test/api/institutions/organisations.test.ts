import { expect } from 'chai';
import { asUser, expectOk, signIn, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const FIELDS = '__typename ... on Organisation { id name active deactivationReason } ... on Refusal { code message field }';
const UPDATE = `mutation ($id: ID!, $name: String!) { updateOrganisation(id: $id, name: $name) { ${FIELDS} } }`;
const DEACTIVATE = `mutation ($id: ID!, $reason: String!) { deactivateOrganisation(id: $id, reason: $reason) { ${FIELDS} } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateOrganisation(id: $id) { ${FIELDS} } }`;

interface Answer {
  __typename: string;
  name?: string;
  active?: boolean;
  code?: string;
  field?: string | null;
}

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

describe('organisations: hub staff edit, deactivate and reactivate processors and requesters', () => {
  let server: TestServer;
  let hub: string;
  let ids: Map<string, string>;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    const list = expectOk(
      await asUser<{ organisations: { nodes: { id: string; name: string; kind: string }[] } }>(
        server,
        hub,
        '{ organisations(first: 200) { nodes { id name kind } } }',
      ),
    );
    ids = new Map(list.organisations.nodes.map((row) => [row.kind === 'PROCESSOR' || row.kind === 'REQUESTER' ? row.name : row.kind, row.id]));
  });
  const idOf = (name: string) => ids.get(name) as string;

  it('renames a requester organisation', async () => {
    const id = idOf('Onderzoeksbureau Zorginzicht');
    const answer = expectOk(await asUser<{ updateOrganisation: Answer }>(server, hub, UPDATE, { id, name: 'Zorginzicht Onderzoek' })).updateOrganisation;
    expect(answer).to.deep.include({ __typename: 'Organisation', name: 'Zorginzicht Onderzoek' });
    ids.set('Zorginzicht Onderzoek', id);
  });

  it('refuses to change the hub’s or an institution’s organisation here as ORGANISATION_KIND', async () => {
    const answer = expectOk(await asUser<{ updateOrganisation: Answer }>(server, hub, UPDATE, { id: idOf('HUB'), name: 'Anders' })).updateOrganisation;
    expect(answer).to.deep.include({ __typename: 'Refused', code: 'ORGANISATION_KIND' });
  });

  it("deactivating a processor ends its people's sessions and stops its API tokens; reactivating lets a new login and the token in again", async () => {
    const id = idOf('NHR Analysebureau');
    const hubSession = await signIn(server, 'hub@datahub.test');
    const created = expectOk(
      await hubSession.request<{ createApiToken: { token: string } }>(
        'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on CreatedApiToken { token } } }',
        { input: { name: 'NHR koppeling', days: 30, organisationId: id } },
      ),
    ).createApiToken.token;
    const person = await signIn(server, 'verwerker@nhr.test');
    const query = '{ institutions { code } }';
    const before = [await asUser(server, created, query), await person.request(query)];
    const deactivated = expectOk(
      await asUser<{ deactivateOrganisation: Answer }>(server, hub, DEACTIVATE, { id, reason: 'Contract beëindigd' }),
    ).deactivateOrganisation;
    const during = [await asUser(server, created, query), await person.request(query)];
    expectOk(await asUser(server, hub, REACTIVATE, { id }));
    const after = await asUser(server, created, query);
    expect(before.map(codeOf)).to.deep.equal([undefined, undefined]);
    expect(deactivated).to.deep.include({ active: false, deactivationReason: 'Contract beëindigd' });
    expect(during.map(codeOf)).to.deep.equal(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codeOf(after)).to.equal(undefined);
  });

  it('refuses organisation changes to anyone but hub staff with FORBIDDEN', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const response = await asUser(server, admin, DEACTIVATE, { id: idOf('NHR Analysebureau'), reason: 'Nee' });
    expect(codeOf(response)).to.equal('FORBIDDEN');
  });
});
