import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { HeldRecord } from '../../../server/src/records/held-record.entity';
import { runDataRequestAftercare } from '../../../server/src/data-requests/module';
import { DATA_REQUEST_AFTERCARE, cronItems } from '../../../server/src/jobs/worker';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { settled, upload } from '../../support/deliveries';
import { uploadRequest } from '../../support/upload';
import { startTestServer, type TestServer } from '../../support/server';
import { createInstitution, createInstitutionUser, participate } from '../../support/delivery-rows';
import { Role } from '../../../server/src/kernel/role';

const REFUSAL = '... on Refusal { code message field parameters { name value } }';
const FIELDS = `id state usageEndsOn destructionDueOn firstDownloadedAt registerPublishedAt decidedAt
  extract { rowCount suppressedCells size sha256 createdBy }
  destruction { statement name function recordedByHub evidenceType evidenceSize }
  quote { signedName signedOnPaper signedCopySize signedCopySha256 invoiceDueOn paidOn }
  transitions { fromState toState actorName }`;
const RESULT = `__typename ... on DataRequest { ${FIELDS} } ${REFUSAL}`;
const CREATE = `mutation ($input: DataRequestFormInput!) { createDataRequest(input: $input) { ${RESULT} } }`;
const SUBMIT = `mutation ($id: ID!) { submitDataRequest(id: $id, acceptedProtocolVersion: "2.2") { ${RESULT} } }`;
const MOVE = `mutation ($input: MoveDataRequestInput!) { moveDataRequest(input: $input) { ${RESULT} } }`;
const CONFIRM = `mutation ($input: ConfirmKindInput!) { confirmDataRequestKind(input: $input) { ${RESULT} } }`;
const ASSESS = `mutation ($id: ID!) { recordDataRequestAssessment(id: $id, considerations: { legal: "l", privacy: "p", competition: "c", sector: "s" }) { ${RESULT} } }`;
const QUOTE = `mutation ($id: ID!, $fee: FeeInput!) { setDataRequestQuote(id: $id, fee: $fee) { __typename ${REFUSAL} } }`;
const SIGN = `mutation ($input: SignQuoteInput!, $file: Upload) { signDataRequestQuote(input: $input, signedCopy: $file) { ${RESULT} } }`;
const PREPARE = `mutation ($id: ID!) { prepareDataRequestExtract(id: $id) { ${RESULT} } }`;
const DESTROY = `mutation ($input: DestructionInput!, $file: Upload) { confirmDataRequestDestruction(input: $input, evidence: $file) { ${RESULT} } }`;
const INVOICE = `mutation ($id: ID!, $date: String!) { recordDataRequestInvoice(id: $id, invoiceDate: $date) { __typename ${REFUSAL} } }`;
const PAID = `mutation ($id: ID!, $on: String!) { markDataRequestInvoicePaid(id: $id, paidOn: $on) { __typename ... on DataRequestQuote { paidOn } ${REFUSAL} } }`;
const PUBLISH = `mutation ($id: ID!, $published: Boolean!) { setDataRequestRegisterEntry(id: $id, published: $published) { ${RESULT} } }`;
const REGISTER = `{ approvedDataRequestRegister(first: 50) { edges { node { id requesterOrganisation purpose dataset years decidedAt publishedAt } } } }`;
const QUEUE = `query ($filter: DataRequestFilterInput) { dataRequests(first: 50, filter: $filter) { edges { node { id } } } }`;
const ONE = `query ($id: ID!) { dataRequest(id: $id) { ${FIELDS} } }`;

interface Refusal {
  __typename: string;
  code: string;
}
interface RequestView extends Partial<Refusal> {
  id: string;
  state: string;
  usageEndsOn: string | null;
  destructionDueOn: string | null;
  firstDownloadedAt: string | null;
  extract: { rowCount: number; suppressedCells: number; size: number; sha256: string; createdBy: string } | null;
  destruction: { statement: string; recordedByHub: boolean; evidenceType: string | null; evidenceSize: number | null } | null;
  quote: { signedOnPaper: boolean; signedCopySize: number | null; signedCopySha256: string | null; invoiceDueOn: string | null; paidOn: string | null } | null;
  transitions: { fromState: string | null; toState: string; actorName: string }[];
}

const CSV_HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const csvRow = (id: string, patient: string, sex: string, post: string) => `${id},2026-02-03,${patient},1948,${sex},01,0.30,${post},1,N,`;
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A third party's commercial request for CAT 2026 of the test's own hospital at detail level; the purpose carries markup that must come out escaped. */
const FORM = {
  purpose: 'Marktanalyse <script>alert("x")</script> cataractzorg',
  usageContext: 'COMMERCIAL',
  dataset: 'CAT',
  fields: ['Geboortejaar', 'Geslacht', 'VaCCPO'],
  level: 'DETAIL',
  years: [2026],
  institutionSelection: 'LIST',
  /** The test's own hospital (set before the tests): the demo hospitals hold a delivery history of their own. */
  institutionCodes: [] as string[],
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  desiredDeliveryOn: '2027-06-01',
};

describe('data requests after the quote: extract, download, usage end, destruction, invoices, register', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let requester: string;
  let outsider: string;
  let admin: string;
  let adminEmail: string;
  let code: string;
  let id: string;

  /** Sets the server's clock to 10:00 in Amsterdam on this day, with tokens valid then. */
  const setToday = async (date: string) => {
    server.clock.advance(Date.parse(`${date}T09:00:00Z`) - server.clock.now().getTime());
    hub = await tokenFor(server, 'hub@datahub.test');
    requester = await tokenFor(server, 'verzoeker@onderzoek.test');
    outsider = await tokenFor(server, 'beheer@maasdal.test');
    admin = await tokenFor(server, adminEmail);
  };
  const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const data = expectOk(await asUser<Record<string, T>>(server, token, query, variables));
    return Object.values(data)[0] as T;
  };
  const withFile = async <T>(token: string, query: string, variables: Record<string, unknown>, file: { name: string; content: string | Uint8Array }) => {
    const response = await uploadRequest<Record<string, T>>(server.url, query, variables, file, {
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${token}`,
    });
    return Object.values(expectOk(response))[0] as T;
  };
  const move = (token: string, requestId: string, to: string, extra: Record<string, unknown> = {}) =>
    call<RequestView>(token, MOVE, { input: { id: requestId, to, ...extra } });
  const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const extract = (token: string) => get(`/api/data-requests/${id}/extract.csv`, token);
  const queue = async (filter: Record<string, unknown>) =>
    (await call<{ edges: { node: { id: string } }[] }>(hub, QUEUE, { filter })).edges.map((edge) => edge.node.id);
  /** The mails about this request to `to`, oldest first, quoted-printable soft breaks undone. */
  const mailsTo = (to: string) => {
    const outbox = path.join(server.dataDir, 'outbox');
    return readdirSync(outbox)
      .sort()
      .map((file) => readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
      .filter((text) => text.includes(`To: ${to}`) && text.includes(id));
  };

  before(async () => {
    server = await startTestServer();
    code = await createInstitution(server, 'Verzoekziekenhuis');
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    FORM.institutionCodes = [code];
    adminEmail = await createInstitutionUser(server, code, Role.LOCAL_ADMIN);
    const submitter = await tokenFor(server, await createInstitutionUser(server, code, Role.SUBMITTER, 'CAT'));
    const rows = [csvRow('X1', 'P-A', 'V', '0.90'), csvRow('X2', 'P-B', 'M', '0.80'), csvRow('X3', 'P-C', 'V', '0.70')];
    const delivery = await upload(server, submitter, `${code}_0_CAT_1.4_901_20260410_PROD.csv`, [CSV_HEADER, ...rows].join('\n') + '\n', { period: '2026K1' });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
  });

  it('third party, commercial: prepare refused before the signed quote, download refused; the quote document escapes the purpose and shows the fee lines in euros', async () => {
    await setToday('2027-01-11');
    const draft = await call<RequestView>(requester, CREATE, { input: FORM });
    id = draft.id;
    await call(requester, SUBMIT, { id });
    await call(hub, CONFIRM, { input: { id, kind: 'THIRD_PARTY', usageContext: 'COMMERCIAL' } });
    await move(hub, id, 'IN_ASSESSMENT');
    await call(hub, ASSESS, { id });
    const approved = await move(hub, id, 'APPROVED_WITH_CONDITIONS', {
      decision: { letter: 'Goedgekeurd; alleen <b>geaggregeerd</b> publiceren.', narrowedFields: ['Geslacht', 'VaCCPO'] },
    });
    expect(approved).to.include({ state: 'APPROVED_WITH_CONDITIONS' });
    expect(await call(hub, QUOTE, { id, fee: { weight: 2500, handling: [{ description: 'Afhandelingskosten', cents: 45_000 }] } })).to.include({
      __typename: 'DataRequestQuote',
    });
    // Before it is sent the requester does not see the quote document; hub staff do.
    expect((await get(`/api/data-requests/${id}/quote.html`, requester)).status).to.equal(404);
    await move(hub, id, 'QUOTE_SENT');

    const page = await get(`/api/data-requests/${id}/quote.html`, requester);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(page.headers.get('content-security-policy')).to.contain("script-src 'self'").and.to.contain("style-src 'self'");
    const html = (await page.text()).replace(/\u00a0/g, ' ');
    expect(html).to.contain('Marktanalyse &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; cataractzorg');
    expect(html).to.not.contain('<script').and.to.not.contain('<b>').and.to.not.contain('style=');
    expect(html).to.contain('Vergoeding registratiejaar 2026').and.to.contain('€ 7.750,00').and.to.contain('€ 450,00');
    expect(html).to.contain('€ 8.200,00').and.to.contain('€ 1.722,00').and.to.contain('€ 9.922,00');
    expect(html).to.contain('Geslacht, VaCCPO').and.to.contain('versie 2.2').and.to.contain('Handtekening');
    expect((await get(`/api/data-requests/${id}/quote.html`, outsider)).status).to.equal(404);
    expect((await get('/api/data-requests/quote.css', requester)).headers.get('content-type')).to.match(/^text\/css/);

    expect(await call(hub, PREPARE, { id })).to.include({ code: 'EXTRACT_NOT_NOW' });
    const early = await extract(requester);
    expect(early.status).to.equal(403);
    expect(await early.json()).to.deep.equal({ error: 'NOT_DELIVERED' });
  });

  it('hub staff record a signed copy received: a file that is no PDF is refused and nothing changes; the PDF is stored with its hash and served to the requester, not to others', async () => {
    const input = { id, name: 'Vera Verzoeker', function: 'Directeur' };
    expect(await withFile<Refusal>(hub, SIGN, { input }, { name: 'getekend.pdf', content: 'niet echt een pdf' })).to.include({ code: 'NOT_PDF' });
    expect(await call<RequestView>(hub, ONE, { id })).to.include({ state: 'QUOTE_SENT' });
    const signed = await withFile<RequestView>(hub, SIGN, { input }, { name: 'getekend.pdf', content: PDF });
    expect(signed).to.include({ state: 'QUOTE_SIGNED' });
    expect(signed.quote).to.include({ signedOnPaper: true, signedCopySize: Buffer.byteLength(PDF) });
    expect(signed.quote?.signedCopySha256).to.match(/^[0-9a-f]{64}$/);
    const copy = await get(`/api/data-requests/${id}/signed-quote.pdf`, requester);
    expect([copy.status, copy.headers.get('content-type'), await copy.text()]).to.deep.equal([200, 'application/pdf', PDF]);
    expect((await get(`/api/data-requests/${id}/signed-quote.pdf`, outsider)).status).to.equal(404);
  });

  it('delivery needs the extract; the extract holds exactly the narrowed fields of the held records, no record key or pseudonym; the first download moves it to IN_USE and is audited as an export', async () => {
    expect(await move(hub, id, 'DELIVERED')).to.include({ code: 'EXTRACT_MISSING' });
    const prepared = await call<RequestView>(hub, PREPARE, { id });
    expect(prepared.extract).to.include({ rowCount: 3, suppressedCells: 0, createdBy: 'Hanna de Hub' });
    expect((await extract(requester)).status).to.equal(403);

    await setToday('2027-05-31');
    const delivered = await move(hub, id, 'DELIVERED');
    expect(delivered).to.include({ state: 'DELIVERED', usageEndsOn: '2028-05-31', destructionDueOn: '2028-08-31' });
    expect((await extract(outsider)).status).to.equal(404);

    const response = await extract(requester);
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const text = await response.text();
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).to.equal('Geslacht,VaCCPO');
    expect(rows.sort()).to.deep.equal(['M,0.80', 'V,0.70', 'V,0.90']);
    const pseudonyms = (await server.datahub.orm.em.fork().find(HeldRecord, { recordKey: { $in: ['X1', 'X2', 'X3'] } })).map((row) =>
      String(row.payload.PatientCode),
    );
    expect(pseudonyms).to.have.length(3);
    for (const secret of [...pseudonyms, 'P-A', 'X1', '1948', code]) expect(text).to.not.contain(secret);

    const inUse = await call<RequestView>(requester, ONE, { id });
    expect(inUse.state).to.equal('IN_USE');
    expect(inUse.firstDownloadedAt).to.be.a('string');
    expect(inUse.transitions.at(-1)).to.include({ fromState: 'DELIVERED', toState: 'IN_USE', actorName: 'Vera Verzoeker' });
    const exports = await server.datahub.orm.em.fork().find(AuditEvent, { objectType: 'DataRequest', objectId: id, action: 'dataRequestExtract' });
    expect(exports.map((row) => row.event)).to.include('EXPORT');
    expect((await extract(hub)).status).to.equal(200);
  });

  it('the download closes the day after the usage right ends, before the daily task ran; the task then moves the request to USAGE_ENDED as SYSTEM, once', async () => {
    await setToday('2028-05-31');
    expect((await extract(requester)).status).to.equal(200);
    await setToday('2028-06-01');
    const closed = await extract(requester);
    expect(closed.status).to.equal(410);
    expect(await closed.json()).to.deep.equal({ error: 'USAGE_ENDED' });
    expect((await call<RequestView>(hub, ONE, { id })).state).to.equal('IN_USE');

    const first = await runDataRequestAftercare(server.datahub.services, '2028-06-01');
    expect(first.usageEnded).to.be.at.least(1);
    const ended = await call<RequestView>(hub, ONE, { id });
    expect(ended.state).to.equal('USAGE_ENDED');
    expect(ended.transitions.at(-1)).to.include({ fromState: 'IN_USE', toState: 'USAGE_ENDED', actorName: 'SYSTEM' });
    await runDataRequestAftercare(server.datahub.services, '2028-06-01');
    expect((await call<RequestView>(hub, ONE, { id })).transitions.filter((step) => step.toState === 'USAGE_ENDED')).to.have.length(1);
    expect((await extract(hub)).status).to.equal(410);
    const items = cronItems().filter((item) => item.task === DATA_REQUEST_AFTERCARE);
    expect(items).to.have.length(1);
  });

  it('reminders go to the requester one month and one week before the destruction deadline (31 August), each once; hub staff get one escalation when it is overdue, and the request shows as destruction overdue', async () => {
    const run = (asOf: string) => runDataRequestAftercare(server.datahub.services, asOf);
    await run('2028-07-30');
    expect(mailsTo('verzoeker@onderzoek.test')).to.have.length(0);
    await run('2028-07-31');
    await run('2028-07-31');
    await run('2028-08-10');
    const monthly = mailsTo('verzoeker@onderzoek.test');
    expect(monthly).to.have.length(1);
    expect(monthly[0]).to.contain('2028-08-31');
    await run('2028-08-24');
    await run('2028-08-25');
    await run('2028-08-31');
    expect(mailsTo('verzoeker@onderzoek.test')).to.have.length(2);
    expect(mailsTo('hub@datahub.test')).to.have.length(0);

    await setToday('2028-09-01');
    await run('2028-09-01');
    await run('2028-09-02');
    expect(mailsTo('hub@datahub.test')).to.have.length(1);
    expect(mailsTo('verzoeker@onderzoek.test')).to.have.length(2);
    const after = await call<RequestView & { destructionReminderMonthSentAt: string }>(hub, ONE, { id });
    expect(after.state).to.equal('USAGE_ENDED');
    expect(await queue({ destructionOverdue: true })).to.include(id);
  });

  it('the requester confirms the destruction with evidence (a PNG, judged by content; a text file is refused); it leaves the overdue list and hub staff can read the evidence back', async () => {
    const input = { id, statement: 'Alle bestanden en kopieën zijn permanent verwijderd.', name: 'Vera Verzoeker', function: 'Directeur' };
    expect(await call(outsider, DESTROY, { input })).to.include({ code: 'NOT_FOUND' });
    expect(await withFile<Refusal>(requester, DESTROY, { input }, { name: 'bewijs.png', content: 'gewoon tekst' })).to.include({ code: 'NOT_EVIDENCE_FILE' });
    expect(await call(requester, DESTROY, { input: { ...input, statement: ' ' } })).to.include({ code: 'TEXT_REQUIRED' });
    const confirmed = await withFile<RequestView>(requester, DESTROY, { input }, { name: 'bewijs.png', content: PNG });
    expect(confirmed).to.include({ state: 'DESTRUCTION_CONFIRMED' });
    expect(confirmed.destruction).to.include({ statement: input.statement, recordedByHub: false, evidenceType: 'PNG', evidenceSize: PNG.length });
    expect(await queue({ destructionOverdue: true })).to.not.include(id);
    const evidence = await get(`/api/data-requests/${id}/destruction-evidence`, hub);
    expect([evidence.status, evidence.headers.get('content-type')]).to.deep.equal([200, 'image/png']);
    expect(new Uint8Array(await evidence.arrayBuffer())).to.deep.equal(PNG);
    expect((await get(`/api/data-requests/${id}/destruction-evidence`, outsider)).status).to.equal(404);
    expect(await call(requester, DESTROY, { input })).to.include({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('an invoice past its due date is listed as overdue until hub staff mark it paid (audited)', async () => {
    expect(await call(hub, PAID, { id, on: '2028-09-01' })).to.include({ code: 'INVOICE_MISSING' });
    await call(hub, INVOICE, { id, date: '2028-08-01' });
    expect(await queue({ invoiceOverdue: true })).to.include(id);
    expect(await call(hub, PAID, { id, on: '2028-09-01' })).to.deep.include({ __typename: 'DataRequestQuote', paidOn: '2028-09-01' });
    expect(await queue({ invoiceOverdue: true })).to.not.include(id);
    const audited = await server.datahub.orm.em.fork().find(AuditEvent, { objectType: 'DataRequest', objectId: id, action: 'markDataRequestInvoicePaid' });
    expect(audited).to.have.length(1);
  });

  it('the register lists an approved request only while it is published, to any signed-in user; a draft cannot be published', async () => {
    const register = async (token: string) =>
      (
        await call<{ edges: { node: { id: string; purpose: string; dataset: string; years: number[]; requesterOrganisation: string } }[] }>(token, REGISTER, {})
      ).edges.map((edge) => edge.node);
    expect((await register(outsider)).map((entry) => entry.id)).to.not.include(id);
    const published = await call<RequestView & { registerPublishedAt: string | null }>(hub, PUBLISH, { id, published: true });
    expect(published.registerPublishedAt).to.be.a('string');
    const entry = (await register(outsider)).find((item) => item.id === id);
    expect(entry).to.deep.include({ purpose: FORM.purpose, dataset: 'CAT', years: [2026] });
    expect(entry?.requesterOrganisation).to.be.a('string').and.not.equal('');
    expect((await register(requester)).map((item) => item.id)).to.include(id);
    await call(hub, PUBLISH, { id, published: false });
    expect((await register(outsider)).map((item) => item.id)).to.not.include(id);

    const draft = await call<RequestView>(requester, CREATE, { input: FORM });
    expect(await call(hub, PUBLISH, { id: draft.id, published: true })).to.include({ code: 'NOT_IN_REGISTER' });
    const actions = (
      await server.datahub.orm.em.fork().find(AuditEvent, { objectId: id, action: 'setDataRequestRegisterEntry' }, { orderBy: { id: 'asc' } })
    ).map((row) => row.detail);
    expect(actions).to.deep.equal(['published', 'unpublished']);
  });

  it('LBZ is not held by the hub: preparing its extract is refused with DATASET_NOT_HELD, and delivery without it with EXTRACT_MISSING', async () => {
    await setToday('2027-05-28');
    const own = await call<RequestView>(admin, CREATE, {
      input: {
        ...FORM,
        purpose: 'Eigen LBZ-gegevens',
        usageContext: 'POLICY',
        dataset: 'LBZ',
        fields: ['Geslacht'],
        level: 'AGGREGATED',
        aggregation: 'per jaar',
        institutionSelection: 'OWN',
        institutionCodes: [],
      },
    });
    await call(admin, SUBMIT, { id: own.id });
    await call(hub, CONFIRM, { input: { id: own.id, kind: 'OWN_DATA', usageContext: 'POLICY' } });
    expect(await move(hub, own.id, 'APPROVED', { decision: { letter: 'Eigen gegevens.' } })).to.include({ state: 'APPROVED' });
    expect(await call(hub, PREPARE, { id: own.id })).to.include({ code: 'DATASET_NOT_HELD' });
    expect(await move(hub, own.id, 'DELIVERED')).to.include({ code: 'EXTRACT_MISSING' });
  });

  it('aggregated: counts per registration year and value, cells below 10 suppressed', async () => {
    await setToday('2027-05-28');
    const own = await call<RequestView>(admin, CREATE, {
      input: {
        ...FORM,
        purpose: 'Eigen cataractgegevens',
        usageContext: 'POLICY',
        fields: ['Geslacht'],
        level: 'AGGREGATED',
        aggregation: 'per jaar',
        institutionSelection: 'OWN',
        institutionCodes: [],
      },
    });
    await call(admin, SUBMIT, { id: own.id });
    await call(hub, CONFIRM, { input: { id: own.id, kind: 'OWN_DATA', usageContext: 'POLICY' } });
    await move(hub, own.id, 'APPROVED', { decision: { letter: 'Eigen gegevens.' } });
    const prepared = await call<RequestView>(hub, PREPARE, { id: own.id });
    expect(prepared.extract).to.include({ rowCount: 2, suppressedCells: 2 });
    await move(hub, own.id, 'DELIVERED');
    const text = await (await get(`/api/data-requests/${own.id}/extract.csv`, admin)).text();
    expect(text.trimEnd().split('\n')).to.deep.equal(['registratiejaar,Geslacht,aantal', '2026,M,<10', '2026,V,<10']);
  });
});
