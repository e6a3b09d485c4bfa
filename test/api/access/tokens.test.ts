import { expect } from 'chai';
import { ApiToken } from '../../../server/src/access/api-token.entity';
import { Organisation } from '../../../server/src/access/organisation.entity';
import { asUser, expectOk, signIn, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  __typename ... on CreatedApiToken { token apiToken { id name prefix expiresAt } } ... on Refusal { code field } } }`;

describe('API tokens', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it("is shown once, stored only as a hash, and carries its owner's roles: a submitter's token sees only that institution", async () => {
    const browser = await signIn(server, 'aanlever@zuidermeer.test');
    const created = expectOk(
      await browser.request<{ createApiToken: { token: string; apiToken: { id: string; prefix: string } } }>(CREATE, {
        input: { name: 'Dashboard', days: 30 },
      }),
    );
    const { token, apiToken } = created.createApiToken;
    const stored = await server.datahub.orm.em.fork().findOneOrFail(ApiToken, { id: apiToken.id });
    const institutions = expectOk(await asUser<{ institutions: { code: string }[] }>(server, token, '{ institutions { code } }'));
    const adminOnly = await asUser(server, token, '{ institutionUsers(institutionCode: "11111111") { nodes { id } } }');
    expect(token.startsWith(apiToken.prefix)).to.equal(true);
    expect(JSON.stringify(stored)).not.to.include(token);
    expect(institutions.institutions.map((row) => row.code)).to.deep.equal(['11111111']);
    expect(adminOnly.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });

  it('cannot make another token (a token never mints tokens)', async () => {
    const token = await tokenFor(server, 'hub@datahub.test');
    const response = expectOk(await asUser<{ createApiToken: { code: string } }>(server, token, CREATE, { input: { name: 'more', days: 5 } }));
    expect(response.createApiToken.code).to.equal('FORBIDDEN');
  });

  it('is refused after revocation and after its expiry, with UNAUTHENTICATED', async () => {
    const browser = await signIn(server, 'beheer@zuidermeer.test');
    const revoked = expectOk(
      await browser.request<{ createApiToken: { token: string; apiToken: { id: string } } }>(CREATE, { input: { name: 'kort', days: 1 } }),
    ).createApiToken;
    const expiring = expectOk(await browser.request<{ createApiToken: { token: string } }>(CREATE, { input: { name: 'kort2', days: 1 } })).createApiToken;
    expectOk(await browser.request('mutation ($id: ID!) { revokeApiToken(id: $id) { ... on ApiToken { revokedAt } } }', { id: revoked.apiToken.id }));
    const afterRevoke = await asUser(server, revoked.token, '{ institutions { code } }');
    server.clock.advance(25 * 3_600_000);
    const afterExpiry = await asUser(server, expiring.token, '{ institutions { code } }');
    expect(afterRevoke.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    expect(afterExpiry.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
    expect(afterExpiry.status).to.equal(401);
  });

  it('lets hub staff make a token for a processor organisation, which acts as PROCESSOR of it and nothing more', async () => {
    const hub = await signIn(server, 'hub@datahub.test');
    const processor = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' });
    const created = expectOk(
      await hub.request<{ createApiToken: { token: string } }>(CREATE, { input: { name: 'NHR koppeling', days: 90, organisationId: processor.id } }),
    );
    const token = created.createApiToken.token;
    const institutions = expectOk(await asUser<{ institutions: unknown[] }>(server, token, '{ institutions { code } }'));
    const organisations = await asUser(server, token, '{ organisations { nodes { name } } }');
    expect(institutions.institutions).to.deep.equal([]);
    expect(organisations.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });

  it('refuses an expiry outside 1–365 days, naming the field', async () => {
    const browser = await signIn(server, 'inzage@zuidermeer.test');
    const response = expectOk(await browser.request<{ createApiToken: { code: string; field: string } }>(CREATE, { input: { name: 'x', days: 400 } }));
    expect(response.createApiToken).to.deep.equal({ __typename: 'Refused', code: 'INVALID_EXPIRY', field: 'days' });
  });
});
