import { expect } from 'chai';
import { graphql } from '../support/client';
import { GRAPHQL_LIMITS } from '../../server/src/app/graphql';
import { ownerQuery, sharedServer, startTestServer, type TestServer } from '../support/server';

describe('error masking', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it("turns a database error into a generic message with a correlation id, without the database's words", async () => {
    await ownerQuery(server, 'alter table registry rename to registry_away');
    try {
      const response = await graphql(server.url, '{ registries { code } }');
      const error = response.errors?.[0];
      expect(response.status).to.equal(200);
      expect(error?.extensions?.code).to.equal('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.correlationId).to.match(/^[0-9a-f-]{36}$/);
      expect(error?.message).to.equal(`An unexpected error occurred. Quote reference ${error?.extensions?.correlationId} when you report it.`);
      expect(Object.keys(error?.extensions ?? {})).to.deep.equal(['code', 'correlationId']);
      expect(JSON.stringify(response)).not.to.match(/does not exist|registry_away|\bselect\b|stacktrace/i);
    } finally {
      await ownerQuery(server, 'alter table registry_away rename to registry');
    }
  });

  it('gives each unexpected error its own correlation id', async () => {
    await ownerQuery(server, 'alter table sub_delivery rename to sub_delivery_away');
    try {
      const first = await graphql(server.url, '{ registries { subDeliveries { code } } }');
      const second = await graphql(server.url, '{ registries { subDeliveries { code } } }');
      expect(first.errors?.[0]?.extensions?.correlationId).to.be.a('string');
      expect(first.errors?.[0]?.extensions?.correlationId).not.to.equal(second.errors?.[0]?.extensions?.correlationId);
    } finally {
      await ownerQuery(server, 'alter table sub_delivery_away rename to sub_delivery');
    }
  });
});

/** `n` aliased copies of one small field: a document only the alias limit can refuse (far below the token, depth and cost limits). */
function aliases(n: number): string {
  return Array.from({ length: n }, (_, index) => `a${index}: registries { code }`).join(' ');
}

describe('query limits outside production', () => {
  it('names the alias limit when a document has one alias too many', async () => {
    const { url } = await sharedServer();
    const over = await graphql(url, `{ ${aliases(GRAPHQL_LIMITS.maxAliases + 1)} }`);
    expect([over.status, over.errors]).to.deep.equal([
      400,
      [
        {
          message: `Syntax Error: Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found ${GRAPHQL_LIMITS.maxAliases + 1}.`,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    ]);
  });
});

describe('production hardening (NODE_ENV=production)', () => {
  let url: string;
  before(async () => {
    url = (await startTestServer({ NODE_ENV: 'production' })).url;
  });

  it('refuses introspection', async () => {
    const response = await graphql(url, '{ __schema { types { name } } }');
    expect(response.data ?? null).to.equal(null);
    expect(response.errors?.[0]?.extensions?.code).to.equal('GRAPHQL_VALIDATION_FAILED');
  });

  it('suggests no field names for a misspelled field', async () => {
    const response = await graphql(url, '{ registrie { code } }');
    expect(response.errors?.length).to.be.greaterThan(0);
    expect(JSON.stringify(response.errors)).not.to.match(/did you mean|registries/i);
  });

  it('refuses a batched array of operations', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ registries { code } }' }, { query: '{ registries { code } }' }]),
    });
    expect(response.status).to.equal(400);
  });

  it('refuses a query nested deeper than the limit', async () => {
    const nested =
      '{ registries { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { code } } } } } } } } } } } } } }';
    const response = await graphql(url, nested);
    expect(response.data ?? null).to.equal(null);
    expect(response.errors?.[0]?.extensions?.code).to.equal('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with one alias more than the limit, without naming the limit, and runs one at the limit', async () => {
    const atLimit = await graphql(url, `{ ${aliases(GRAPHQL_LIMITS.maxAliases)} }`);
    const over = await graphql(url, `{ ${aliases(GRAPHQL_LIMITS.maxAliases + 1)} }`);
    expect(atLimit.errors).to.equal(undefined);
    expect([over.status, over.data ?? null, over.errors]).to.deep.equal([
      400,
      null,
      [{ message: 'Syntax Error: Query validation error.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    ]);
  });

  it('refuses a multipart request without the CSRF preflight header before reading it', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: '{ registries { code } }' }));
    form.append('map', '{}');
    const response = await fetch(`${url}/graphql`, { method: 'POST', body: form });
    expect(response.status).to.equal(400);
  });
});
