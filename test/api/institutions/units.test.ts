import { expect } from 'chai';
import { todayInAmsterdam } from '../../../server/src/common/calendar';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { example, upload } from '../../support/deliveries';
import { startTestServer, type TestServer } from '../../support/server';

const UNIT_FIELDS = '__typename ... on Institution { units { number name closedFrom } } ... on Refusal { refusal: code message field }';
const ADD = `mutation ($code: String!, $name: String!, $number: Int) { addInstitutionUnit(code: $code, name: $name, number: $number) { ${UNIT_FIELDS} } }`;
const RENAME = `mutation ($code: String!, $number: Int!, $name: String!) { renameInstitutionUnit(code: $code, number: $number, name: $name) { ${UNIT_FIELDS} } }`;
const CLOSE = `mutation ($code: String!, $number: Int!, $closedFrom: Date!) { closeInstitutionUnit(code: $code, number: $number, closedFrom: $closedFrom) { ${UNIT_FIELDS} } }`;
const CHECK = 'query ($name: String!) { checkDeliveryFileName(fileName: $name) { problems { code message field } } }';

interface UnitsAnswer {
  __typename: string;
  units?: { number: number; name: string; closedFrom: string | null }[];
  refusal?: string;
  message?: string;
  field?: string | null;
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('institution units: add, rename, close', () => {
  let server: TestServer;
  let hub: string;
  let submitter: string;
  let today: string;
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    const data = expectOk(await asUser<Record<string, UnitsAnswer>>(server, hub, query, variables));
    return Object.values(data)[0] as UnitsAnswer;
  };
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    today = todayInAmsterdam(server.clock.now());
  });

  it('adds a unit under the next free number', async () => {
    const answer = await mutate(ADD, { code: '15330041', name: 'Locatie Roermond' });
    expect(answer.units?.at(-1)).to.deep.equal({ number: 3, name: 'Locatie Roermond', closedFrom: null });
  });

  it('refuses a unit number that is taken as UNIT_NUMBER_TAKEN on the field number', async () => {
    const answer = await mutate(ADD, { code: '15330041', name: 'Dubbel', number: 1 });
    expect(answer).to.deep.include({ __typename: 'Refused', refusal: 'UNIT_NUMBER_TAKEN', field: 'number' });
  });

  it('renames a unit and keeps its number', async () => {
    const answer = await mutate(RENAME, { code: '15330041', number: 2, name: 'Locatie Stevensweert-Oost' });
    expect(answer.units?.find((unit) => unit.number === 2)?.name).to.equal('Locatie Stevensweert-Oost');
  });

  it('refuses to rename a unit that does not exist as NOT_FOUND on the field number', async () => {
    const answer = await mutate(RENAME, { code: '15330041', number: 42, name: 'Nergens' });
    expect(answer).to.deep.include({ __typename: 'Refused', refusal: 'NOT_FOUND', field: 'number' });
  });

  it('accepts a delivery for a unit closed from tomorrow (delivery date before the closing date)', async () => {
    await mutate(CLOSE, { code: '11111111', number: 1, closedFrom: addDays(today, 1) });
    const delivery = await upload(server, submitter, '11111111_1_CAT_1.4_301_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect(delivery.__typename).to.equal('Delivery');
  });

  it('refuses a delivery for a unit closed from today as UNIT_CLOSED naming the unit and the date, at upload and at the name check', async () => {
    const closed = await mutate(CLOSE, { code: '11111111', number: 1, closedFrom: today });
    const name = '11111111_1_CAT_1.4_302_20260410_PROD.csv';
    const refused = await upload(server, submitter, name, example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    const check = expectOk(await asUser<{ checkDeliveryFileName: { problems: { code: string }[] } }>(server, submitter, CHECK, { name }));
    expect(closed.units?.find((unit) => unit.number === 1)?.closedFrom).to.equal(today);
    expect(refused).to.deep.include({ __typename: 'Refused', code: 'UNIT_CLOSED', field: 'unit' });
    expect(refused.message).to.include('Kinderziekenhuis Zuidermeer').and.include(today);
    expect(check.checkDeliveryFileName.problems.map((problem) => problem.code)).to.deep.equal(['UNIT_CLOSED']);
  });

  it('still accepts deliveries for the open unit 0 of the same institution', async () => {
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_303_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    expect(delivery.__typename).to.equal('Delivery');
  });

  it('records each unit change in the institution history', async () => {
    const history = expectOk(
      await asUser<{ institution: { history: { nodes: { action: string; objectType: string }[] } } }>(
        server,
        hub,
        '{ institution(code: "15330041") { history { nodes { action objectType } } } }',
      ),
    );
    expect(history.institution.history.nodes.map((row) => row.action)).to.include.members(['addInstitutionUnit', 'renameInstitutionUnit']);
    expect(history.institution.history.nodes.every((row) => row.objectType === 'InstitutionUnit' || row.action !== 'addInstitutionUnit')).to.equal(true);
  });
});
