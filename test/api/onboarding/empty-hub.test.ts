import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { asUser, expectOk, mailedLinkToken, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';
import { packageFixture, PUBLISH, uploadPackage } from '../dictionaries/packages';
import { MOVE, type Moved, signAgreements, SIGN_UP } from '../participations/helpers';

/**
 * The whole onboarding path through the API alone, on a hub started empty (DATAHUB_DEMO=0): the
 * first hub staff account comes from the command line, everything after it from GraphQL. Each step
 * asserts what it refuses as well as what it allows; the last one reads the audit log for every step.
 */
const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../../server/dist/cli.js');
const CODE = '12345678';

const CREATE_REGISTRY = `mutation ($input: CreateRegistryInput!) { createRegistry(input: $input) { __typename ... on Refusal { code message } } }`;
const CREATE_SUB = `mutation ($input: CreateSubDeliveryInput!) { createSubDelivery(input: $input) { __typename ... on Refusal { code message } } }`;
const CREATE_INSTITUTION = `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { __typename ... on Institution { code units { number } } ... on Refusal { refusal: code message } } }`;
const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename ... on Refusal { code message } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { __typename ... on Refusal { code } } }`;
const CHECKLIST = `query ($id: ID!) { goLiveChecklist(participationId: $id) { met cleanTestDeliveryCount criteria { criterion met } } }`;
const EXPECTED = `query ($code: String!) { expectedDeliveries(filter: { institution: $code, state: [OPEN, MISSING, ON_TIME, LATE] }, asOf: "2026-12-03", first: 50) { nodes { period state registry { code } } } }`;

interface Checklist {
  met: boolean;
  cleanTestDeliveryCount: number;
  criteria: { criterion: string; met: boolean }[];
}

describe('onboarding an empty hub through the API: from no registry and no institution to a participation in PRODUCTION', function () {
  this.timeout(180000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let submitter: string;
  let participationId: string;
  const as = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => expectOk(await asUser<T>(server, token, query, variables));
  const move = async (token: string, to: string) =>
    (await as<{ moveParticipation: Moved }>(token, MOVE, { input: { id: participationId, to } })).moveParticipation;
  const checklist = async () => (await as<{ goLiveChecklist: Checklist }>(hub, CHECKLIST, { id: participationId })).goLiveChecklist;
  const invite = async (token: string, email: string, role: string, registryCodes: string[] = []) => {
    const invited = await as<{ inviteUser: { __typename: string } }>(token, INVITE, {
      input: { email, name: 'Nieuwe Collega', role, institutionCode: CODE, registryCodes },
    });
    expect(invited.inviteUser.__typename).to.equal('Invitation');
    const accepted = await as<{ acceptInvitation: { __typename: string } }>('', ACCEPT, {
      token: mailedLinkToken(server, email, 'invitation'),
      password: 'Een-sterk-wachtwoord-42',
    });
    expect(accepted.acceptInvitation.__typename).to.equal('User');
    return tokenFor(server, email);
  };

  before(async () => {
    server = await startTestServer({ DATAHUB_DEMO: '0' });
    const env = {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      DATAHUB_DATA_DIR: server.dataDir,
      DATAHUB_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'silent',
    };
    await run(
      'node',
      [CLI, 'user', 'create', '--email', 'eerste@hub.test', '--name', 'Eerste Medewerker', '--role', 'HUB_STAFF', '--password', 'Sterk-cli-wachtwoord-1'],
      { env },
    );
    hub = (await run('node', [CLI, 'token', 'create', '--email', 'eerste@hub.test', '--name', 'onboarding', '--days', '1'], { env })).stdout.trim();
  });

  it('starts with no institution and without the registry to onboard', async () => {
    const found = await as<{ institutions: unknown[]; registry: unknown }>(hub, '{ institutions { code } registry(code: "OOG") { code } }');
    expect(found).to.deep.equal({ institutions: [], registry: null });
  });

  it('onboards registry OOG from an uploaded package: a broken one is refused with the path of its problem, the good one published', async () => {
    const registry = await as<{ createRegistry: { __typename: string } }>(hub, CREATE_REGISTRY, {
      input: { code: 'OOG', name: 'Oogchirurgie', holder: 'Stichting Oog', acceptedChannels: ['PORTAL'], producesInformationProduct: true },
    });
    expect(registry.createRegistry.__typename).to.equal('Registry');
    const sub = await as<{ createSubDelivery: { __typename: string } }>(hub, CREATE_SUB, {
      input: {
        registry: 'OOG',
        code: 'Cataract',
        name: 'Cataract',
        frequency: 'QUARTER',
        deadlineRule: { kind: 'AFTER_PERIOD_END', monthsAfterPeriodEnd: 2, day: 1 },
      },
    });
    expect(sub.createSubDelivery.__typename).to.equal('SubDelivery');
    const broken = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('broken-field-type.json'));
    expect(broken.__typename).to.equal('DictionaryPackageRefused');
    expect(broken.problems?.map((problem) => problem.path)).to.include('$.dictionary.fields[3].type');
    const draft = await uploadPackage(server, hub, 'OOG', 'Cataract', packageFixture('good-oog-1.0.json'));
    expect(draft).to.include({ __typename: 'DictionaryVersion', version: '1.0', status: 'DRAFT' });
    const published = await as<{ publishDictionaryVersion: { status: string } }>(hub, PUBLISH, {
      id: draft.id,
      input: { acceptedFrom: '2026-01-01', requiredFrom: '2026-01-01' },
    });
    expect(published.publishDictionaryVersion.status).to.equal('ACTIVE');
  });

  it('creates the institution and invites its first local administrator, who signs up for OOG', async () => {
    const created = await as<{ createInstitution: { __typename: string; units: { number: number }[] } }>(hub, CREATE_INSTITUTION, {
      input: { code: CODE, name: 'Ziekenhuis Oost', type: 'GENERAL', place: 'Oosterhout' },
    });
    expect(created.createInstitution.__typename).to.equal('Institution');
    admin = await invite(hub, 'beheer@oost.test', 'LOCAL_ADMIN');
    const signedUp = await as<{ signUpForRegistry: { participations?: { id: string; state: string }[] } }>(admin, SIGN_UP, {
      input: {
        institutionCode: CODE,
        registry: 'OOG',
        contacts: [{ name: 'Anna de Vries', role: 'coördinator', email: 'anna@oost.test' }],
        startPeriod: '2026K1',
      },
    });
    expect(signedUp.signUpForRegistry.participations?.map((participation) => participation.state)).to.deep.equal(['REQUESTED']);
    participationId = signedUp.signUpForRegistry.participations?.[0]?.id ?? '';
  });

  it('moves through the agreements: the local administrator may not send them, hub staff do, and signing needs all four signed', async () => {
    expect((await move(admin, 'AGREEMENTS_SENT')).code).to.equal('TRANSITION_ROLE');
    expect((await move(hub, 'AGREEMENTS_SENT')).state).to.equal('AGREEMENTS_SENT');
    expect((await move(hub, 'AGREEMENTS_SIGNED')).code).to.equal('AGREEMENTS_NOT_SIGNED');
    await signAgreements(server, hub, CODE, 'OOG');
    expect((await move(hub, 'AGREEMENTS_SIGNED')).state).to.equal('AGREEMENTS_SIGNED');
  });

  it('is ACCOUNTS_READY only once a submitter for OOG exists, then TESTING', async () => {
    expect((await move(admin, 'ACCOUNTS_READY')).code).to.equal('ACCOUNTS_MISSING');
    submitter = await invite(admin, 'aanlever@oost.test', 'SUBMITTER', ['OOG']);
    expect((await move(admin, 'ACCOUNTS_READY')).state).to.equal('ACCOUNTS_READY');
    expect((await move(admin, 'PRODUCTION')).code).to.equal('TRANSITION_NOT_ALLOWED');
    expect((await move(admin, 'TESTING')).state).to.equal('TESTING');
  });

  it('refuses go-live after a test delivery with errors and allows it after a clean one', async () => {
    const faulty = await upload(server, submitter, `${CODE}_0_OOG_1.0_1_20260410_TEST.csv`, example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    expect((await settled(server, faulty.id)).status).to.equal('PROCESSED_WITH_ERRORS');
    expect((await checklist()).met).to.equal(false);
    expect((await move(hub, 'PRODUCTION')).code).to.equal('GO_LIVE_NOT_MET');
    const clean = await upload(server, submitter, `${CODE}_0_OOG_1.0_2_20260410_TEST.csv`, example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect((await settled(server, clean.id)).status).to.equal('PROCESSED');
    expect(await checklist()).to.deep.include({ met: true, cleanTestDeliveryCount: 1 });
    expect((await move(hub, 'PRODUCTION')).state).to.equal('PRODUCTION');
  });

  it('expects OOG deliveries from the start period on, for the institution and hub staff alike', async () => {
    const forAdmin = await as<{ expectedDeliveries: { nodes: { period: string; state: string; registry: { code: string } }[] } }>(admin, EXPECTED, {
      code: CODE,
    });
    const forHub = await as<{ expectedDeliveries: { nodes: { period: string; state: string; registry: { code: string } }[] } }>(hub, EXPECTED, { code: CODE });
    const periods = forAdmin.expectedDeliveries.nodes.map((row) => `${row.registry.code} ${row.period} ${row.state}`).sort();
    // Test deliveries never count: the quarters before go-live are missing, the current one and the year's TOTAAL open.
    expect(periods).to.deep.equal(['OOG 2026K1 MISSING', 'OOG 2026K2 MISSING', 'OOG 2026K3 MISSING', 'OOG 2026K4 OPEN', 'OOG TOTAAL OPEN']);
    expect(forHub.expectedDeliveries.nodes).to.have.length(5);
  });

  it('audited every step', async () => {
    const rows = await ownerQuery<{ action: string }>(server, 'select distinct action from audit_event');
    const actions = rows.map((row) => row.action);
    for (const action of [
      'createRegistry',
      'createSubDelivery',
      'uploadDictionaryPackage',
      'publishDictionaryVersion',
      'createInstitution',
      'inviteUser',
      'acceptInvitation',
      'signUpForRegistry',
      'recordAgreement',
      'moveParticipation',
      'uploadDelivery',
    ])
      expect(actions, action).to.include(action);
  });
});
