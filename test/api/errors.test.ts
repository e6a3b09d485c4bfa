import { expect } from 'chai';
import { graphql } from '../support/client';
import { ownerQuery, startTestServer, type TestServer } from '../support/server';

describe('error masking', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });

  it('turns a database error into a generic message with a correlation id, without the database\'s words', async () => {
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
    const nested = '{ registries { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { subDeliveries { registry { code } } } } } } } } } } } } }';
    const response = await graphql(url, nested);
    expect(response.data ?? null).to.equal(null);
    expect(response.errors?.[0]?.extensions?.code).to.equal('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with a thousand aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: registries { code }`).join(' ');
    const response = await graphql(url, `{ ${aliases} }`);
    expect(response.data ?? null).to.equal(null);
    expect(response.errors?.length).to.be.greaterThan(0);
  });

  it('refuses a multipart request without the CSRF preflight header before reading it', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: '{ registries { code } }' }));
    form.append('map', '{}');
    const response = await fetch(`${url}/graphql`, { method: 'POST', body: form });
    expect(response.status).to.equal(400);
  });
});
