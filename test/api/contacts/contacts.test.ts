import { expect } from 'chai';
import { asUser, expectOk, latestMail, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const FIELDS = 'id name role email phone institution { code } registry { code }';
const ADD = `mutation ($input: AddRegistryContactInput!) { addRegistryContact(input: $input) { __typename ... on RegistryContact { ${FIELDS} } ... on Refusal { code field } } }`;
const UPDATE = `mutation ($id: ID!, $input: RegistryContactDetailsInput!) { updateRegistryContact(id: $id, input: $input) { __typename ... on RegistryContact { ${FIELDS} } ... on Refusal { code } } }`;
const REMOVE = `mutation ($id: ID!) { removeRegistryContact(id: $id) { __typename ... on RegistryContact { id } ... on Refusal { code } } }`;
const LIST = `query ($code: String!, $registry: String) { registryContacts(institutionCode: $code, registry: $registry) { ${FIELDS} } }`;
const SEND = `mutation ($registry: String!, $subject: String!, $body: String!) { sendAnnouncement(registry: $registry, subject: $subject, body: $body) {
  __typename ... on Announcement { id subject recipients { name email institutionCode } } ... on Refusal { code field } } }`;
const SENT = `query ($registry: String!) { announcements(registry: $registry) { nodes { id subject body sentAt registry { code } recipients { email institutionCode } } } }`;

interface ContactView {
  __typename: string;
  id: string;
  name: string;
  email: string;
  code?: string;
  field?: string;
}

describe('registry contact persons and announcements', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let otherAdmin: string;
  let submitter: string;
  const add = async (token: string, input: Record<string, unknown>) =>
    expectOk(await asUser<{ addRegistryContact: ContactView }>(server, token, ADD, { input })).addRegistryContact;
  const list = async (token: string, code: string, registry?: string) =>
    expectOk(await asUser<{ registryContacts: ContactView[] }>(server, token, LIST, { code, registry })).registryContacts;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    otherAdmin = await tokenFor(server, 'beheer@maasdal.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  describe('contacts', () => {
    it("the local administrator adds a contact person; they and hub staff see it, another institution's administrator does not", async () => {
      const added = await add(admin, {
        institutionCode: '11111111',
        registry: 'CAT',
        name: 'Anne de Vries',
        role: 'Kwaliteitsfunctionaris',
        email: 'Anne.deVries@zuidermeer.test',
        phone: '+31 20 555 0101',
      });
      expect(added).to.include({ __typename: 'RegistryContact', name: 'Anne de Vries', email: 'anne.devries@zuidermeer.test' });
      expect((await list(admin, '11111111')).map((contact) => contact.id)).to.include(added.id);
      expect((await list(hub, '11111111', 'CAT')).map((contact) => contact.id)).to.include(added.id);
      expect(await list(hub, '11111111', 'PMICD')).to.deep.equal([]);
      expect(await list(otherAdmin, '11111111')).to.deep.equal([]);
    });

    it("refuses another institution's administrator adding one (NOT_FOUND), and a submitter the operation (FORBIDDEN)", async () => {
      const input = { institutionCode: '11111111', registry: 'CAT', name: 'X', role: 'Y', email: 'x@zuidermeer.test' };
      expect(await add(otherAdmin, input)).to.include({ code: 'NOT_FOUND' });
      const response = await asUser(server, submitter, ADD, { input });
      expect(response.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    });

    it('refuses an invalid e-mail address and an empty name, naming the field', async () => {
      const input = { institutionCode: '11111111', registry: 'CAT', name: 'Bert', role: 'Arts', email: 'geen-adres' };
      expect(await add(admin, input)).to.include({ code: 'INVALID_EMAIL', field: 'email' });
      expect(await add(admin, { ...input, name: '  ', email: 'bert@zuidermeer.test' })).to.include({ code: 'TEXT_REQUIRED', field: 'name' });
    });

    it('updates and removes a contact person; another institution cannot touch it', async () => {
      const added = await add(admin, { institutionCode: '11111111', registry: 'MMY', name: 'Carla', role: 'Arts', email: 'carla@zuidermeer.test' });
      const details = { name: 'Carla Jansen', role: 'Hematoloog', email: 'c.jansen@zuidermeer.test' };
      const foreign = expectOk(await asUser<{ updateRegistryContact: ContactView }>(server, otherAdmin, UPDATE, { id: added.id, input: details }));
      expect(foreign.updateRegistryContact).to.include({ code: 'NOT_FOUND' });
      const updated = expectOk(await asUser<{ updateRegistryContact: ContactView }>(server, admin, UPDATE, { id: added.id, input: details }));
      expect(updated.updateRegistryContact).to.include({ name: 'Carla Jansen', email: 'c.jansen@zuidermeer.test' });
      const removed = expectOk(await asUser<{ removeRegistryContact: ContactView }>(server, admin, REMOVE, { id: added.id }));
      expect(removed.removeRegistryContact).to.include({ __typename: 'RegistryContact', id: added.id });
      expect((await list(admin, '11111111', 'MMY')).map((contact) => contact.id)).to.not.include(added.id);
    });
  });

  describe('announcements', () => {
    it('mails every contact person of the registry, and lists what was sent to whom', async () => {
      await add(hub, { institutionCode: '15330041', registry: 'CAT', name: 'Dirk Maas', role: 'Oogarts', email: 'dirk@maasdal.test' });
      const sent = expectOk(
        await asUser<{ sendAnnouncement: { __typename: string; id: string; recipients: { email: string; institutionCode: string }[] } }>(server, hub, SEND, {
          registry: 'CAT',
          subject: 'Nieuwe versie datadictionary',
          body: 'Vanaf 1 januari geldt CAT 1.5.',
        }),
      ).sendAnnouncement;
      expect(sent.__typename).to.equal('Announcement');
      expect(sent.recipients).to.deep.include.members([
        { email: 'anne.devries@zuidermeer.test', institutionCode: '11111111', name: 'Anne de Vries' },
        { email: 'dirk@maasdal.test', institutionCode: '15330041', name: 'Dirk Maas' },
      ]);
      for (const to of ['anne.devries@zuidermeer.test', 'dirk@maasdal.test']) {
        const mail = latestMail(server, to);
        expect(mail).to.include('CAT: Nieuwe versie datadictionary');
        expect(mail).to.include('Vanaf 1 januari geldt CAT 1.5.');
      }
      const listed = expectOk(await asUser<{ announcements: { nodes: { id: string; recipients: unknown[] }[] } }>(server, hub, SENT, { registry: 'CAT' }));
      expect(listed.announcements.nodes[0]).to.include({ id: sent.id });
      expect(listed.announcements.nodes[0]?.recipients).to.have.length(sent.recipients.length);
    });

    it('refuses a registry without contact persons (NO_RECIPIENTS) and an empty subject', async () => {
      const none = expectOk(await asUser<{ sendAnnouncement: { code: string } }>(server, hub, SEND, { registry: 'MMY', subject: 'Hallo', body: 'Tekst' }));
      expect(none.sendAnnouncement).to.include({ code: 'NO_RECIPIENTS' });
      const empty = expectOk(
        await asUser<{ sendAnnouncement: { code: string; field: string } }>(server, hub, SEND, { registry: 'CAT', subject: ' ', body: 'Tekst' }),
      );
      expect(empty.sendAnnouncement).to.include({ code: 'TEXT_REQUIRED', field: 'subject' });
    });

    it('audits contact changes and the announcement', async () => {
      const rows = await server.datahub.orm.em
        .fork()
        .getConnection()
        .execute<{ action: string }[]>(`select distinct action from audit_event where object_type in ('RegistryContact', 'Announcement')`);
      expect(rows.map((row) => row.action)).to.include.members(['addRegistryContact', 'updateRegistryContact', 'removeRegistryContact', 'sendAnnouncement']);
    });
  });
});
