import { expect } from 'chai';
import { todayInAmsterdam } from '../../../server/src/common/calendar';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { settled } from '../../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const TARGETS = '{ entryPortalTargets { institution { id code units { number } } subDelivery { id code } registry version dictionaryPath } }';
const DRAFT_FIELDS = 'id status errorCount warningCount period version values { field value } findings { code class field message } submittedIn { id }';
const SAVE = `mutation ($input: SaveEntryDraftInput!) { saveEntryDraft(input: $input) { __typename ... on EntryDraft { ${DRAFT_FIELDS} } ... on Refusal { code message field } } }`;
const DELETE = 'mutation ($id: ID!) { deleteEntryDraft(id: $id) { __typename ... on EntryDraft { id } ... on Refusal { code } } }';
const LIST = `query ($institutionId: ID!, $subDeliveryId: ID!, $period: Period!) { entryDrafts(institutionId: $institutionId, subDeliveryId: $subDeliveryId, period: $period) { totalCount nodes { ${DRAFT_FIELDS} } } }`;
const SUBMIT = `mutation ($institutionId: ID!, $subDeliveryId: ID!, $period: Period!, $unit: Int!) {
  submitEntryPeriod(institutionId: $institutionId, subDeliveryId: $subDeliveryId, period: $period, unit: $unit) {
    __typename ... on Delivery { id channel status } ... on Refusal { code message field } } }`;
const DELIVERY = 'query ($id: ID!) { delivery(id: $id) { id channel status acceptedCount recordCount period supersededBy { id } } }';

interface Draft {
  __typename: string;
  id: string;
  status: string;
  errorCount: number;
  values: { field: string; value: string }[];
  findings: { code: string; class: string; field: string | null; message: string }[];
  submittedIn: { id: string } | null;
  code?: string;
  message?: string;
  field?: string | null;
}

/** The current quarter (entries are for a period that has begun) and its first day, which is never after today. */
function currentQuarter(): { period: string; firstDay: string } {
  const today = todayInAmsterdam();
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return { period: `${year}K${quarter}`, firstDay: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` };
}

/** The quarter before the current one and its first day: a period of its own for the duplicate-key tests. */
function previousQuarter(): { period: string; firstDay: string } {
  const today = todayInAmsterdam();
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  if (quarter === 0) [year, quarter] = [year - 1, 4];
  return { period: `${year}K${quarter}`, firstDay: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` };
}

const PATIENT_CODE = 'PCDUIN77310';

function operation(id: string, date: string, overrides: Record<string, string> = {}): { field: string; value: string }[] {
  const values: Record<string, string> = {
    OperatieID: id,
    OperatieDatum: date,
    PatientCode: PATIENT_CODE,
    Geboortejaar: '1950',
    Geslacht: 'V',
    ODS: '01',
    VaCCPre: '0.30',
    VaCCPO: '0.90',
    Anesthesie: '1',
    Complicatie: 'N',
    ComplicatieType: '',
    ...overrides,
  };
  return Object.entries(values).map(([field, value]) => ({ field, value }));
}

describe('entry portal (Invoerportaal): drafts, submit and correction', function () {
  this.timeout(180000);
  let server: TestServer;
  let doctor: string;
  let portalSubmitter: string;
  let institutionId: string;
  let subDeliveryId: string;
  const { period, firstDay } = currentQuarter();
  const save = async (token: string, input: Record<string, unknown>) =>
    expectOk(await asUser<{ saveEntryDraft: Draft }>(server, token, SAVE, { input })).saveEntryDraft;
  const list = async () =>
    expectOk(await asUser<{ entryDrafts: { totalCount: number; nodes: Draft[] } }>(server, doctor, LIST, { institutionId, subDeliveryId, period })).entryDrafts;
  const submit = async (token: string, variables: Record<string, unknown>) =>
    expectOk(await asUser<{ submitEntryPeriod: { __typename: string; id: string; channel: string; code?: string } }>(server, token, SUBMIT, variables))
      .submitEntryPeriod;
  const delivery = async (id: string) =>
    expectOk(
      await asUser<{
        delivery: { id: string; channel: string; status: string; acceptedCount: number; recordCount: number; supersededBy: { id: string } | null };
      }>(server, doctor, DELIVERY, { id }),
    ).delivery;
  const draftInput = (values: { field: string; value: string }[], id?: string) => ({
    id,
    institutionId,
    unit: 0,
    subDeliveryId,
    version: '1.4',
    period,
    values,
  });

  let withError: Draft;
  let second: Draft;
  let third: Draft;
  let firstDelivery: string;

  before(async () => {
    server = await startTestServer();
    doctor = await tokenFor(server, 'arts@duinzicht.test');
    portalSubmitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it("offers the demo doctor the eye hospital's CAT stream, and a portal submitter nothing", async () => {
    const targets = expectOk(
      await asUser<{ entryPortalTargets: { institution: { id: string; code: string }; subDelivery: { id: string; code: string }; dictionaryPath: string }[] }>(
        server,
        doctor,
        TARGETS,
      ),
    ).entryPortalTargets;
    expect(targets.map((target) => [target.institution.code, target.subDelivery.code, target.dictionaryPath])).to.deep.equal([
      ['22070112', 'Cataract', 'CAT/Cataract/1.4'],
    ]);
    institutionId = targets[0]!.institution.id;
    subDeliveryId = targets[0]!.subDelivery.id;
    expect(expectOk(await asUser<{ entryPortalTargets: unknown[] }>(server, portalSubmitter, TARGETS)).entryPortalTargets).to.deep.equal([]);
  });

  it("saves a draft with errors, with the engine's codes and messages in the caller's language", async () => {
    withError = await save(doctor, draftInput(operation('DZ1001', firstDay, { Geboortejaar: '2099', Geslacht: '', Complicatie: 'J' })));
    expect(withError.__typename).to.equal('EntryDraft');
    expect(withError.status).to.equal('HAS_ERRORS');
    const byCode = Object.fromEntries(withError.findings.map((finding) => [finding.code, finding]));
    expect(byCode['003_Y_EQ']).to.include({ class: 'F', field: 'Geboortejaar' });
    expect(byCode['003_Y_EQ']!.message).to.equal('Geboortejaar bevat waarde 2099, deze waarde is te hoog. De waarde is hoger dan Operatiejaar');
    expect(byCode['000_Req']).to.include({ field: 'Geslacht' });
    expect(byCode['010_Cond']).to.include({ field: 'ComplicatieType' });
    expect(withError.errorCount).to.equal(3);
  });

  it('lists which entries of the period have errors', async () => {
    second = await save(doctor, draftInput(operation('DZ1002', firstDay, { ODS: '02' })));
    third = await save(doctor, draftInput(operation('DZ1003', firstDay, { Complicatie: 'J', ComplicatieType: '01' })));
    expect(second.status).to.equal('COMPLETE');
    const page = await list();
    expect(page.totalCount).to.equal(3);
    expect(page.nodes.map((draft) => [draft.id, draft.status])).to.deep.equal([
      [withError.id, 'HAS_ERRORS'],
      [second.id, 'COMPLETE'],
      [third.id, 'COMPLETE'],
    ]);
  });

  it('keeps nothing of the values in clear: the stored row holds a sealed text and the finding summary only', async () => {
    const rows = await ownerQuery(server, 'select * from entry_draft where institution_id = $1', [institutionId]);
    expect(rows).to.have.length(3);
    const stored = JSON.stringify(rows);
    for (const value of [PATIENT_CODE, 'DZ1001', 'DZ1002', firstDay, '2099', '0.30']) expect(stored, value).to.not.include(value);
    expect(rows.map((row) => row['finding_summary'])).to.deep.include([
      { code: '000_Req', class: 'F', field: 'Geslacht', count: 1 },
      { code: '010_Cond', class: 'F', field: 'ComplicatieType', count: 1 },
      { code: '003_Y_EQ', class: 'F', field: 'Geboortejaar', count: 1 },
    ]);
    // The doctor reads them back through the API.
    expect(second.values.find((value) => value.field === 'PatientCode')?.value).to.equal(PATIENT_CODE);
  });

  it('audits each read of an entry once per request, whether its values or its findings are asked for, and a list without them not at all', async () => {
    const reads = async () =>
      (await ownerQuery(server, `select object_id from audit_event where action = 'readEntryDraft' and institution_id = $1`, [institutionId])).map(
        (row) => row['object_id'] as string,
      );
    const before = await reads();
    expectOk(
      await asUser(server, doctor, 'query ($id: ID!) { entryDraft(id: $id) { ... on EntryDraft { values { value } findings { message } } } }', {
        id: second.id,
      }),
    );
    expectOk(
      await asUser(
        server,
        doctor,
        'query ($i: ID!, $s: ID!, $p: Period!) { entryDrafts(institutionId: $i, subDeliveryId: $s, period: $p) { nodes { id status } } }',
        { i: institutionId, s: subDeliveryId, p: period },
      ),
    );
    const after = await reads();
    expect(after.length - before.length).to.equal(1);
    expect(after.filter((id) => id === second.id).length - before.filter((id) => id === second.id).length).to.equal(1);
  });

  it('refuses a stranger and a portal institution: NOT_FOUND for what is not theirs, CHANNEL_NOT_ACTIVE where the channel is the portal', async () => {
    expect(await save(portalSubmitter, draftInput(operation('X1', firstDay)))).to.include({ __typename: 'Refused', code: 'NOT_FOUND' });
    const zuidermeer = (await ownerQuery<{ id: string }>(server, `select id from institution where code = '11111111'`))[0]!.id;
    const portal = await save(portalSubmitter, { ...draftInput(operation('X1', firstDay)), institutionId: zuidermeer });
    expect(portal).to.include({ __typename: 'Refused', code: 'CHANNEL_NOT_ACTIVE' });
    expect(portal.message).to.include('Invoerportaal');
    expect(await submit(portalSubmitter, { institutionId: zuidermeer, subDeliveryId, period, unit: 0 })).to.include({ code: 'CHANNEL_NOT_ACTIVE' });
    expect(expectOk(await asUser<{ deleteEntryDraft: Draft }>(server, portalSubmitter, DELETE, { id: second.id })).deleteEntryDraft).to.include({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to submit a period without entries', async () => {
    expect(await submit(doctor, { institutionId, subDeliveryId, period: '2026K1', unit: 0 })).to.include({ __typename: 'Refused', code: 'NO_ENTRIES' });
  });

  it('deletes an entry', async () => {
    const extra = await save(doctor, draftInput(operation('DZ1099', firstDay)));
    expect(expectOk(await asUser<{ deleteEntryDraft: Draft }>(server, doctor, DELETE, { id: extra.id })).deleteEntryDraft).to.include({ id: extra.id });
    expect((await list()).totalCount).to.equal(3);
  });

  it('submits the period as a delivery through ENTRY_PORTAL that the worker processes into the record store', async () => {
    const fixed = await save(doctor, draftInput(operation('DZ1001', firstDay), withError.id));
    expect(fixed).to.include({ id: withError.id, status: 'COMPLETE' });
    const submitted = await submit(doctor, { institutionId, subDeliveryId, period, unit: 0 });
    expect(submitted).to.include({ __typename: 'Delivery', channel: 'ENTRY_PORTAL' });
    firstDelivery = submitted.id;
    await settled(server, firstDelivery);
    expect(await delivery(firstDelivery)).to.include({ channel: 'ENTRY_PORTAL', status: 'PROCESSED', recordCount: 3, acceptedCount: 3 });
    const held = await ownerQuery<{ n: number }>(server, 'select count(*)::int as n from held_record where delivery_id = $1 and not withdrawn', [
      firstDelivery,
    ]);
    expect(held[0]!.n).to.equal(3);
    expect((await list()).nodes.map((draft) => [draft.status, draft.submittedIn?.id])).to.deep.equal([
      ['SUBMITTED', firstDelivery],
      ['SUBMITTED', firstDelivery],
      ['SUBMITTED', firstDelivery],
    ]);
    const audit = await ownerQuery<{ action: string }>(
      server,
      `select distinct action from audit_event where action in ('saveEntryDraft', 'deleteEntryDraft', 'submitEntryPeriod') order by action`,
    );
    expect(audit.map((row) => row.action)).to.deep.equal(['deleteEntryDraft', 'saveEntryDraft', 'submitEntryPeriod']);
  });

  it('a correction after submission re-delivers the whole period; the new delivery supersedes the first and withdraws the removed entry', async () => {
    const changed = await save(doctor, draftInput(operation('DZ1002', firstDay, { ODS: '02', VaCCPO: '1.00' }), second.id));
    expect(changed.status).to.equal('COMPLETE');
    expect(expectOk(await asUser<{ deleteEntryDraft: Draft }>(server, doctor, DELETE, { id: third.id })).deleteEntryDraft).to.include({ id: third.id });
    const again = await submit(doctor, { institutionId, subDeliveryId, period, unit: 0 });
    expect(again).to.include({ __typename: 'Delivery', channel: 'ENTRY_PORTAL' });
    expect(again.id).to.not.equal(firstDelivery);
    await settled(server, again.id);
    // The changed record is updated in the store, which its report says (T02, a warning): nothing else.
    expect(await delivery(again.id)).to.include({ status: 'PROCESSED_WITH_ERRORS', recordCount: 2, acceptedCount: 2 });
    const lines = await ownerQuery<{ code: string; key_values: Record<string, string> }>(
      server,
      'select code, key_values from report_line where delivery_id = $1',
      [again.id],
    );
    expect(lines.map((line) => [line.code, line.key_values['OperatieID']])).to.deep.equal([['T02', 'DZ1002']]);
    expect((await delivery(firstDelivery)).supersededBy).to.deep.equal({ id: again.id });
    const current = await ownerQuery<{ n: number }>(
      server,
      'select count(*)::int as n from held_record where institution_id = $1 and sub_delivery_id = $2 and not withdrawn and delivery_id in ($3, $4)',
      [institutionId, subDeliveryId, firstDelivery, again.id],
    );
    expect(current[0]!.n, 'the two entries still there are current, the removed one withdrawn').to.equal(2);
  });
  describe('a record key entered twice in a period (005)', () => {
    const earlier = previousQuarter();
    const inEarlier = (values: { field: string; value: string }[], id?: string) => ({ ...draftInput(values, id), period: earlier.period });
    const listEarlier = async () =>
      expectOk(
        await asUser<{ entryDrafts: { totalCount: number; nodes: Draft[] } }>(server, doctor, LIST, { institutionId, subDeliveryId, period: earlier.period }),
      ).entryDrafts.nodes;
    const duplicate = (draft: Draft) => draft.findings.filter((finding) => finding.code === '005');
    let first: Draft;
    let again: Draft;

    it("reports the engine's 005, with its own message, on the second entry when it is saved and on the first in the list", async () => {
      first = await save(doctor, inEarlier(operation('DZ2001', earlier.firstDay)));
      expect(first).to.include({ status: 'COMPLETE', errorCount: 0 });
      again = await save(doctor, inEarlier(operation('DZ2001', earlier.firstDay, { PatientCode: 'PCDUIN88420', ODS: '02' })));
      expect(again).to.include({ status: 'HAS_ERRORS', errorCount: 1 });
      expect(duplicate(again)).to.deep.equal([{ code: '005', class: 'F', field: null, message: 'Rij komt meerdere malen voor in het bestand.' }]);
      const nodes = await listEarlier();
      expect(nodes.map((draft) => [draft.id, draft.status, draft.errorCount, duplicate(draft).length])).to.deep.equal([
        [first.id, 'HAS_ERRORS', 1, 1],
        [again.id, 'HAS_ERRORS', 1, 1],
      ]);
      // The stored summary names the code only: no key value is kept in clear, nor a hash of it.
      const rows = await ownerQuery(server, 'select * from entry_draft where id = any($1::uuid[])', [[first.id, again.id]]);
      expect(JSON.stringify(rows)).to.not.include('DZ2001');
      expect(rows.map((row) => row['finding_summary'])).to.deep.equal([
        [{ code: '005', class: 'F', field: null, count: 1 }],
        [{ code: '005', class: 'F', field: null, count: 1 }],
      ]);
    });

    it('clears 005 from both entries when either key is corrected, and from the one left when the other is deleted', async () => {
      const fixed = await save(doctor, inEarlier(operation('DZ2002', earlier.firstDay, { PatientCode: 'PCDUIN88420', ODS: '02' }), again.id));
      expect(fixed).to.include({ status: 'COMPLETE', errorCount: 0 });
      expect(duplicate(fixed)).to.deep.equal([]);
      expect((await listEarlier()).map((draft) => [draft.status, draft.errorCount, duplicate(draft).length])).to.deep.equal([
        ['COMPLETE', 0, 0],
        ['COMPLETE', 0, 0],
      ]);
      const third = await save(doctor, inEarlier(operation('DZ2001', earlier.firstDay, { ODS: '02' })));
      expect(third).to.include({ status: 'HAS_ERRORS', errorCount: 1 });
      expect(expectOk(await asUser<{ deleteEntryDraft: Draft }>(server, doctor, DELETE, { id: first.id })).deleteEntryDraft).to.include({ id: first.id });
      expect((await listEarlier()).map((draft) => [draft.id, draft.status, duplicate(draft).length])).to.deep.equal([
        [again.id, 'COMPLETE', 0],
        [third.id, 'COMPLETE', 0],
      ]);
    });

    it('compares keys within a period only: moving an entry to another period takes its 005 along and leaves none behind', async () => {
      const nodes = await listEarlier();
      const [kept, moved] = nodes as [Draft, Draft];
      // The same key as the kept entry, saved in the current period: no 005 there.
      const elsewhere = await save(doctor, draftInput(operation('DZ2002', firstDay, { PatientCode: 'PCDUIN88420' })));
      expect(duplicate(elsewhere)).to.deep.equal([]);
      const collided = await save(doctor, inEarlier(operation('DZ2002', earlier.firstDay), moved.id));
      expect(duplicate(collided)).to.have.length(1);
      const back = await save(doctor, draftInput(operation('DZ3001', firstDay), moved.id));
      expect(duplicate(back)).to.deep.equal([]);
      expect((await listEarlier()).map((draft) => [draft.id, draft.status])).to.deep.equal([[kept.id, 'COMPLETE']]);
      for (const id of [elsewhere.id, back.id]) expectOk(await asUser(server, doctor, DELETE, { id }));
    });
  });
});
