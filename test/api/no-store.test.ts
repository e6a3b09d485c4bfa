import { expect } from 'chai';
import { tokenFor } from '../support/actors';
import { sharedServer, type TestServer } from '../support/server';

/**
 * GraphQL answers carry personal and institution data, so no browser or proxy may keep them
 * (OWASP ASVS 8.2.1). Apollo's cache-control plugin used to send `no-store`; it is switched off for
 * speed (app/graphql.ts), so the header is set explicitly and checked here.
 */
describe('GraphQL answers are never stored by browsers or proxies', () => {
  let server: TestServer;
  let hub: string;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ me { stage } }' }),
    });

  it('an answer with data says Cache-Control: no-store', async () => {
    const response = await post({ authorization: `Bearer ${hub}` });
    expect([response.status, response.headers.get('cache-control')]).to.deep.equal([200, 'no-store']);
  });

  it('a refusal of an unknown token says Cache-Control: no-store', async () => {
    const response = await post({ authorization: 'Bearer not-a-token' });
    expect([response.status, response.headers.get('cache-control')]).to.deep.equal([401, 'no-store']);
  });
});
