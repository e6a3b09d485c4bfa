import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const FIELDS = '__typename ... on Institution { code name type place active units { number name } } ... on Refusal { refusal: code message field }';
const CREATE = `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($code: String!, $input: UpdateInstitutionInput!) { updateInstitution(code: $code, input: $input) { ${FIELDS} } }`;
const HISTORY = 'query ($code: String!) { institution(code: $code) { history(first: 20) { nodes { event action objectType actorEmail } } } }';

interface Answer {
  __typename: string;
  code?: string;
  refusal?: string;
  name?: string;
  type?: string;
  place?: string | null;
  active?: boolean;
  units?: { number: number; name: string }[];
  message?: string;
  field?: string | null;
}

describe('institutions: hub staff create and edit them', () => {
  let server: TestServer;
  let hub: string;
  const create = async (input: Record<string, unknown>, token = hub) =>
    expectOk(await asUser<{ createInstitution: Answer }>(server, token, CREATE, { input })).createInstitution;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('creates an institution with its place and unit 0, findable by code', async () => {
    const created = await create({ code: '31415926', name: ' ZBC Oogzorg Westland ', type: 'INDEPENDENT_TREATMENT_CENTRE', place: 'Naaldwijk' });
    const found = expectOk(await asUser<{ institution: Answer }>(server, hub, '{ institution(code: "31415926") { code name place active units { number } } }'));
    expect(created).to.deep.include({
      __typename: 'Institution',
      code: '31415926',
      name: 'ZBC Oogzorg Westland',
      type: 'INDEPENDENT_TREATMENT_CENTRE',
      active: true,
    });
    expect(found.institution).to.deep.include({ place: 'Naaldwijk', units: [{ number: 0 }] });
  });

  for (const code of ['1234567', '123456789', '1234567a', '']) {
    it(`refuses the malformed code "${code}" as INSTITUTION_CODE_FORMAT on the field code, and stores nothing`, async () => {
      const refused = await create({ code, name: 'Nergens', type: 'OTHER' });
      const list = expectOk(await asUser<{ institutions: Answer[] }>(server, hub, '{ institutions(search: "Nergens") { code } }'));
      expect(refused).to.deep.include({ __typename: 'Refused', refusal: 'INSTITUTION_CODE_FORMAT', field: 'code' });
      expect(list.institutions).to.deep.equal([]);
    });
  }

  it('refuses a code that is taken as INSTITUTION_CODE_TAKEN naming the code', async () => {
    const refused = await create({ code: '11111111', name: 'Dubbel', type: 'GENERAL' });
    expect(refused).to.deep.include({ __typename: 'Refused', refusal: 'INSTITUTION_CODE_TAKEN', field: 'code' });
    expect(refused.message).to.include('11111111');
  });

  it('refuses an empty name as NAME_REQUIRED on the field name', async () => {
    const refused = await create({ code: '27182818', name: '   ', type: 'GENERAL' });
    expect(refused).to.deep.include({ __typename: 'Refused', refusal: 'NAME_REQUIRED', field: 'name' });
  });

  it('edits name, type and place and keeps the code', async () => {
    await create({ code: '16180339', name: 'Ziekenhuis Gulden Snede', type: 'GENERAL', place: 'Delft' });
    const updated = expectOk(
      await asUser<{ updateInstitution: Answer }>(server, hub, UPDATE, {
        code: '16180339',
        input: { name: 'Gulden Snede Ziekenhuis', type: 'CATEGORICAL', place: 'Rijswijk' },
      }),
    ).updateInstitution;
    expect(updated).to.deep.include({ code: '16180339', name: 'Gulden Snede Ziekenhuis', type: 'CATEGORICAL', place: 'Rijswijk' });
  });

  it('refuses to edit an unknown institution as NOT_FOUND on the field code', async () => {
    const refused = expectOk(await asUser<{ updateInstitution: Answer }>(server, hub, UPDATE, { code: '99999999', input: { name: 'X' } })).updateInstitution;
    expect(refused).to.deep.include({ __typename: 'Refused', refusal: 'NOT_FOUND', field: 'code' });
  });

  it('finds institutions by the start of the code and by part of the name, case-insensitively', async () => {
    await create({ code: '14142135', name: 'Wortelhof Kliniek', type: 'OTHER' });
    const byCode = expectOk(await asUser<{ institutions: Answer[] }>(server, hub, '{ institutions(search: "141421") { code } }'));
    const byName = expectOk(await asUser<{ institutions: Answer[] }>(server, hub, '{ institutions(search: "wortelHOF") { code } }'));
    expect(byCode.institutions.map((row) => row.code)).to.deep.equal(['14142135']);
    expect(byName.institutions.map((row) => row.code)).to.deep.equal(['14142135']);
  });

  it('records the creation and the edit in the institution history, newest first, by the hub staff member', async () => {
    await create({ code: '17320508', name: 'Historie Ziekenhuis', type: 'GENERAL' });
    expectOk(await asUser(server, hub, UPDATE, { code: '17320508', input: { place: 'Leiden' } }));
    const history = expectOk(
      await asUser<{ institution: { history: { nodes: { event: string; action: string; objectType: string; actorEmail: string }[] } } }>(server, hub, HISTORY, {
        code: '17320508',
      }),
    );
    expect(history.institution.history.nodes.map((row) => row.action)).to.deep.equal(['updateInstitution', 'createInstitution']);
    expect(history.institution.history.nodes.every((row) => row.actorEmail === 'hub@datahub.test')).to.equal(true);
  });

  it("shows a local administrator their own institution's history and local administrators", async () => {
    const admin = await tokenFor(server, 'beheer@maasdal.test');
    const answer = expectOk(
      await asUser<{ institution: { history: { nodes: unknown[] }; localAdministrators: { nodes: { email: string }[] } } }>(
        server,
        admin,
        '{ institution(code: "15330041") { history { nodes { action } } localAdministrators { nodes { email } } } }',
      ),
    );
    expect(answer.institution.localAdministrators.nodes.map((user) => user.email)).to.include('beheer@maasdal.test');
  });

  for (const email of ['beheer@zuidermeer.test', 'aanlever@zuidermeer.test', 'verwerker@nhr.test']) {
    it(`refuses createInstitution to ${email} (not hub staff) with FORBIDDEN and stores nothing`, async () => {
      const token = await tokenFor(server, email);
      const response = await asUser(server, token, CREATE, { input: { code: '55555555', name: 'Verboden', type: 'GENERAL' } });
      const list = expectOk(await asUser<{ institutions: Answer[] }>(server, hub, '{ institutions(search: "55555555") { code } }'));
      expect(response.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
      expect(list.institutions).to.deep.equal([]);
    });
  }
});
