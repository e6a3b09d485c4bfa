import { expect } from 'chai';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { Role } from '../../../server/src/kernel/role';
import { ParticipationState } from '../../../server/src/participations/participation-state';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitutionUser } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { graphql } from '../../support/client';
import { CONTACT, hospital, type Hospital, institutionId, move, MOVE, type Moved, putInState, signUp, signUpForCat, signAgreements, stateOf } from './helpers';

describe('participation lifecycle: sign-up and moves', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  describe('sign-up', () => {
    it('a local administrator signs their institution up for every sub-delivery of MMY: each REQUESTED with the channel and start period asked for', async () => {
      const who = await hospital(server);
      const result = await signUp(server, who.admin, { institutionCode: who.code, registry: 'MMY', contacts: [CONTACT], startPeriod: '2026H1' });
      expect(result.__typename).to.equal('SignUp');
      const participations = (result as unknown as { participations: { state: string; startPeriod: string; channel: string; subDelivery: { code: string } }[] })
        .participations;
      expect(participations.map((row) => row.subDelivery.code).sort()).to.deep.equal(['IKNL', 'PROMS']);
      expect(participations.every((row) => row.state === 'REQUESTED' && row.startPeriod === '2026H1' && row.channel === 'PORTAL')).to.equal(true);
    });

    it("another institution's local administrator is refused as NOT_FOUND, and nothing is stored", async () => {
      const who = await hospital(server);
      const other = await hospital(server);
      const result = await signUp(server, other.admin, { institutionCode: who.code, registry: 'CAT', contacts: [CONTACT], startPeriod: '2026K1' });
      expect(result.code).to.equal('NOT_FOUND');
      const listed = expectOk(await asUser<{ participations: unknown[] }>(server, who.admin, `{ participations(institutionCode: "${who.code}") { id } }`));
      expect(listed.participations).to.deep.equal([]);
    });

    it('hub staff sign an institution up for it', async () => {
      const who = await hospital(server);
      const result = await signUp(server, hub, { institutionCode: who.code, registry: 'CAT', contacts: [CONTACT], startPeriod: '2026K1' });
      expect(result.__typename).to.equal('SignUp');
    });

    it('a second sign-up for a sub-delivery not ended is refused with ALREADY_PARTICIPATING', async () => {
      const who = await hospital(server);
      await signUpForCat(server, who);
      const again = await signUp(server, who.admin, { institutionCode: who.code, registry: 'CAT', contacts: [CONTACT], startPeriod: '2026K2' });
      expect(again.code).to.equal('ALREADY_PARTICIPATING');
    });

    it('a sign-up without a contact person with a valid e-mail address is refused with CONTACT_REQUIRED', async () => {
      const who = await hospital(server);
      const none = await signUp(server, who.admin, { institutionCode: who.code, registry: 'CAT', contacts: [], startPeriod: '2026K1' });
      const bad = await signUp(server, who.admin, {
        institutionCode: who.code,
        registry: 'CAT',
        contacts: [{ ...CONTACT, email: 'geen-adres' }],
        startPeriod: '2026K1',
      });
      expect([none.code, bad.code]).to.deep.equal(['CONTACT_REQUIRED', 'CONTACT_REQUIRED']);
    });

    it('a channel the registry does not accept is refused with CHANNEL_NOT_ACCEPTED', async () => {
      const who = await hospital(server);
      const result = await signUp(server, who.admin, {
        institutionCode: who.code,
        registry: 'MMY',
        contacts: [CONTACT],
        startPeriod: '2026K1',
        channel: 'FHIR',
      });
      expect(result.code).to.equal('CHANNEL_NOT_ACCEPTED');
    });

    it('the sign-up is audited per participation, with the institution', async () => {
      const who = await hospital(server);
      const id = await signUpForCat(server, who);
      const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'signUpForRegistry', objectId: id });
      expect(rows.map((row) => [row.event, row.institutionId])).to.deep.equal([['CREATE', await institutionId(server, who.code)]]);
    });
  });

  describe('setParticipation (hub staff)', () => {
    it('records a new participation as REQUESTED with its first history step; a change keeps the state', async () => {
      const who = await hospital(server);
      const SET = `mutation ($input: ParticipationInput!) { setParticipation(input: $input) { __typename ... on Participation { id state startPeriod } } }`;
      const input = { institutionCode: who.code, registry: 'CAT', subDelivery: 'Cataract', startPeriod: '2026K1' };
      const made = expectOk(await asUser<{ setParticipation: { id: string; state: string } }>(server, hub, SET, { input })).setParticipation;
      expect(made.state).to.equal('REQUESTED');
      await putInState(server, made.id, ParticipationState.PRODUCTION);
      const changed = expectOk(
        await asUser<{ setParticipation: { state: string; startPeriod: string } }>(server, hub, SET, { input: { ...input, startPeriod: '2026K2' } }),
      ).setParticipation;
      expect([changed.state, changed.startPeriod]).to.deep.equal(['PRODUCTION', '2026K2']);
    });
  });

  describe('vendor changes', () => {
    it('a vendor change without the old or new vendor is refused with VENDOR_REQUIRED', async () => {
      const who = await hospital(server);
      const id = await signUpForCat(server, who);
      const result = expectOk(
        await asUser<{ recordVendorChange: { code?: string } }>(
          server,
          who.admin,
          'mutation ($input: VendorChangeInput!) { recordVendorChange(input: $input) { ... on Refusal { code } } }',
          { input: { participationId: id, fromVendor: ' ', toVendor: 'Epic', changedOn: '2026-11-01' } },
        ),
      );
      expect(result.recordVendorChange.code).to.equal('VENDOR_REQUIRED');
    });

    it('without the registry asking for it, a vendor change leaves PRODUCTION as it is and is listed with the participation', async () => {
      const who = await hospital(server);
      const id = await signUpForCat(server, who);
      await putInState(server, id, ParticipationState.PRODUCTION);
      await asUser(server, who.admin, 'mutation ($input: VendorChangeInput!) { recordVendorChange(input: $input) { __typename } }', {
        input: { participationId: id, fromVendor: 'HiX', toVendor: 'Epic', changedOn: '2026-11-01' },
      });
      expect(await stateOf(server, id)).to.equal('PRODUCTION');
      const listed = expectOk(
        await asUser<{ participations: { vendorChanges: { fromVendor: string; toVendor: string; backToTesting: boolean }[] }[] }>(
          server,
          who.admin,
          `{ participations(institutionCode: "${who.code}") { vendorChanges { fromVendor toVendor backToTesting } } }`,
        ),
      );
      expect(listed.participations[0]?.vendorChanges).to.deep.equal([{ fromVendor: 'HiX', toVendor: 'Epic', backToTesting: false }]);
    });
  });

  describe('moves', () => {
    let who: Hospital;
    let id: string;
    beforeEach(async () => {
      who = await hospital(server);
      id = await signUpForCat(server, who);
    });

    it('refuses AGREEMENTS_SIGNED while an agreement is not signed, naming it (AGREEMENTS_NOT_SIGNED)', async () => {
      await move(server, hub, { id, to: 'AGREEMENTS_SENT' });
      await signAgreements(server, hub, who.code, 'CAT', ['DATA_PROTOCOL']);
      const refused = await move(server, hub, { id, to: 'AGREEMENTS_SIGNED' });
      expect(refused).to.include({ code: 'AGREEMENTS_NOT_SIGNED', field: 'to' });
      expect(refused.message).to.include('dataprotocol');
      expect(await stateOf(server, id)).to.equal('AGREEMENTS_SENT');
    });

    it('hub staff move REQUESTED → AGREEMENTS_SENT → AGREEMENTS_SIGNED, each step kept with who and the note', async () => {
      expect((await move(server, hub, { id, to: 'AGREEMENTS_SENT', note: 'verstuurd per post' })).state).to.equal('AGREEMENTS_SENT');
      await signAgreements(server, hub, who.code, 'CAT');
      expect((await move(server, hub, { id, to: 'AGREEMENTS_SIGNED' })).state).to.equal('AGREEMENTS_SIGNED');
      const history = expectOk(
        await asUser<{
          participations: {
            id: string;
            transitions: { totalCount: number; nodes: { fromState: string | null; toState: string; actorName: string; note: string | null }[] };
          }[];
        }>(
          server,
          who.admin,
          `{ participations(institutionCode: "${who.code}") { id transitions { totalCount nodes { fromState toState actorName note } } } }`,
        ),
      ).participations[0];
      expect(history?.transitions.nodes.map((step) => [step.fromState, step.toState, step.note])).to.deep.equal([
        [null, 'REQUESTED', null],
        ['REQUESTED', 'AGREEMENTS_SENT', 'verstuurd per post'],
        ['AGREEMENTS_SENT', 'AGREEMENTS_SIGNED', null],
      ]);
    });

    it('every move is audited with from and to', async () => {
      await move(server, hub, { id, to: 'AGREEMENTS_SENT' });
      const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'moveParticipation', objectId: id });
      expect(rows.map((row) => row.detail)).to.deep.equal(['CAT/Cataract REQUESTED → AGREEMENTS_SENT']);
    });

    it('a local administrator may not send the agreements: TRANSITION_ROLE naming who may', async () => {
      const refused = await move(server, who.admin, { id, to: 'AGREEMENTS_SENT' });
      expect(refused.code).to.equal('TRANSITION_ROLE');
      expect(refused.message).to.equal('Van aangemeld naar overeenkomsten verstuurd mag alleen DHD-medewerkers.');
      expect(await stateOf(server, id)).to.equal('REQUESTED');
    });

    it('skipping a step is refused with TRANSITION_NOT_ALLOWED naming from, to and the open moves', async () => {
      const refused = await move(server, hub, { id, to: 'PRODUCTION' });
      expect(refused.code).to.equal('TRANSITION_NOT_ALLOWED');
      expect(refused.message).to.equal('Van aangemeld naar productie kan niet. Vanuit aangemeld kan: overeenkomsten verstuurd, beëindigd.');
    });

    it('ACCOUNTS_READY is refused while no submitter for the registry exists, naming it', async () => {
      await putInState(server, id, ParticipationState.AGREEMENTS_SIGNED);
      const refused = await move(server, who.admin, { id, to: 'ACCOUNTS_READY' });
      expect(refused.code).to.equal('ACCOUNTS_MISSING');
      expect(refused.message).to.contain('een actieve aanleveraar voor deze registratie');
      expect(refused.message).to.not.contain('lokaal beheerder');
    });

    it('ACCOUNTS_READY is reached once a local administrator and a submitter for the registry are active; then the local administrator starts TESTING', async () => {
      await putInState(server, id, ParticipationState.AGREEMENTS_SIGNED);
      await createInstitutionUser(server, who.code, Role.SUBMITTER, 'CAT');
      expect((await move(server, who.admin, { id, to: 'ACCOUNTS_READY' })).state).to.equal('ACCOUNTS_READY');
      expect((await move(server, who.admin, { id, to: 'TESTING' })).state).to.equal('TESTING');
    });

    it('a submitter for another registry does not make the accounts ready', async () => {
      await putInState(server, id, ParticipationState.AGREEMENTS_SIGNED);
      await createInstitutionUser(server, who.code, Role.SUBMITTER, 'PMICD');
      expect((await move(server, hub, { id, to: 'ACCOUNTS_READY' })).code).to.equal('ACCOUNTS_MISSING');
    });

    it('hub staff suspend PRODUCTION and resume it; a local administrator may not', async () => {
      await putInState(server, id, ParticipationState.PRODUCTION);
      expect((await move(server, who.admin, { id, to: 'SUSPENDED' })).code).to.equal('TRANSITION_ROLE');
      expect((await move(server, hub, { id, to: 'SUSPENDED', note: 'verbouwing' })).state).to.equal('SUSPENDED');
      expect((await move(server, hub, { id, to: 'PRODUCTION' })).state).to.equal('PRODUCTION');
    });

    it('ending PRODUCTION needs an end period (END_PERIOD_REQUIRED), then keeps it', async () => {
      await putInState(server, id, ParticipationState.PRODUCTION);
      expect((await move(server, hub, { id, to: 'ENDED' })).code).to.equal('END_PERIOD_REQUIRED');
      const ended = await move(server, hub, { id, to: 'ENDED', endPeriod: '2026K2' });
      expect([ended.state, ended.endPeriod]).to.deep.equal(['ENDED', '2026K2']);
    });

    it('an end period before the start period is refused with END_BEFORE_START', async () => {
      await putInState(server, id, ParticipationState.PRODUCTION);
      expect((await move(server, hub, { id, to: 'ENDED', endPeriod: '2025K4' })).code).to.equal('END_BEFORE_START');
    });

    it('a local administrator withdraws a sign-up (REQUESTED → ENDED); ENDED is final', async () => {
      expect((await move(server, who.admin, { id, to: 'ENDED', note: 'toch niet' })).state).to.equal('ENDED');
      const refused = await move(server, hub, { id, to: 'REQUESTED' });
      expect(refused.message).to.equal('Van beëindigd naar aangemeld kan niet. Vanuit beëindigd kan: niets (beëindigd is definitief).');
    });

    it("another institution's local administrator gets NOT_FOUND, as for an unknown or malformed id", async () => {
      const other = await hospital(server);
      const answers = await Promise.all([
        move(server, other.admin, { id, to: 'ENDED' }),
        move(server, hub, { id: '00000000-0000-4000-8000-000000000000', to: 'ENDED' }),
        move(server, hub, { id: 'nope', to: 'ENDED' }),
      ]);
      expect(answers.map((answer) => answer.code)).to.deep.equal(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
      expect(await stateOf(server, id)).to.equal('REQUESTED');
    });

    it('answers in English for an English-speaking user', async () => {
      const english = await tokenFor(server, await createInstitutionUser(server, who.code, Role.LOCAL_ADMIN, undefined, 'en'));
      const response = await graphql<{ moveParticipation: Moved }>(
        server.url,
        MOVE,
        { input: { id, to: 'AGREEMENTS_SENT' } },
        {
          authorization: `Bearer ${english}`,
          'accept-language': 'en',
        },
      );
      expect(expectOk(response).moveParticipation.message).to.equal('From requested to agreements sent only hub staff may move it.');
    });
  });
});
