import { expect } from 'chai';
import { tokenFor } from '../../support/actors';
import { deliver, type DeliverTarget, grantSubmitter, type Outcome, switchToFhir } from '../../support/fhir-http';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const PMICD: DeliverTarget = { institution: '11111111', unit: 0, registry: 'PMICD', version: '2018.0.5', period: '2026K1' };
const EMPTY_BUNDLE = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] });

describe('FHIR R4 endpoint /fhir/r4: declarations, authentication and the channel rule', function () {
  this.timeout(120000);
  let server: TestServer;
  let submitter: string;

  before(async () => {
    server = await startTestServer();
    await grantSubmitter(server, 'aanlever@zuidermeer.test', '11111111', ['PMICD']);
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it('GET metadata answers an R4 CapabilityStatement (4.0.1, JSON and NDJSON) naming the $deliver operation', async () => {
    const response = await fetch(`${server.url}/fhir/r4/metadata`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/fhir\+json/);
    const statement = (await response.json()) as {
      resourceType: string;
      fhirVersion: string;
      format: string[];
      rest: { operation: { name: string; definition: string }[] }[];
    };
    expect(statement).to.include({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(statement.format).to.include.members(['application/fhir+json', 'application/fhir+ndjson']);
    expect(statement.rest[0]?.operation[0]?.name).to.equal('deliver');
    expect(statement.rest[0]?.operation[0]?.definition).to.match(/\/fhir\/r4\/OperationDefinition\/deliver$/);
  });

  it('GET OperationDefinition/deliver declares institution, unit, registry, version, period, test and the data', async () => {
    const response = await fetch(`${server.url}/fhir/r4/OperationDefinition/deliver`);
    expect(response.status).to.equal(200);
    const definition = (await response.json()) as { resourceType: string; code: string; parameter: { name: string; use: string; type: string; min: number }[] };
    expect(definition).to.include({ resourceType: 'OperationDefinition', code: 'deliver' });
    const inputs = definition.parameter.filter((parameter) => parameter.use === 'in');
    expect(inputs.map((parameter) => parameter.name)).to.deep.equal(['institution', 'unit', 'registry', 'version', 'period', 'test', 'resource']);
    expect(inputs.find((parameter) => parameter.name === 'test')).to.include({ type: 'boolean', min: 0 });
    expect(definition.parameter.find((parameter) => parameter.use === 'out')).to.include({ type: 'OperationOutcome' });
  });

  it('keeps the strict security headers on FHIR answers, and GraphQL still answers beside it', async () => {
    const response = await fetch(`${server.url}/fhir/r4/metadata`);
    expect(response.headers.get('content-security-policy')).to.include("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).to.deep.equal({ data: { __typename: 'Query' } });
  });

  it('refuses $deliver without a token, with a session cookie instead, and with an invalid token: 401 OperationOutcome with WWW-Authenticate', async () => {
    const none = await deliver(server, null, PMICD, EMPTY_BUNDLE, 'application/fhir+json');
    const cookie = await deliver(server, null, PMICD, EMPTY_BUNDLE, 'application/fhir+json', { cookie: 'datahub_session=abc' });
    const invalid = await deliver(server, 'x'.repeat(40), PMICD, EMPTY_BUNDLE, 'application/fhir+json', { 'accept-language': 'en' });
    for (const answer of [none, cookie, invalid]) {
      expect(answer.status).to.equal(401);
      expect(answer.headers.get('www-authenticate')).to.match(/^Bearer/);
      expect(answer.outcome.resourceType).to.equal('OperationOutcome');
      expect(answer.outcome.issue[0]).to.include({ severity: 'error', code: 'login' });
    }
    expect(invalid.outcome.issue[0]?.diagnostics).to.equal('The API token is invalid, expired or revoked.');
    expect(none.outcome.issue[0]?.diagnostics).to.match(/API-token/);
  });

  it('refuses $deliver-status without a token with 401, and an unknown or unreadable id with 404', async () => {
    expect((await fetch(`${server.url}/fhir/r4/$deliver-status/00000000-0000-4000-8000-000000000000`)).status).to.equal(401);
    const unknown = await fetch(`${server.url}/fhir/r4/$deliver-status/00000000-0000-4000-8000-000000000000`, {
      headers: { authorization: `Bearer ${submitter}` },
    });
    expect(unknown.status).to.equal(404);
    expect(((await unknown.json()) as Outcome).issue[0]).to.include({ code: 'not-found' });
  });

  it('refuses a body that is neither FHIR JSON nor NDJSON with 415, and a missing parameter with 400 naming it', async () => {
    const csv = await deliver(server, submitter, PMICD, 'a,b\n1,2\n', 'text/csv');
    expect(csv.status).to.equal(415);
    expect(csv.outcome.issue[0]?.code).to.equal('not-supported');
    const response = await fetch(`${server.url}/fhir/r4/$deliver?institution=11111111&unit=0&registry=PMICD&version=2018.0.5`, {
      method: 'POST',
      headers: { authorization: `Bearer ${submitter}`, 'content-type': 'application/fhir+json', 'accept-language': 'en' },
      body: EMPTY_BUNDLE,
    });
    expect(response.status).to.equal(400);
    expect(((await response.json()) as Outcome).issue[0]?.diagnostics).to.match(/^Parameter period /);
  });

  it('refuses FHIR where the institution delivers the registry through the portal: 409 naming both channels, audited', async () => {
    const refused = await deliver(server, submitter, PMICD, EMPTY_BUNDLE, 'application/fhir+json', { 'accept-language': 'nl' });
    expect(refused.status).to.equal(409);
    expect(refused.outcome.issue[0]).to.include({ severity: 'error', code: 'conflict' });
    expect(refused.outcome.issue[0]?.details?.coding?.[0]?.code).to.equal('CHANNEL_NOT_ACTIVE');
    expect(refused.outcome.issue[0]?.diagnostics).to.include('Webportaal').and.to.include('FHIR');
    const audited = await ownerQuery<{ detail: string }>(
      server,
      `select detail from audit_event where action = 'fhirDeliver' and event = 'AUTHORISATION_FAILURE'`,
    );
    expect(audited.map((row) => row.detail)).to.include('CHANNEL_NOT_ACTIVE');
  });

  it("refuses another institution's delivery with 403 and an unknown version with 404, in the caller's language", async () => {
    const other = await deliver(server, submitter, { ...PMICD, institution: '15330041' }, EMPTY_BUNDLE, 'application/fhir+json', { 'accept-language': 'en' });
    expect(other.status).to.equal(403);
    expect(other.outcome.issue[0]?.details?.coding?.[0]?.code).to.equal('FORBIDDEN');
    const unknown = await deliver(server, submitter, { ...PMICD, version: '9.9' }, EMPTY_BUNDLE, 'application/fhir+json', { 'accept-language': 'en' });
    expect(unknown.status).to.equal(404);
    expect(unknown.outcome.issue[0]?.details?.coding?.[0]?.code).to.equal('UNKNOWN_VERSION');
  });

  describe('once FHIR is the active channel for PMICD', () => {
    before(async () => {
      await switchToFhir(server, 'beheer@zuidermeer.test', '11111111', 'PMICD', '2026K1');
    });

    it('takes a Bundle: 202 Accepted with Content-Location pointing at $deliver-status of the new FHIR delivery', async () => {
      const accepted = await deliver(server, submitter, PMICD, EMPTY_BUNDLE, 'application/fhir+json');
      expect(accepted.status, JSON.stringify(accepted.outcome)).to.equal(202);
      const location = accepted.headers.get('content-location') ?? '';
      const match = /\/fhir\/r4\/\$deliver-status\/([0-9a-f-]{36})$/.exec(location);
      expect(match, location).to.not.equal(null);
      const rows = await ownerQuery<{ channel: string }>(server, 'select channel from delivery where id = $1', [match?.[1]]);
      expect(rows[0]?.channel).to.equal('FHIR');
    });

    it('refuses a body larger than the upload limit with 413 before it is stored; while a delivery waits, $deliver-status answers 202 with X-Progress', async () => {
      // The same database without an in-process worker: the accepted delivery stays RECEIVED.
      const small = await startTestServer({ DATAHUB_UPLOAD_MAX_BYTES: '1000', DATAHUB_WORKER: '0' }, server.databaseUrl);
      server = small;
      const big = await deliver(small, submitter, PMICD, `${'{"resourceType":"Patient"}\n'.repeat(100)}`, 'application/fhir+ndjson');
      expect(big.status).to.equal(413);
      expect(big.outcome.issue[0]?.code).to.equal('too-long');
      const accepted = await deliver(small, submitter, PMICD, EMPTY_BUNDLE, 'application/fhir+json');
      expect(accepted.status).to.equal(202);
      const path = new URL(accepted.headers.get('content-location') ?? '').pathname;
      const waiting = await fetch(`${small.url}${path}`, { headers: { authorization: `Bearer ${submitter}`, 'accept-language': 'en' } });
      expect(waiting.status).to.equal(202);
      expect(waiting.headers.get('x-progress')).to.equal('Received: waiting to be processed.');
      const other = await tokenFor(small, 'beheer@maasdal.test');
      const foreign = await fetch(`${small.url}${path}`, { headers: { authorization: `Bearer ${other}` } });
      expect(foreign.status, "another institution's administrator").to.equal(404);
    });
  });
});
