import { expect } from 'chai';
import { RoleAssignment } from '../../../server/src/access/role-assignment.entity';
import { User } from '../../../server/src/access/user.entity';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { Role } from '../../../server/src/kernel/role';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const REQUEST_FIELDS = `id state kind kindConfirmed usageContext fields years identifyingData protocolVersion stepDueOn deliveredOn usageEndsOn destructionDueOn
  narrowedFields sourceCitation clonedFromId quote { perYearCents totalExclVatCents vatCents totalInclVatCents signedName signedOnPaper lines { kind year cents } }
  transitions { fromState toState actorName note }`;
const REFUSAL = '... on Refusal { code message field parameters { name value } }';
const RESULT = `__typename ... on DataRequest { ${REQUEST_FIELDS} } ${REFUSAL}`;
const CREATE = `mutation ($input: DataRequestFormInput!) { createDataRequest(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation ($id: ID!, $input: DataRequestFormInput!) { updateDataRequest(id: $id, input: $input) { ${RESULT} } }`;
const CLONE = `mutation ($id: ID!) { cloneDataRequest(id: $id) { ${RESULT} } }`;
const SUBMIT = `mutation ($id: ID!, $version: String!) { submitDataRequest(id: $id, acceptedProtocolVersion: $version) { ${RESULT} } }`;
const MOVE = `mutation ($input: MoveDataRequestInput!) { moveDataRequest(input: $input) { ${RESULT} } }`;
const CONFIRM = `mutation ($input: ConfirmKindInput!) { confirmDataRequestKind(input: $input) { ${RESULT} } }`;
const ASSESS = `mutation ($id: ID!) { recordDataRequestAssessment(id: $id, considerations: { legal: "Mededingingswet getoetst", privacy: "Alleen geaggregeerd", competition: "Geen bezwaar", sector: "Branche gehoord" }) { ${RESULT} } }`;
const ADVICE = `mutation ($id: ID!, $advice: String!) { recordCommitteeAdvice(id: $id, advice: $advice) { ${RESULT} } }`;
const CONSENT = `mutation ($input: GiveConsentInput!) { giveDataRequestConsent(input: $input) { __typename ... on DataRequestConsent { kind givenByName institution { code } } ${REFUSAL} } }`;
const AUTHORITY = `mutation ($input: SetAuthorityInput!) { setDataRequestAuthority(input: $input) { __typename ... on DataRequestAuthorities { authorities { kind institutionCode } } ${REFUSAL} } }`;
const PROPOSAL = `query ($id: ID!, $fee: FeeInput!) { dataRequestFeeProposal(id: $id, fee: $fee) { __typename ... on FeeProposalView { minPerYearCents maxPerYearCents weightedPerYearCents perYearCents deviates totalExclVatCents vatCents totalInclVatCents } ${REFUSAL} } }`;
const QUOTE = `mutation ($id: ID!, $fee: FeeInput!) { setDataRequestQuote(id: $id, fee: $fee) { __typename ... on DataRequestQuote { minPerYearCents maxPerYearCents perYearCents deviationReason totalExclVatCents vatCents totalInclVatCents lines { kind description year cents } } ${REFUSAL} } }`;
const SIGN = `mutation ($input: SignQuoteInput!) { signDataRequestQuote(input: $input) { ${RESULT} } }`;
const INVOICE = `mutation ($id: ID!, $date: String!) { recordDataRequestInvoice(id: $id, invoiceDate: $date) { __typename ... on DataRequestQuote { invoiceDate invoiceDueOn } ${REFUSAL} } }`;
const PREPARE = `mutation ($id: ID!) { prepareDataRequestExtract(id: $id) { ${RESULT} } }`;
const ONE = `query ($id: ID!) { dataRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const MINE = `{ myDataRequests(first: 50) { totalCount edges { node { id } } } }`;
const QUEUE = `query ($filter: DataRequestFilterInput) { dataRequests(first: 50, filter: $filter) { totalCount edges { node { id state stepDueOn } } } }`;
const ASKED = `query ($code: String!) { dataRequestsForInstitution(institutionCode: $code, first: 50) { totalCount edges { node { id } } } }`;
const CHECKLIST = `query ($dataset: String!) { dataRequestChecklist(dataset: $dataset) { name group footnote identifying } }`;

interface Refusal {
  __typename: string;
  code: string;
  message: string;
  field: string | null;
  parameters: { name: string; value: string }[];
}
interface RequestView extends Partial<Refusal> {
  id: string;
  state: string;
  kind: string | null;
  stepDueOn: string | null;
  deliveredOn: string | null;
  usageEndsOn: string | null;
  destructionDueOn: string | null;
  fields: string[];
  identifyingData: boolean;
  protocolVersion: string | null;
  narrowedFields: string[] | null;
  sourceCitation: string | null;
  clonedFromId: string | null;
  quote: {
    perYearCents: number;
    totalExclVatCents: number;
    vatCents: number;
    totalInclVatCents: number;
    signedName: string | null;
    signedOnPaper: boolean;
  } | null;
  transitions: { fromState: string | null; toState: string; actorName: string; note: string | null }[];
}

/** A complete LBZ form: aggregated, two registration years, every institution. */
const FORM = {
  purpose: 'Marktanalyse van de heupzorg per regio',
  usageContext: 'COMMERCIAL',
  dataset: 'LBZ',
  fields: ['Hoofddiagnose', 'Geslacht', 'Leeftijdscategorie'],
  level: 'AGGREGATED',
  aggregation: 'per regio per jaar',
  years: [2025, 2024],
  institutionSelection: 'ALL',
  periodFrom: '2024-01-01',
  periodTo: '2025-12-31',
  desiredDeliveryOn: '2027-03-01',
};

describe('data requests (gegevensverzoeken) over HTTP', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let requester: string;
  let admin: string;
  let otherAdmin: string;
  let amstelAdmin: string;
  let hubUserId: string;
  let adminUserId: string;

  /** Sets the server's clock to 10:00 in Amsterdam on this day. */
  const setToday = (date: string) => server.clock.advance(Date.parse(`${date}T09:00:00Z`) - server.clock.now().getTime());
  const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const data = expectOk(await asUser<Record<string, T>>(server, token, query, variables));
    return Object.values(data)[0] as T;
  };
  const create = (token: string, input: Record<string, unknown>) => call<RequestView>(token, CREATE, { input });
  const submit = (token: string, id: string, version = '2.2') => call<RequestView>(token, SUBMIT, { id, version });
  const move = (token: string, id: string, to: string, extra: Record<string, unknown> = {}) => call<RequestView>(token, MOVE, { input: { id, to, ...extra } });
  const confirm = (id: string, kind: string, usageContext = 'SCIENTIFIC') => call<RequestView>(hub, CONFIRM, { input: { id, kind, usageContext } });
  const decision = (letter = 'Uw verzoek is goedgekeurd.') => ({ decision: { letter } });
  const param = (refusal: Refusal, name: string) => refusal.parameters.find((item) => item.name === name)?.value;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    requester = await tokenFor(server, 'verzoeker@onderzoek.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    otherAdmin = await tokenFor(server, 'beheer@maasdal.test');
    const em = server.datahub.orm.em.fork();
    hubUserId = (await em.findOneOrFail(User, { email: 'hub@datahub.test' })).id;
    adminUserId = (await em.findOneOrFail(User, { email: 'beheer@zuidermeer.test' })).id;
    const amstel = await em.findOneOrFail(RoleAssignment, { role: Role.LOCAL_ADMIN, institution: { code: '12040017' } }, { populate: ['user'] });
    amstelAdmin = await tokenFor(server, amstel.user.getEntity().email);
  });

  it('third party, commercial: from draft to signed quote, with the fee bounds doubled and every step in the history', async () => {
    setToday('2026-12-22');
    const draft = await create(requester, { ...FORM, purpose: 'eerste versie' });
    expect(draft).to.include({ __typename: 'DataRequest', state: 'DRAFT', kind: null });
    expect(draft.fields).to.deep.equal(['Leeftijdscategorie', 'Geslacht', 'Hoofddiagnose']);
    expect(await call<RequestView>(requester, UPDATE, { id: draft.id, input: { purpose: FORM.purpose } })).to.include({ state: 'DRAFT' });

    expect(await submit(requester, draft.id, '2.1')).to.include({ code: 'PROTOCOL_NOT_ACCEPTED' });
    const submitted = await submit(requester, draft.id);
    // 5 working days from Tuesday 22 December: Christmas, Boxing Day and the weekend do not count.
    expect(submitted).to.include({ state: 'SUBMITTED', kind: 'THIRD_PARTY', protocolVersion: '2.2', stepDueOn: '2026-12-30' });
    expect(await call<RequestView>(requester, UPDATE, { id: draft.id, input: { purpose: 'later' } })).to.include({ code: 'NOT_EDITABLE' });

    expect(await move(hub, draft.id, 'IN_ASSESSMENT')).to.include({ code: 'KIND_NOT_CONFIRMED' });
    await confirm(draft.id, 'THIRD_PARTY', 'COMMERCIAL');
    // 20 working days past Christmas and New Year's Day.
    expect(await move(hub, draft.id, 'IN_ASSESSMENT')).to.include({ state: 'IN_ASSESSMENT', stepDueOn: '2027-01-21' });
    expect(await move(hub, draft.id, 'APPROVED', decision())).to.include({ code: 'ASSESSMENT_MISSING' });
    await call(hub, ASSESS, { id: draft.id });

    expect(await move(hub, draft.id, 'PRIVACY_COMMITTEE', { note: 'Commercieel gebruik' })).to.include({ state: 'PRIVACY_COMMITTEE' });
    expect(await call<Refusal>(hub, ADVICE, { id: draft.id, advice: 'Akkoord' })).to.include({ code: 'NOT_COMMITTEE_MEMBER' });
    expect(await move(hub, draft.id, 'APPROVED_WITH_CONDITIONS', decision())).to.include({ code: 'COMMITTEE_ADVICE_MISSING' });
    await call(hub, AUTHORITY, { input: { userId: hubUserId, kind: 'COMMITTEE', granted: true } });
    await call(hub, ADVICE, { id: draft.id, advice: 'Akkoord mits alleen geaggregeerd' });
    expect(await move(hub, draft.id, 'APPROVED_WITH_CONDITIONS', { decision: { letter: '' } })).to.include({ code: 'TEXT_REQUIRED' });
    const approved = await move(hub, draft.id, 'APPROVED_WITH_CONDITIONS', {
      decision: {
        letter: 'Goedgekeurd onder voorwaarden.',
        conditions: 'Niet publiceren per instelling.',
        narrowedFields: ['Hoofddiagnose', 'Leeftijdscategorie'],
      },
    });
    expect(approved).to.include({ state: 'APPROVED_WITH_CONDITIONS' });
    expect(approved.narrowedFields).to.deep.equal(['Leeftijdscategorie', 'Hoofddiagnose']);

    expect(await move(hub, draft.id, 'QUOTE_SENT')).to.include({ code: 'QUOTE_MISSING' });
    expect(await move(hub, draft.id, 'DELIVERED')).to.include({ code: 'TRANSITION_NOT_ALLOWED' });
    const proposal = await call<Record<string, number>>(hub, PROPOSAL, { id: draft.id, fee: { weight: 2500 } });
    expect(proposal).to.include({ minPerYearCents: 200_000, maxPerYearCents: 2_500_000, weightedPerYearCents: 775_000 });
    expect(await call<Refusal>(hub, QUOTE, { id: draft.id, fee: { weight: 0, feePerYearCents: 3_000_000 } })).to.include({ code: 'DEVIATION_REASON_REQUIRED' });
    const quote = await call<Record<string, unknown>>(hub, QUOTE, {
      id: draft.id,
      fee: { weight: 2500, handling: [{ description: 'Afhandelingskosten', cents: 45_000 }] },
    });
    expect(quote).to.include({ perYearCents: 775_000, totalExclVatCents: 1_595_000, vatCents: 334_950, totalInclVatCents: 1_929_950 });
    expect(quote.lines).to.have.length(3);

    expect(await move(hub, draft.id, 'QUOTE_SENT')).to.include({ state: 'QUOTE_SENT' });
    const seen = await call<RequestView>(requester, ONE, { id: draft.id });
    expect(seen.quote).to.include({ totalInclVatCents: 1_929_950 });
    expect(await move(requester, draft.id, 'QUOTE_SIGNED')).to.include({ code: 'SIGNATURE_REQUIRED' });
    const signed = await call<RequestView>(requester, SIGN, { input: { id: draft.id, name: 'Vera Verzoeker', function: 'Directeur' } });
    expect(signed).to.include({ state: 'QUOTE_SIGNED' });
    expect(signed.quote).to.include({ signedName: 'Vera Verzoeker', signedOnPaper: false });
    expect(await move(requester, draft.id, 'DELIVERED')).to.include({ code: 'TRANSITION_ROLE' });
    expect(await move(requester, draft.id, 'WITHDRAWN')).to.include({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(await call<Record<string, string>>(hub, INVOICE, { id: draft.id, date: '2026-12-24' })).to.include({ invoiceDueOn: '2027-01-07' });

    expect(signed.transitions.map((step) => step.toState)).to.deep.equal([
      'DRAFT',
      'SUBMITTED',
      'IN_ASSESSMENT',
      'PRIVACY_COMMITTEE',
      'APPROVED_WITH_CONDITIONS',
      'QUOTE_SENT',
      'QUOTE_SIGNED',
    ]);
    expect(signed.transitions[3]).to.include({ actorName: 'Hanna de Hub', note: 'Commercieel gebruik' });
    const audited = await server.datahub.orm.em.fork().find(AuditEvent, { objectType: 'DataRequest', objectId: draft.id }, { orderBy: { id: 'asc' } });
    expect(audited.map((row) => row.action)).to.include.members([
      'createDataRequest',
      'submitDataRequest',
      'moveDataRequest',
      'setDataRequestQuote',
      'signDataRequestQuote',
    ]);
  });

  it('own data: an institution asking for its own data skips assessment and quote; the usage right runs one year from delivery, destruction 3 calendar months later', async () => {
    setToday('2027-05-28');
    // A registry the hub holds (an LBZ extract is refused: the hub holds no LBZ records).
    const OWN_FORM = { ...FORM, usageContext: 'POLICY', institutionSelection: 'OWN', dataset: 'CAT', fields: ['Geslacht', 'Geboortejaar'] };
    const own = await create(admin, OWN_FORM);
    expect(await submit(admin, own.id)).to.include({ state: 'SUBMITTED', kind: 'OWN_DATA' });
    await confirm(own.id, 'OWN_DATA', 'POLICY');
    expect(await move(hub, own.id, 'IN_ASSESSMENT')).to.include({ code: 'KIND_MISMATCH' });
    expect(await move(hub, own.id, 'APPROVED', decision('Eigen gegevens: zonder toetsing.'))).to.include({ state: 'APPROVED' });
    setToday('2027-05-31');
    expect(await move(hub, own.id, 'DELIVERED')).to.include({ code: 'EXTRACT_MISSING' });
    await call(hub, PREPARE, { id: own.id });
    const delivered = await move(hub, own.id, 'DELIVERED');
    expect(delivered).to.include({ state: 'DELIVERED', deliveredOn: '2027-05-31', usageEndsOn: '2028-05-31', destructionDueOn: '2028-08-31' });
    expect(delivered.sourceCitation).to.equal('bron: Dutch Hospital Data, CAT, 2024, 2025');

    const short = await create(admin, { ...OWN_FORM, termMonths: 6 });
    await submit(admin, short.id);
    await confirm(short.id, 'OWN_DATA', 'POLICY');
    await move(hub, short.id, 'APPROVED', decision());
    await call(hub, PREPARE, { id: short.id });
    // 31 May + 6 months = 30 November; + 3 months has no 30 February: the month's last day (2028 is a leap year).
    expect(await move(hub, short.id, 'DELIVERED')).to.include({ usageEndsOn: '2027-11-30', destructionDueOn: '2028-02-29' });
  });

  it("joint: assessment is refused until every other institution's local administrator consented, naming those still missing; each finds the request in its list", async () => {
    setToday('2026-12-22');
    const joint = await create(admin, {
      ...FORM,
      usageContext: 'SCIENTIFIC',
      institutionSelection: 'LIST',
      institutionCodes: ['11111111', '15330041', '12040017'],
    });
    expect(await submit(admin, joint.id)).to.include({ kind: 'JOINT' });
    await confirm(joint.id, 'JOINT');
    const blocked = await move(hub, joint.id, 'IN_ASSESSMENT');
    expect(blocked).to.include({ code: 'CONSENTS_MISSING' });
    expect(param(blocked as Refusal, 'missing')).to.equal('Amstelwaard Academisch Ziekenhuis (12040017), Maasdal Medisch Centrum (15330041)');
    expect(await move(hub, joint.id, 'AWAITING_CONSENTS')).to.include({ state: 'AWAITING_CONSENTS' });

    expect(await call<Refusal>(otherAdmin, CONSENT, { input: { requestId: joint.id, institutionCode: '12040017', kind: 'CONSENT' } })).to.include({
      code: 'NOT_FOUND',
    });
    const given = await call<Record<string, unknown>>(otherAdmin, CONSENT, { input: { requestId: joint.id, institutionCode: '15330041', kind: 'CONSENT' } });
    expect(given).to.deep.include({ kind: 'CONSENT', givenByName: 'Mila Maasdal', institution: { code: '15330041' } });
    const stillBlocked = await move(hub, joint.id, 'IN_ASSESSMENT');
    expect(param(stillBlocked as Refusal, 'missing')).to.equal('Amstelwaard Academisch Ziekenhuis (12040017)');

    const askedOf = async (token: string, code: string) =>
      (await call<{ edges: { node: { id: string } }[] }>(token, ASKED, { code })).edges.map((edge) => edge.node.id);
    expect(await askedOf(amstelAdmin, '12040017')).to.include(joint.id);
    expect(await askedOf(admin, '11111111')).to.not.include(joint.id);
    expect(await askedOf(otherAdmin, '12040017')).to.deep.equal([]);
    await call(amstelAdmin, CONSENT, { input: { requestId: joint.id, institutionCode: '12040017', kind: 'CONSENT' } });
    expect(await move(hub, joint.id, 'IN_ASSESSMENT')).to.include({ state: 'IN_ASSESSMENT' });
  });

  it("identifying data is refused unless each institution concerned gave a written order signed off by a user with the director's authority; other institutions do not see the request", async () => {
    setToday('2026-12-22');
    const asked = await create(requester, {
      ...FORM,
      usageContext: 'SCIENTIFIC',
      institutionSelection: 'LIST',
      institutionCodes: ['11111111'],
      fields: ['Unieke identificatie patiënt', 'Geslacht'],
    });
    expect(asked).to.include({ identifyingData: true });
    await submit(requester, asked.id);
    await confirm(asked.id, 'THIRD_PARTY');
    await move(hub, asked.id, 'IN_ASSESSMENT');
    await call(hub, ASSESS, { id: asked.id });
    const refused = await move(hub, asked.id, 'APPROVED', decision());
    expect(refused).to.include({ code: 'WRITTEN_ORDERS_MISSING' });
    expect(param(refused as Refusal, 'missing')).to.equal('Universitair Medisch Centrum Zuidermeer (11111111)');

    expect(await call<RequestView | null>(admin, ONE, { id: asked.id })).to.include({ id: asked.id });
    expect(await call<RequestView | null>(otherAdmin, ONE, { id: asked.id })).to.equal(null);
    const order = { input: { requestId: asked.id, institutionCode: '11111111', kind: 'WRITTEN_ORDER' } };
    expect(await call<Refusal>(admin, CONSENT, order)).to.include({ code: 'NOT_DIRECTOR' });
    expect(await call<Refusal>(hub, AUTHORITY, { input: { userId: adminUserId, kind: 'DIRECTOR', institutionCode: '15330041', granted: true } })).to.include({
      code: 'UNKNOWN_INSTITUTION',
    });
    await call(hub, AUTHORITY, { input: { userId: adminUserId, kind: 'DIRECTOR', institutionCode: '11111111', granted: true } });
    expect(await call<Record<string, unknown>>(admin, CONSENT, order)).to.include({ kind: 'WRITTEN_ORDER' });
    expect(await move(hub, asked.id, 'APPROVED', decision())).to.include({ state: 'APPROVED' });
  });

  it("a registry's checklist holds only its non-identifying fields, and asking for an identifying one is refused, naming it", async () => {
    const fields = await call<{ name: string; identifying: boolean }[]>(requester, CHECKLIST, { dataset: 'CAT' });
    expect(fields.map((field) => field.name)).to.not.include('PatientCode');
    expect(fields.length).to.be.greaterThan(3);
    const refused = await create(requester, { ...FORM, dataset: 'CAT', fields: ['PatientCode', fields[0]?.name] });
    expect(refused).to.include({ code: 'IDENTIFYING_FIELDS' });
    expect(param(refused as Refusal, 'fields')).to.equal('PatientCode');
    const lbz = await call<{ name: string; group: string; footnote: string | null }[]>(requester, CHECKLIST, { dataset: 'LBZ' });
    expect(lbz.find((field) => field.name === 'Leeftijdscategorie')).to.include({ group: 'Patiënt' });
    expect(await create(requester, { ...FORM, dataset: 'NOPE' })).to.include({ code: 'UNKNOWN_DATASET' });
  });

  it('refuses moves the life cycle does not have or that are not for the role, naming from and to; the quote is never sent for a rejected request', async () => {
    setToday('2026-12-22');
    const draft = await create(requester, FORM);
    const skipped = await move(hub, draft.id, 'APPROVED', decision());
    expect(skipped).to.include({ code: 'TRANSITION_NOT_ALLOWED', field: 'to' });
    expect(param(skipped as Refusal, 'from')).to.equal('concept');
    expect(param(skipped as Refusal, 'to')).to.equal('goedgekeurd');
    expect(await submit(requester, (await create(requester, { purpose: 'half' })).id)).to.include({ code: 'DATA_REQUEST_INCOMPLETE' });

    await submit(requester, draft.id);
    expect(await move(requester, draft.id, 'IN_ASSESSMENT')).to.include({ code: 'TRANSITION_ROLE' });
    await confirm(draft.id, 'THIRD_PARTY');
    await move(hub, draft.id, 'IN_ASSESSMENT');
    await call(hub, ASSESS, { id: draft.id });
    expect(await move(hub, draft.id, 'REJECTED', decision('Afgewezen: doel te ruim.'))).to.include({ state: 'REJECTED' });
    expect(await move(hub, draft.id, 'QUOTE_SENT')).to.include({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(await call<Refusal>(hub, QUOTE, { id: draft.id, fee: { weight: 0 } })).to.include({ code: 'QUOTE_LOCKED' });
    expect(await move(requester, draft.id, 'WITHDRAWN')).to.include({ code: 'TRANSITION_NOT_ALLOWED' });

    const returned = await create(requester, FORM);
    await submit(requester, returned.id);
    expect(await move(hub, returned.id, 'RETURNED_FOR_CHANGES', { note: 'Doel verduidelijken' })).to.include({ state: 'RETURNED_FOR_CHANGES' });
    expect(await call<RequestView>(requester, UPDATE, { id: returned.id, input: { purpose: 'Verduidelijkt doel' } })).to.include({
      state: 'RETURNED_FOR_CHANGES',
    });
    expect(await submit(requester, returned.id)).to.include({ state: 'SUBMITTED' });
    expect(await move(requester, returned.id, 'WITHDRAWN')).to.include({ state: 'WITHDRAWN' });
  });

  it('a clone is a new draft with the same form; requesters list only their own organisation’s requests; hub staff see overdue steps', async () => {
    setToday('2026-12-22');
    const source = await create(requester, FORM);
    await submit(requester, source.id);
    const clone = await call<RequestView>(requester, CLONE, { id: source.id });
    expect(clone).to.include({ state: 'DRAFT', clonedFromId: source.id, protocolVersion: null });
    expect(clone.fields).to.deep.equal(source.fields);
    expect(await call<Refusal>(otherAdmin, CLONE, { id: source.id })).to.include({ code: 'NOT_FOUND' });

    const mine = await call<{ edges: { node: { id: string } }[] }>(requester, MINE, {});
    const ids = mine.edges.map((edge) => edge.node.id);
    expect(ids).to.include.members([source.id, clone.id]);
    const theirs = await call<{ edges: { node: { id: string } }[] }>(admin, MINE, {});
    expect(theirs.edges.map((edge) => edge.node.id)).to.not.include(source.id);

    const notYet = await call<{ edges: { node: { id: string } }[] }>(hub, QUEUE, { filter: { overdue: true } });
    expect(notYet.edges.map((edge) => edge.node.id)).to.not.include(source.id);
    setToday('2026-12-31');
    const overdue = await call<{ edges: { node: { id: string; stepDueOn: string } }[] }>(hub, QUEUE, { filter: { overdue: true, states: ['SUBMITTED'] } });
    expect(overdue.edges.map((edge) => edge.node.id)).to.include(source.id);
    expect(overdue.edges.map((edge) => edge.node.id)).to.not.include(clone.id);
  });
});
