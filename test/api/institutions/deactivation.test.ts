import { expect } from 'chai';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { Invitation } from '../../../server/src/access/invitation.entity';
import { asUser, expectOk, signIn, tokenFor } from '../../support/actors';
import { example, UPLOAD, upload } from '../../support/deliveries';
import { uploadRequest } from '../../support/upload';
import { startTestServer, type TestServer } from '../../support/server';

const FIELDS = '__typename ... on Institution { code active deactivatedAt deactivationReason } ... on Refusal { refusal: code message field }';
const DEACTIVATE = `mutation ($code: String!, $reason: String!) { deactivateInstitution(code: $code, reason: $reason) { ${FIELDS} } }`;
const REACTIVATE = `mutation ($code: String!) { reactivateInstitution(code: $code) { ${FIELDS} } }`;
const USERS = '{ institutionUsers(institutionCode: "11111111") { nodes { email } } }';
const CAT = (sequence: number) => `11111111_0_CAT_1.4_${sequence}_20260410_PROD.csv`;

interface Answer {
  __typename: string;
  active?: boolean;
  deactivationReason?: string | null;
  refusal?: string;
  field?: string | null;
}

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

describe('institutions: deactivation keeps the history, refuses deliveries and ends its people’s access', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('refuses deactivation without a reason as REASON_REQUIRED and changes nothing', async () => {
    const answer = expectOk(await asUser<{ deactivateInstitution: Answer }>(server, hub, DEACTIVATE, { code: '11111111', reason: ' ' })).deactivateInstitution;
    const still = expectOk(await asUser<{ institution: { active: boolean } }>(server, hub, '{ institution(code: "11111111") { active } }'));
    expect(answer).to.deep.include({ __typename: 'Refused', refusal: 'REASON_REQUIRED', field: 'reason' });
    expect(still.institution.active).to.equal(true);
  });

  describe('after deactivating UMC Zuidermeer', () => {
    let submitter: string;
    let admin: string;
    let answer: Answer;
    let usersBefore: { errors?: unknown[] };
    let session: Awaited<ReturnType<typeof signIn>>;
    before(async () => {
      submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
      admin = await tokenFor(server, 'beheer@zuidermeer.test');
      session = await signIn(server, 'inzage@zuidermeer.test');
      usersBefore = await asUser(server, admin, USERS);
      answer = expectOk(
        await asUser<{ deactivateInstitution: Answer }>(server, hub, DEACTIVATE, { code: '11111111', reason: 'Gesloten per 1 december' }),
      ).deactivateInstitution;
    });

    it('answers the institution, inactive, with the reason kept', () => {
      expect(answer).to.deep.include({ __typename: 'Institution', active: false, deactivationReason: 'Gesloten per 1 december' });
    });

    it("refuses its submitter's new delivery: the SUBMITTER role there no longer works", async () => {
      const refused = await uploadRequest(
        server.url,
        UPLOAD,
        { input: { period: '2026K1' } },
        { name: CAT(401), content: example('CAT/Cataract/1.4/examples/valid.csv') },
        { 'apollo-require-preflight': 'true', authorization: `Bearer ${submitter}` },
      );
      expect(codeOf(refused)).to.equal('FORBIDDEN');
    });

    it("ends its local administrator's access: an operation that worked before is FORBIDDEN now", async () => {
      const after = await asUser(server, admin, USERS);
      expect(usersBefore.errors).to.equal(undefined);
      expect(codeOf(after)).to.equal('FORBIDDEN');
    });

    it('ends the live sessions of its people at once', async () => {
      const after = await session.request('{ institutions { code } }');
      expect(codeOf(after)).to.equal('UNAUTHENTICATED');
    });

    it('keeps the institution and its history readable for hub staff, with the deactivation recorded in the same transaction', async () => {
      const history = expectOk(
        await asUser<{ institution: { history: { nodes: { action: string }[] } } }>(
          server,
          hub,
          '{ institution(code: "11111111") { history { nodes { action } } } }',
        ),
      );
      // The refusal without a reason (the first test) is in the log too, as a REFUSAL; one deactivation was made.
      const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'deactivateInstitution' }, { orderBy: { id: 'asc' } });
      expect(history.institution.history.nodes[0]?.action).to.equal('deactivateInstitution');
      expect(rows.map((row) => (row.event === 'REFUSAL' ? `REFUSAL ${row.detail}` : 'DONE'))).to.deep.equal(['REFUSAL REASON_REQUIRED', 'DONE']);
    });

    it('refuses hub staff an invitation to it with INSTITUTION_INACTIVE naming it, and stores no invitation', async () => {
      const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename ... on Refusal { refusal: code message field } } }`;
      const input = { email: 'nieuw@zuidermeer.test', name: 'Nieuw', role: 'LOCAL_ADMIN', institutionCode: '11111111' };
      const refused = expectOk(await asUser<{ inviteUser: Answer & { message?: string } }>(server, hub, INVITE, { input })).inviteUser;
      expect(refused).to.deep.include({ __typename: 'Refused', refusal: 'INSTITUTION_INACTIVE', field: 'institutionCode' });
      expect(refused.message).to.include('Universitair Medisch Centrum Zuidermeer (11111111)');
      expect(await server.datahub.orm.em.fork().count(Invitation, { email: 'nieuw@zuidermeer.test' })).to.equal(0);
    });

    it('refuses a second deactivation as ALREADY_INACTIVE', async () => {
      const again = expectOk(
        await asUser<{ deactivateInstitution: Answer }>(server, hub, DEACTIVATE, { code: '11111111', reason: 'Nogmaals' }),
      ).deactivateInstitution;
      expect(again).to.deep.include({ __typename: 'Refused', refusal: 'ALREADY_INACTIVE' });
    });

    it('gives its people their roles back on reactivation, and deliveries are accepted again', async () => {
      const reactivated = expectOk(await asUser<{ reactivateInstitution: Answer }>(server, hub, REACTIVATE, { code: '11111111' })).reactivateInstitution;
      const users = await asUser(server, admin, USERS);
      const delivery = await upload(server, submitter, CAT(402), example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
      expect(reactivated).to.deep.include({ active: true, deactivationReason: null });
      expect(users.errors).to.equal(undefined);
      expect(delivery.__typename).to.equal('Delivery');
    });
  });

  it('refuses deactivation to a local administrator with FORBIDDEN', async () => {
    const admin = await tokenFor(server, 'beheer@maasdal.test');
    const response = await asUser(server, admin, DEACTIVATE, { code: '15330041', reason: 'Eigen beslissing' });
    expect(codeOf(response)).to.equal('FORBIDDEN');
  });
});
