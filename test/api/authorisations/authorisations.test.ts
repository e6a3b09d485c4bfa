import { expect } from 'chai';
import { Organisation, OrganisationKind } from '../../../server/src/access/organisation.entity';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { activeAuthorisation } from '../../../server/src/authorisations/module';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const LINK_FIELDS = 'id fields removedAt organisation { name } registry { code } subDelivery { code }';
const AUTH_FIELDS = 'id fields purpose validFrom validUntil fromPeriod toPeriod revokedAt active link { id organisation { name } }';
const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { ${LINK_FIELDS} } ... on Refusal { code message field parameters { name value } } } }`;
const UPDATE_LINK = `mutation ($input: UpdateProcessorLinkInput!) { updateProcessorLink(input: $input) { __typename ... on ProcessorLink { ${LINK_FIELDS} } ... on Refusal { code } } }`;
const REMOVE_LINK = `mutation ($id: ID!) { removeProcessorLink(linkId: $id) { __typename ... on ProcessorLink { removedAt } ... on Refusal { code } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { ${AUTH_FIELDS} } ... on Refusal { code message field parameters { name value } } } }`;
const UPDATE = `mutation ($input: UpdateAuthorisationInput!) { updateAuthorisation(input: $input) { __typename ... on Authorisation { ${AUTH_FIELDS} } ... on Refusal { code } } }`;
const REVOKE = `mutation ($id: ID!) { revokeAuthorisation(authorisationId: $id) { __typename ... on Authorisation { revokedAt active } ... on Refusal { code } } }`;
const LIST = `query ($code: String!) { authorisations(institutionCode: $code, first: 100) { totalCount edges { node { ${AUTH_FIELDS} history { action event } } } } }`;
const MINE = `{ myAuthorisations(first: 100) { totalCount edges { node { id link { organisation { name } } } } } }`;

/** The implant register's share of PMICD (issue 13): device and procedure, nothing identifying or patient-linkable. */
const IMPLANT_FIELDS = ['DeviceType', 'Fabrikant', 'Model', 'Serienummer', 'ImplantatieDatum', 'Procedure'];

interface Refusal {
  __typename: string;
  code: string;
  message: string;
  field: string | null;
  parameters: { name: string; value: string }[];
}
interface LinkView extends Partial<Refusal> {
  id: string;
  fields: string[];
  removedAt: string | null;
}
interface AuthorisationView extends Partial<Refusal> {
  id: string;
  fields: string[];
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
  active: boolean;
  link: { id: string; organisation: { name: string } };
  history?: { action: string; event: string }[];
}

describe('authorisations (machtigingen)', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let otherAdmin: string;
  let processor: string;
  let nhrId: string;
  let implantId: string;
  let implantLink: LinkView;

  const link = async (input: Record<string, unknown>) => expectOk(await asUser<{ linkProcessor: LinkView }>(server, hub, LINK, { input })).linkProcessor;
  const grant = async (input: Record<string, unknown>, token = admin) =>
    expectOk(
      await asUser<{ grantAuthorisation: AuthorisationView }>(server, token, GRANT, {
        input: { institutionCode: '11111111', purpose: 'Kwaliteitsanalyse', ...input },
      }),
    ).grantAuthorisation;
  const check = (organisationId: string, authorisationId: string, on: string) =>
    activeAuthorisation(server.datahub.orm.em.fork(), { organisationId, authorisationId, on });

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    otherAdmin = await tokenFor(server, 'beheer@maasdal.test');
    processor = await tokenFor(server, 'verwerker@nhr.test');
    const em = server.datahub.orm.em.fork();
    nhrId = (await em.findOneOrFail(Organisation, { name: 'NHR Analysebureau' })).id;
    const implant = em.create(Organisation, { kind: OrganisationKind.PROCESSOR, name: 'Landelijk Implantatenregister' });
    await em.flush();
    implantId = implant.id;
    implantLink = await link({ organisationId: implantId, registry: 'PMICD', fields: [...IMPLANT_FIELDS].reverse() });
  });

  describe('processor links (hub staff)', () => {
    it('links the implant register to PMICD with device and procedure fields, kept in dictionary order', () => {
      expect(implantLink.__typename).to.equal('ProcessorLink');
      expect(implantLink.fields).to.deep.equal(['ImplantatieDatum', 'Procedure', 'DeviceType', 'Fabrikant', 'Model', 'Serienummer']);
    });

    it('refuses field names outside the current dictionary, naming them', async () => {
      const refused = await link({ organisationId: nhrId, registry: 'PMICD', fields: ['Model', 'Kleur', 'Gewicht'] });
      expect(refused).to.include({ __typename: 'Refused', code: 'UNKNOWN_FIELDS', field: 'fields' });
      expect(refused.parameters).to.deep.include({ name: 'fields', value: 'Kleur, Gewicht' });
    });

    it('refuses a stream whose record key holds the patient key (MMY IKNL: PatientCode): every forwarded row would carry it', async () => {
      const refused = await link({ organisationId: nhrId, registry: 'MMY', subDelivery: 'IKNL', fields: ['DiagnoseDatum'] });
      expect(refused).to.include({ __typename: 'Refused', code: 'RECORD_KEY_LINKABLE', field: 'registry' });
      expect(refused.parameters).to.deep.include({ name: 'fields', value: 'PatientCode' });
    });

    it("refuses the dictionary's patient key (CAT's PatientCode), a pseudonym that links records to one patient", async () => {
      const refused = await link({ organisationId: nhrId, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'PatientCode'] });
      expect(refused).to.include({ __typename: 'Refused', code: 'IDENTIFYING_FIELDS' });
      expect(refused.parameters).to.deep.include({ name: 'fields', value: 'PatientCode' });
    });

    it('refuses identifying fields (BSN, name), naming them: they never leave the hub', async () => {
      const refused = await link({ organisationId: nhrId, registry: 'PMICD', fields: ['Model', 'BSN', 'Naam'] });
      expect(refused).to.include({ __typename: 'Refused', code: 'IDENTIFYING_FIELDS' });
      expect(refused.parameters).to.deep.include({ name: 'fields', value: 'BSN, Naam' });
    });

    it('refuses an empty field set, a second live link for the same stream, and a non-processor organisation', async () => {
      expect(await link({ organisationId: implantId, registry: 'PMICD', fields: [] })).to.include({ code: 'FIELDS_REQUIRED' });
      expect(await link({ organisationId: implantId, registry: 'PMICD', fields: ['Model'] })).to.include({ code: 'LINK_EXISTS' });
      const requester = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { kind: OrganisationKind.REQUESTER });
      expect(await link({ organisationId: requester.id, registry: 'PMICD', fields: ['Model'] })).to.include({ code: 'NOT_A_PROCESSOR' });
    });

    it('a narrower link narrows the authorisations under it', async () => {
      const extra = await link({ organisationId: implantId, registry: 'CAT', fields: ['OperatieDatum', 'Geslacht', 'Complicatie'] });
      const granted = await grant({ linkId: extra.id, fields: ['OperatieDatum', 'Complicatie'] });
      const updated = expectOk(
        await asUser<{ updateProcessorLink: LinkView }>(server, hub, UPDATE_LINK, { input: { linkId: extra.id, fields: ['OperatieDatum'] } }),
      );
      expect(updated.updateProcessorLink.fields).to.deep.equal(['OperatieDatum']);
      expect((await check(implantId, granted.id, '2099-01-01'))?.fields).to.deep.equal(['OperatieDatum']);
    });

    it('removing a link revokes its authorisations at once', async () => {
      const doomed = await link({ organisationId: implantId, registry: 'CAT', subDelivery: 'Cataract', fields: ['Geslacht'] });
      const granted = await grant({ linkId: doomed.id, fields: ['Geslacht'], validFrom: '2020-01-01' });
      expect(await check(implantId, granted.id, '2026-01-01')).to.not.equal(null);
      const removed = expectOk(await asUser<{ removeProcessorLink: LinkView }>(server, hub, REMOVE_LINK, { id: doomed.id })).removeProcessorLink;
      expect(removed.removedAt).to.be.a('string');
      expect(await check(implantId, granted.id, '2026-01-01')).to.equal(null);
    });
  });

  describe('grants by the local administrator', () => {
    it('grants a narrowed field set chosen field by field; the check returns exactly those fields', async () => {
      const granted = await grant({
        linkId: implantLink.id,
        fields: ['Serienummer', 'DeviceType'],
        validFrom: '2026-01-01',
        fromPeriod: '2025K1',
        toPeriod: '2026K4',
      });
      expect(granted).to.include({ __typename: 'Authorisation', validFrom: '2026-01-01', active: true });
      expect(granted.fields).to.deep.equal(['DeviceType', 'Serienummer']);
      const active = await check(implantId, granted.id, '2026-03-01');
      expect(active).to.deep.include({ id: granted.id, subDeliveryId: null, fromPeriod: '2025K1', toPeriod: '2026K4', fields: ['DeviceType', 'Serienummer'] });
    });

    it("refuses a field outside the link's set, naming it, and stores nothing", async () => {
      const before = expectOk(await asUser<{ authorisations: { totalCount: number } }>(server, admin, LIST, { code: '11111111' })).authorisations.totalCount;
      const refused = await grant({ linkId: implantLink.id, fields: ['Model', 'Geboortedatum', 'BSN'] });
      expect(refused).to.include({ __typename: 'Refused', code: 'FIELDS_OUTSIDE_LINK', field: 'fields' });
      expect(refused.parameters).to.deep.include({ name: 'fields', value: 'Geboortedatum, BSN' });
      const after = expectOk(await asUser<{ authorisations: { totalCount: number } }>(server, admin, LIST, { code: '11111111' })).authorisations.totalCount;
      expect(after).to.equal(before);
    });

    it('refuses an end date before the start date', async () => {
      const refused = await grant({ linkId: implantLink.id, fields: ['Model'], validFrom: '2026-05-01', validUntil: '2026-04-30' });
      expect(refused).to.include({ code: 'VALIDITY_DATES', field: 'validUntil' });
    });

    it("another institution's local administrator gets NOT_FOUND for granting, changing, revoking and listing", async () => {
      const granted = await grant({ linkId: implantLink.id, fields: ['Model'] });
      expect(await grant({ linkId: implantLink.id, fields: ['Model'] }, otherAdmin)).to.include({ code: 'NOT_FOUND' });
      const update = expectOk(
        await asUser<{ updateAuthorisation: Refusal }>(server, otherAdmin, UPDATE, { input: { authorisationId: granted.id, fields: ['Model'] } }),
      );
      expect(update.updateAuthorisation.code).to.equal('NOT_FOUND');
      const revoke = expectOk(await asUser<{ revokeAuthorisation: Refusal }>(server, otherAdmin, REVOKE, { id: granted.id }));
      expect(revoke.revokeAuthorisation.code).to.equal('NOT_FOUND');
      const list = expectOk(await asUser<{ authorisations: { totalCount: number } }>(server, otherAdmin, LIST, { code: '11111111' }));
      expect(list.authorisations.totalCount).to.equal(0);
      expect((await check(implantId, granted.id, '2099-01-01'))?.fields).to.deep.equal(['Model']);
    });

    it('revoking applies at once: the check answers null on the same day, and a second revoke is refused', async () => {
      const granted = await grant({ linkId: implantLink.id, fields: ['Model'], validFrom: '2026-01-01' });
      expect(await check(implantId, granted.id, '2026-06-01')).to.not.equal(null);
      const revoked = expectOk(await asUser<{ revokeAuthorisation: AuthorisationView }>(server, admin, REVOKE, { id: granted.id })).revokeAuthorisation;
      expect(revoked).to.include({ active: false });
      expect(await check(implantId, granted.id, '2026-06-01')).to.equal(null);
      const again = expectOk(await asUser<{ revokeAuthorisation: Refusal }>(server, admin, REVOKE, { id: granted.id }));
      expect(again.revokeAuthorisation.code).to.equal('ALREADY_REVOKED');
    });

    it('holds from validFrom through validUntil only, and only for its own processor', async () => {
      const granted = await grant({ linkId: implantLink.id, fields: ['Model'], validFrom: '2026-01-01', validUntil: '2026-06-30' });
      expect(await check(implantId, granted.id, '2025-12-31')).to.equal(null);
      expect(await check(implantId, granted.id, '2026-01-01')).to.not.equal(null);
      expect(await check(implantId, granted.id, '2026-06-30')).to.not.equal(null);
      expect(await check(implantId, granted.id, '2026-07-01')).to.equal(null);
      expect(await check(nhrId, granted.id, '2026-03-01')).to.equal(null);
    });

    it('narrowing the fields and moving the end date are audited and readable as history', async () => {
      const granted = await grant({ linkId: implantLink.id, fields: ['Model', 'Fabrikant'], validFrom: '2026-01-01' });
      const updated = expectOk(
        await asUser<{ updateAuthorisation: AuthorisationView }>(server, admin, UPDATE, {
          input: { authorisationId: granted.id, fields: ['Model'], validUntil: '2026-12-31' },
        }),
      ).updateAuthorisation;
      expect(updated).to.include({ validUntil: '2026-12-31' });
      expect(updated.fields).to.deep.equal(['Model']);
      expectOk(await asUser(server, admin, REVOKE, { id: granted.id }));
      const rows = await server.datahub.orm.em.fork().find(AuditEvent, { objectType: 'Authorisation', objectId: granted.id }, { orderBy: { id: 'asc' } });
      expect(rows.map((row) => row.action)).to.deep.equal(['grantAuthorisation', 'updateAuthorisation', 'revokeAuthorisation']);
      expect(rows.every((row) => row.institutionId !== null && row.actorEmail === 'beheer@zuidermeer.test')).to.equal(true);
      const list = expectOk(await asUser<{ authorisations: { edges: { node: AuthorisationView }[] } }>(server, hub, LIST, { code: '11111111' }));
      const history = list.authorisations.edges.find((edge) => edge.node.id === granted.id)?.node.history;
      expect(history?.map((row) => row.action)).to.deep.equal(['grantAuthorisation', 'updateAuthorisation', 'revokeAuthorisation']);
    });
  });

  describe('what processors see', () => {
    it("a processor's users see only the authorisations granted to their own organisation", async () => {
      const nhrLink = await link({ organisationId: nhrId, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'Geslacht'] });
      const own = await grant({ linkId: nhrLink.id, fields: ['Geslacht'] });
      const mine = expectOk(await asUser<{ myAuthorisations: { totalCount: number; edges: { node: AuthorisationView }[] } }>(server, processor, MINE));
      expect(mine.myAuthorisations.edges.map((edge) => edge.node.id)).to.deep.equal([own.id]);
      expect(mine.myAuthorisations.totalCount).to.equal(1);
    });
  });
});
