import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { Organisation, OrganisationKind } from '../../../server/src/access/organisation.entity';
import { RoleAssignment } from '../../../server/src/access/role-assignment.entity';
import { User } from '../../../server/src/access/user.entity';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { loadConfig, ConfigError } from '../../../server/src/kernel/config';
import { Role } from '../../../server/src/kernel/role';
import { checkNoticeUrl } from '../../../server/src/notices/module';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code message } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { id } ... on Refusal { code message } } }`;
const REVOKE = `mutation ($id: ID!) { revokeAuthorisation(authorisationId: $id) { __typename ... on Refusal { code } } }`;
const REGISTER = `mutation ($url: String!, $organisationId: ID) { registerNoticeEndpoint(url: $url, organisationId: $organisationId) {
  __typename ... on NoticeEndpointWithSecret { secret endpoint { id url active } } ... on Refusal { code field } } }`;
const ROTATE = `mutation ($organisationId: ID) { rotateNoticeSecret(organisationId: $organisationId) {
  __typename ... on NoticeEndpointWithSecret { secret } ... on Refusal { code } } }`;
const REMOVE = `mutation ($organisationId: ID) { removeNoticeEndpoint(organisationId: $organisationId) { __typename ... on Refusal { code } } }`;
const ENDPOINT = `query ($organisationId: ID) { noticeEndpoint(organisationId: $organisationId) { id url active } }`;
const NOTICES = `query ($organisationId: ID) { notices(organisationId: $organisationId, first: 50) {
  nodes { id authorisationId status attempts lastStatusCode lastErrorKind deliveredAt } } }`;
const CAT_FILE = example('CAT/Cataract/1.4/examples/valid.csv');

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface NoticeNode {
  id: string;
  authorisationId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastErrorKind: string | null;
  deliveredAt: string | null;
}

/** A receiver on 127.0.0.1 that records every request and answers the next queued status (200 when none is queued). */
function receiver() {
  const requests: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  return { server, requests, answers };
}

/** Polls until `condition` holds (at most 30 s): a wait for the worker, not a timed assertion. */
async function until<T>(what: string, probe: () => Promise<T>, condition: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 30000;
  for (;;) {
    const value = await probe();
    if (condition(value)) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function verifySignature(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('notices to processors: signed, retried, without data', function () {
  this.timeout(120000);
  const hook = receiver();
  let server: TestServer;
  let admin: string;
  let submitter: string;
  let processor: string;
  let otherProcessor: string;
  let hub: string;
  let nhrId: string;
  let authorisationId: string;
  let secret: string;
  let hookUrl: string;

  const notices = async (token = processor, organisationId?: string) =>
    expectOk(await asUser<{ notices: { nodes: NoticeNode[] } }>(server, token, NOTICES, { organisationId })).notices.nodes;
  const noticeBy = async (id: string) => (await notices()).find((notice) => notice.id === id);
  /** Lets the notice's waiting retry run now instead of after graphile-worker's backoff. */
  const retryNow = () =>
    ownerQuery(server, `update graphile_worker._private_jobs set run_at = now() where key = $1 and locked_at is null and run_at > now()`, [
      `notice:${authorisationId}`,
    ]);
  /** A delivery for 2026K1 (superseding the one before) whose first record has the VaCCPO value given: another value than before changes held records. */
  const deliver = async (sequence: number, vaccpo: string) => {
    const content = CAT_FILE.replace('0.30,0.90', `0.30,${vaccpo}`);
    const delivery = await upload(server, submitter, `11111111_0_CAT_1.4_${sequence}_20260410_PROD.csv`, content, { period: '2026K1' });
    expect(delivery.__typename).to.equal('Delivery');
    // A changed record is reported (T02, a warning): PROCESSED_WITH_ERRORS, its records held all the same.
    expect((await settled(server, delivery.id)).status).to.be.oneOf(['PROCESSED', 'PROCESSED_WITH_ERRORS']);
  };

  before(async () => {
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/datahub-notices`;
    server = await startTestServer({ DATAHUB_NOTICES_ALLOW_LOCAL_HTTP: '1' });
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    processor = await tokenFor(server, 'verwerker@nhr.test');
    const em = server.datahub.orm.em.fork();
    nhrId = (await em.findOneOrFail(Organisation, { name: 'NHR Analysebureau' })).id;
    const other = em.create(Organisation, { kind: OrganisationKind.PROCESSOR, name: 'Ander Analysebureau' });
    const otherUser = em.create(User, { email: 'verwerker@ander.test', name: 'Andere verwerker', organisation: other, passwordHash: null, language: 'en' });
    em.create(RoleAssignment, { user: otherUser, role: Role.PROCESSOR, organisation: other });
    await em.flush();
    otherProcessor = await tokenFor(server, 'verwerker@ander.test');
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhrId, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'VaCCPO'] },
      }),
    ).linkProcessor;
    authorisationId = expectOk(
      await asUser<{ grantAuthorisation: { id: string } }>(server, admin, GRANT, {
        input: { linkId: link.id, institutionCode: '11111111', fields: ['OperatieDatum'], purpose: 'Kwaliteitsanalyse cataract' },
      }),
    ).grantAuthorisation.id;
    const registered = expectOk(
      await asUser<{ registerNoticeEndpoint: { __typename: string; secret: string; endpoint: { url: string; active: boolean } } }>(
        server,
        processor,
        REGISTER,
        {
          url: hookUrl,
        },
      ),
    ).registerNoticeEndpoint;
    expect(registered.__typename).to.equal('NoticeEndpointWithSecret');
    expect(registered.endpoint).to.deep.equal({ url: hookUrl, active: true, id: (registered.endpoint as { id?: string }).id });
    secret = registered.secret;
  });

  after(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));

  it('registration is audited and its secret is never readable again: the endpoint type has no secret field', async () => {
    const audited = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'registerNoticeEndpoint' });
    expect(audited).to.have.length(1);
    expect(audited[0]?.detail).to.equal(hookUrl);
    expect(audited[0]?.detail).not.to.include(secret);
    const fields = expectOk(
      await asUser<{ __type: { fields: { name: string }[] } }>(server, processor, '{ __type(name: "NoticeEndpoint") { fields { name } } }'),
    ).__type.fields.map((field) => field.name);
    expect(fields.filter((name) => /secret/i.test(name))).to.deep.equal([]);
  });

  it('a processed delivery for the authorised institution and sub-delivery gives exactly one notice, signed with the registered secret, with exactly the documented keys', async () => {
    await deliver(801, '0.90');
    const [pending] = await notices();
    expect(pending?.authorisationId).to.equal(authorisationId);
    const done = await until(
      'the notice to be delivered',
      () => noticeBy(pending?.id ?? ''),
      (notice) => notice?.status === 'DELIVERED',
    );
    expect(done).to.include({ attempts: 1, lastStatusCode: 200, lastErrorKind: null });
    expect(await notices()).to.have.length(1);
    expect(hook.requests).to.have.length(1);
    const [request] = hook.requests;
    if (!request) throw new Error('no request');
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers['datahub-notice-id']).to.equal(done?.id);
    expect(verifySignature(String(request.headers['datahub-signature']), request.body, secret), 'signature verifies with the registered secret').to.equal(true);
    expect(verifySignature(String(request.headers['datahub-signature']), request.body, `${secret}x`), 'and not with another').to.equal(false);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).to.deep.equal(['authorisationId', 'institution', 'noticeId', 'occurredAt', 'registry', 'subDelivery', 'type']);
    expect(body).to.include({
      type: 'records-available',
      noticeId: done?.id,
      authorisationId,
      registry: 'CAT',
      subDelivery: 'Cataract',
      institution: '11111111',
    });
  });

  it('a delivery that changes no held record (the same records again) gives no notice', async () => {
    const count = (await notices()).length;
    await deliver(901, '0.90');
    expect(await notices()).to.have.length(count);
  });

  it('a receiver answering 500 twice then 200 gets three attempts of the same notice, which ends delivered', async () => {
    const before = hook.requests.length;
    hook.answers.push(500, 500);
    await deliver(802, '0.80');
    const newest = (await notices())[0];
    const done = await until(
      'the notice to be delivered after retries',
      async () => {
        await retryNow();
        return noticeBy(newest?.id ?? '');
      },
      (notice) => notice?.status === 'DELIVERED',
    );
    expect(done).to.include({ attempts: 3, lastStatusCode: 200, lastErrorKind: null });
    const attempts = hook.requests.slice(before);
    expect(attempts).to.have.length(3);
    expect(attempts.map((request) => request.headers['datahub-notice-id'])).to.deep.equal([done?.id, done?.id, done?.id]);
  });

  it("another processor can neither read nor change NHR's endpoint or notices; hub staff may read them", async () => {
    expect(expectOk(await asUser<{ noticeEndpoint: unknown }>(server, otherProcessor, ENDPOINT, { organisationId: nhrId })).noticeEndpoint).to.equal(null);
    expect(expectOk(await asUser<{ noticeEndpoint: unknown }>(server, otherProcessor, ENDPOINT, {})).noticeEndpoint).to.equal(null);
    expect(await notices(otherProcessor, nhrId)).to.deep.equal([]);
    const register = expectOk(
      await asUser<{ registerNoticeEndpoint: { code: string } }>(server, otherProcessor, REGISTER, { url: 'https://evil.example.org/', organisationId: nhrId }),
    );
    expect(register.registerNoticeEndpoint.code).to.equal('FORBIDDEN');
    expect(
      expectOk(await asUser<{ rotateNoticeSecret: { code: string } }>(server, otherProcessor, ROTATE, { organisationId: nhrId })).rotateNoticeSecret.code,
    ).to.equal('NO_NOTICE_ENDPOINT');
    expect(
      expectOk(await asUser<{ removeNoticeEndpoint: { code: string } }>(server, otherProcessor, REMOVE, { organisationId: nhrId })).removeNoticeEndpoint.code,
    ).to.equal('NO_NOTICE_ENDPOINT');
    const asHub = expectOk(await asUser<{ noticeEndpoint: { url: string; active: boolean } }>(server, hub, ENDPOINT, { organisationId: nhrId })).noticeEndpoint;
    expect(asHub).to.include({ url: hookUrl, active: true });
    expect(await notices(hub, nhrId)).to.have.length(2);
  });

  it('a rotated secret signs the next notice and the old one no longer verifies', async () => {
    const rotated = expectOk(await asUser<{ rotateNoticeSecret: { __typename: string; secret: string } }>(server, processor, ROTATE, {})).rotateNoticeSecret;
    expect(rotated.__typename).to.equal('NoticeEndpointWithSecret');
    expect(rotated.secret).not.to.equal(secret);
    const before = hook.requests.length;
    await deliver(803, '0.70');
    const newest = (await notices())[0];
    await until(
      'the notice to be delivered',
      () => noticeBy(newest?.id ?? ''),
      (notice) => notice?.status === 'DELIVERED',
    );
    const request = hook.requests[before];
    if (!request) throw new Error('no request');
    const signature = String(request.headers['datahub-signature']);
    expect([verifySignature(signature, request.body, rotated.secret), verifySignature(signature, request.body, secret)]).to.deep.equal([true, false]);
    secret = rotated.secret;
  });

  it('a notice whose authorisation is revoked between attempts is dropped, and after revocation no notice is made at all', async () => {
    const before = hook.requests.length;
    hook.answers.push(500);
    await deliver(804, '0.60');
    const newest = (await notices())[0];
    await until(
      'the first attempt',
      () => noticeBy(newest?.id ?? ''),
      (notice) => notice?.attempts === 1,
    );
    expect(
      expectOk(await asUser<{ revokeAuthorisation: { __typename: string } }>(server, admin, REVOKE, { id: authorisationId })).revokeAuthorisation.__typename,
    ).to.equal('Authorisation');
    const dropped = await until(
      'the notice to be dropped',
      async () => {
        await retryNow();
        return noticeBy(newest?.id ?? '');
      },
      (notice) => notice?.status === 'DROPPED',
    );
    expect(dropped?.attempts).to.equal(1);
    const count = (await notices()).length;
    await deliver(805, '0.50');
    expect(await notices()).to.have.length(count);
    expect(hook.requests.length - before).to.equal(1);
  });

  it('removing the endpoint stops notices and is audited', async () => {
    expect(expectOk(await asUser<{ removeNoticeEndpoint: { __typename: string } }>(server, processor, REMOVE, {})).removeNoticeEndpoint.__typename).to.equal(
      'NoticeEndpoint',
    );
    expect(expectOk(await asUser<{ noticeEndpoint: { active: boolean } }>(server, processor, ENDPOINT, {})).noticeEndpoint.active).to.equal(false);
    const actions = (await server.datahub.orm.em.fork().find(AuditEvent, { objectType: 'NoticeEndpoint' })).map((event) => event.action).sort();
    expect(actions).to.deep.equal(['registerNoticeEndpoint', 'removeNoticeEndpoint', 'rotateNoticeSecret']);
  });
});

describe('notices after an institution merger: the records copied into B are news for processors authorised for B', function () {
  this.timeout(120000);
  const hook = receiver();
  let server: TestServer;
  after(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));

  it('gives one notice for the authorisation on B (none for A, which had none) when a merger applied today copies held records', async () => {
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    server = await startTestServer({ DATAHUB_NOTICES_ALLOW_LOCAL_HTTP: '1' });
    const hub = await tokenFor(server, 'hub@datahub.test');
    const processor = await tokenFor(server, 'verwerker@nhr.test');
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const nhrId = (await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' })).id;
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_831_20260410_PROD.csv', CAT_FILE, { period: '2026K1' });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhrId, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum'] },
      }),
    ).linkProcessor;
    const onB = expectOk(
      await asUser<{ grantAuthorisation: { id: string } }>(server, hub, GRANT, {
        input: { linkId: link.id, institutionCode: '12040017', fields: ['OperatieDatum'], purpose: 'Na de fusie' },
      }),
    ).grantAuthorisation.id;
    const port = (hook.server.address() as AddressInfo).port;
    expectOk(await asUser(server, processor, REGISTER, { url: `http://127.0.0.1:${port}/hook` }));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(server.clock.now());
    const merged = expectOk(
      await asUser<{ mergeInstitution: { __typename: string } }>(
        server,
        hub,
        `mutation ($input: MergeInstitutionInput!) { mergeInstitution(input: $input) { __typename ... on Refusal { code message } } }`,
        { input: { from: '11111111', into: '12040017', effectiveDate: today, note: 'Fusie' } },
      ),
    ).mergeInstitution;
    expect(merged.__typename).to.equal('InstitutionMerger');
    const list = async () => expectOk(await asUser<{ notices: { nodes: NoticeNode[] } }>(server, processor, NOTICES, {})).notices.nodes;
    const [notice] = await until('the notice to be delivered', list, (nodes) => nodes[0]?.status === 'DELIVERED');
    expect(await list()).to.have.length(1);
    expect(notice?.authorisationId).to.equal(onB);
    expect(hook.requests).to.have.length(1);
    expect(JSON.parse(hook.requests[0]?.body ?? '{}')).to.include({ institution: '12040017', registry: 'CAT', subDelivery: 'Cataract', authorisationId: onB });
  });
});

describe('notice URLs: https to public hosts only (SSRF)', function () {
  this.timeout(60000);
  let server: TestServer;
  let processor: string;
  before(async () => {
    server = await startTestServer();
    processor = await tokenFor(server, 'verwerker@nhr.test');
  });

  const refusals: [string, string][] = [
    ['http://127.0.0.1:8080/hook', 'NOTICE_URL_NOT_HTTPS'],
    ['http://hooks.example.org/hook', 'NOTICE_URL_NOT_HTTPS'],
    ['ftp://hooks.example.org/hook', 'NOTICE_URL_NOT_HTTPS'],
    ['not a url', 'NOTICE_URL_MALFORMED'],
    ['https://user:secret@hooks.example.org/hook', 'NOTICE_URL_CREDENTIALS'],
    ['https://localhost/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://api.localhost/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://127.0.0.1/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://0x7f.1/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://10.1.2.3/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://172.20.0.1/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://192.168.1.10/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://169.254.169.254/latest/meta-data', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://[::1]/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://[fe80::1]/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://[fd00::1]/hook', 'NOTICE_URL_PRIVATE_HOST'],
    ['https://[::ffff:10.0.0.1]/hook', 'NOTICE_URL_PRIVATE_HOST'],
  ];

  it('refuses http, malformed, credentialed and localhost/private/link-local URLs over the API when the local flag is off', async () => {
    const outcome: Record<string, string> = {};
    for (const [url] of refusals) {
      const answer = expectOk(
        await asUser<{ registerNoticeEndpoint: { __typename: string; code?: string } }>(server, processor, REGISTER, { url }),
      ).registerNoticeEndpoint;
      outcome[url] = answer.code ?? answer.__typename;
    }
    expect(outcome).to.deep.equal(Object.fromEntries(refusals));
    expect(expectOk(await asUser<{ noticeEndpoint: unknown }>(server, processor, ENDPOINT, {})).noticeEndpoint).to.equal(null);
  });

  it('accepts an https URL of a public host (and of a public IP address)', async () => {
    const accepted = expectOk(
      await asUser<{ registerNoticeEndpoint: { __typename: string; endpoint: { url: string } } }>(server, processor, REGISTER, {
        url: 'https://hooks.example.org/datahub',
      }),
    ).registerNoticeEndpoint;
    expect(accepted).to.deep.include({ __typename: 'NoticeEndpointWithSecret', endpoint: accepted.endpoint });
    expect(accepted.endpoint.url).to.equal('https://hooks.example.org/datahub');
    expect(checkNoticeUrl('https://93.184.216.34/hook', false)).to.deep.equal({ ok: true, url: 'https://93.184.216.34/hook' });
  });

  it('with the local flag on, lets exactly http://127.0.0.1:<port> through, nothing else local', () => {
    expect(checkNoticeUrl('http://127.0.0.1:9999/hook', true)).to.deep.equal({ ok: true, url: 'http://127.0.0.1:9999/hook' });
    expect(checkNoticeUrl('http://localhost:9999/hook', true)).to.deep.equal({ ok: false, code: 'NOTICE_URL_NOT_HTTPS' });
    expect(checkNoticeUrl('http://10.0.0.1:9999/hook', true)).to.deep.equal({ ok: false, code: 'NOTICE_URL_NOT_HTTPS' });
    expect(checkNoticeUrl('https://10.0.0.1:9999/hook', true)).to.deep.equal({ ok: false, code: 'NOTICE_URL_PRIVATE_HOST' });
  });

  it('refuses the local flag at start-up with NODE_ENV=production', () => {
    const production = {
      NODE_ENV: 'production',
      DATAHUB_SECRET: 'x'.repeat(40),
      DATAHUB_STORAGE_KEY: '11'.repeat(32),
      DATAHUB_PSEUDONYM_KEY: '22'.repeat(32),
    };
    expect(() => loadConfig(production)).not.to.throw();
    expect(() => loadConfig({ ...production, DATAHUB_NOTICES_ALLOW_LOCAL_HTTP: '1' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.includes('DATAHUB_NOTICES_ALLOW_LOCAL_HTTP');
  });
});
