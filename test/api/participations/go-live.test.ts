import { expect } from 'chai';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { Institution } from '../../../server/src/institutions/institution.entity';
import { Role } from '../../../server/src/kernel/role';
import { Participation } from '../../../server/src/participations/participation.entity';
import { ParticipationState } from '../../../server/src/participations/participation-state';
import { ParticipationTransition } from '../../../server/src/participations/participation-transition.entity';
import { SubDelivery } from '../../../server/src/registries/sub-delivery.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, settled, upload } from '../../support/deliveries';
import { createInstitutionUser, deliver, DeliveryStatus } from '../../support/delivery-rows';
import { sharedServer, startTestServer, type TestServer } from '../../support/server';
import { hospital, type Hospital, move, putInState, signUpForCat, stateOf } from './helpers';

const CHECKLIST = `query ($id: ID!) { goLiveChecklist(participationId: $id) { met requiredVersion cleanTestDeliveryCount minCleanTestDeliveryCount criteria { criterion met description } } }`;
const SETTINGS = `mutation ($input: GoLiveSettingsInput!) { setGoLiveSettings(input: $input) { __typename ... on Refusal { code } } }`;

interface Checklist {
  met: boolean;
  requiredVersion: string | null;
  cleanTestDeliveryCount: number;
  criteria: { criterion: string; met: boolean; description: string }[];
}

async function checklist(server: TestServer, token: string, id: string): Promise<Checklist | null> {
  return expectOk(await asUser<{ goLiveChecklist: Checklist | null }>(server, token, CHECKLIST, { id })).goLiveChecklist;
}

describe('go-live criteria', () => {
  let server: TestServer;
  let hub: string;
  let who: Hospital;
  let id: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });
  beforeEach(async () => {
    who = await hospital(server);
    id = await signUpForCat(server, who);
    await createInstitutionUser(server, who.code, Role.SUBMITTER, 'CAT');
    await putInState(server, id, ParticipationState.ACCOUNTS_READY);
    await move(server, who.admin, { id, to: 'TESTING' });
  });

  const testDelivery = (errorCount: number, status = DeliveryStatus.PROCESSED) =>
    deliver(server, {
      institution: who.code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-10',
      status,
      test: true,
      errorCount,
      at: new Date(server.clock.now().getTime() + 1000),
    });

  it('without a clean test delivery the checklist shows it missing and PRODUCTION is refused with GO_LIVE_NOT_MET', async () => {
    await testDelivery(3, DeliveryStatus.PROCESSED_WITH_ERRORS);
    const list = await checklist(server, who.admin, id);
    expect(list?.met).to.equal(false);
    expect(list?.criteria.filter((criterion) => !criterion.met).map((criterion) => criterion.criterion)).to.deep.equal(['CLEAN_TEST_DELIVERIES']);
    const refused = await move(server, hub, { id, to: 'PRODUCTION' });
    expect(refused.code).to.equal('GO_LIVE_NOT_MET');
    expect(refused.message).to.contain('1 foutloze testaanlevering(en) met versie 1.4 (nu 0)');
  });

  it('a production delivery does not count towards go-live', async () => {
    await deliver(server, {
      institution: who.code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-10',
      status: DeliveryStatus.PROCESSED,
      at: new Date(server.clock.now().getTime() + 1000),
    });
    expect((await checklist(server, hub, id))?.cleanTestDeliveryCount).to.equal(0);
  });

  it('after a clean test delivery the criteria are met and hub staff move it to PRODUCTION', async () => {
    await testDelivery(0);
    const list = await checklist(server, who.admin, id);
    expect([list?.met, list?.requiredVersion, list?.cleanTestDeliveryCount]).to.deep.equal([true, '1.4', 1]);
    expect((await move(server, hub, { id, to: 'PRODUCTION' })).state).to.equal('PRODUCTION');
  });

  it('even when met, a local administrator may not take it live', async () => {
    await testDelivery(0);
    expect((await move(server, who.admin, { id, to: 'PRODUCTION' })).code).to.equal('TRANSITION_ROLE');
  });

  it('a registry asking for two clean test deliveries is not met by one', async () => {
    const other = await startTestServer();
    try {
      const otherHub = await tokenFor(other, 'hub@datahub.test');
      const set = expectOk(
        await asUser<{ setGoLiveSettings: { __typename: string } }>(other, otherHub, SETTINGS, {
          input: { registry: 'CAT', minCleanTestDeliveries: 2, autoGoLive: false, vendorChangeBackToTesting: false },
        }),
      );
      expect(set.setGoLiveSettings.__typename).to.equal('GoLiveSettings');
      const otherWho = await hospital(other);
      const otherId = await signUpForCat(other, otherWho);
      await createInstitutionUser(other, otherWho.code, Role.SUBMITTER, 'CAT');
      await putInState(other, otherId, ParticipationState.TESTING);
      await deliver(other, {
        institution: otherWho.code,
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2026K1',
        on: '2026-04-10',
        status: DeliveryStatus.PROCESSED,
        test: true,
      });
      const list = await checklist(other, otherHub, otherId);
      expect([list?.met, list?.cleanTestDeliveryCount]).to.deep.equal([false, 1]);
    } finally {
      await other.datahub.stop();
    }
  });

  it("another institution's local administrator gets null for the checklist", async () => {
    const other = await hospital(server);
    expect(await checklist(server, other.admin, id)).to.equal(null);
  });

  it('setGoLiveSettings refuses 0 clean test deliveries with GO_LIVE_MIN_RANGE', async () => {
    const result = expectOk(
      await asUser<{ setGoLiveSettings: { code?: string } }>(server, hub, SETTINGS, {
        input: { registry: 'CAT', minCleanTestDeliveries: 0, autoGoLive: false, vendorChangeBackToTesting: false },
      }),
    );
    expect(result.setGoLiveSettings.code).to.equal('GO_LIVE_MIN_RANGE');
  });
});

describe('automatic go-live and vendor changes (a server of their own: they change CAT settings)', () => {
  let server: TestServer;
  let hub: string;
  let submitter: string;
  let participationId: string;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const set = expectOk(
      await asUser<{ setGoLiveSettings: { __typename: string } }>(server, hub, SETTINGS, {
        input: { registry: 'CAT', minCleanTestDeliveries: 1, autoGoLive: true, vendorChangeBackToTesting: true },
      }),
    );
    expect(set.setGoLiveSettings.__typename).to.equal('GoLiveSettings');
    const em = server.datahub.orm.em.fork();
    const institution = await em.findOneOrFail(Institution, { code: '11111111' });
    const subDelivery = await em.findOneOrFail(SubDelivery, { code: 'Cataract' });
    participationId = (await em.findOneOrFail(Participation, { institution: institution.id, subDelivery: subDelivery.id })).id;
  });
  after(async () => {
    await server.datahub.stop();
  });

  async function untilState(state: string): Promise<string> {
    const end = Date.now() + 10000;
    let current = await stateOf(server, participationId);
    while (current !== state && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await stateOf(server, participationId);
    }
    return current;
  }

  it('a vendor change puts a participation in PRODUCTION back in TESTING where the registry asks for it', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const result = expectOk(
      await asUser<{ recordVendorChange: { __typename: string; backToTesting?: boolean } }>(
        server,
        admin,
        `mutation ($input: VendorChangeInput!) { recordVendorChange(input: $input) { __typename ... on ParticipationVendorChange { backToTesting } } }`,
        { input: { participationId, fromVendor: 'HiX', toVendor: 'Epic', changedOn: '2026-11-01' } },
      ),
    );
    expect(result.recordVendorChange).to.deep.equal({ __typename: 'ParticipationVendorChange', backToTesting: true });
    expect(await stateOf(server, participationId)).to.equal('TESTING');
  });

  it('a test delivery with errors leaves it in TESTING', async () => {
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_201_20260410_TEST.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stateOf(server, participationId)).to.equal('TESTING');
  });

  it('a clean test delivery takes it to PRODUCTION by itself, recorded and audited as the system', async () => {
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_202_20260410_TEST.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
    expect(await untilState('PRODUCTION')).to.equal('PRODUCTION');
    const em = server.datahub.orm.em.fork();
    const step = await em.findOneOrFail(ParticipationTransition, { participation: participationId, toState: ParticipationState.PRODUCTION });
    expect([step.fromState, step.actorName, step.actorUserId]).to.deep.equal(['TESTING', 'systeem', null]);
    const audit = await em.findOneOrFail(AuditEvent, { action: 'autoGoLive', objectId: participationId });
    expect([audit.channel, audit.actorUserId]).to.deep.equal(['SYSTEM', null]);
  });
});
