import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import { runDataRequestAftercare } from '../../server/src/data-requests/module';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { settled, upload } from '../support/deliveries';
import { ownerQuery, startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const REFUSAL = '... on Refusal { code message }';
const RESULT = `__typename ... on DataRequest { id state } ${REFUSAL}`;
const CREATE = `mutation ($input: DataRequestFormInput!) { createDataRequest(input: $input) { ${RESULT} } }`;
const SUBMIT = `mutation ($id: ID!) { submitDataRequest(id: $id, acceptedProtocolVersion: "2.2") { ${RESULT} } }`;
const MOVE = `mutation ($input: MoveDataRequestInput!) { moveDataRequest(input: $input) { ${RESULT} } }`;
const CONFIRM = `mutation ($input: ConfirmKindInput!) { confirmDataRequestKind(input: $input) { ${RESULT} } }`;
const ASSESS = `mutation ($id: ID!) { recordDataRequestAssessment(id: $id, considerations: { legal: "l", privacy: "p", competition: "c", sector: "s" }) { ${RESULT} } }`;
const QUOTE = `mutation ($id: ID!, $fee: FeeInput!) { setDataRequestQuote(id: $id, fee: $fee) { __typename ${REFUSAL} } }`;
const SIGN = `mutation ($input: SignQuoteInput!) { signDataRequestQuote(input: $input) { ${RESULT} } }`;
const PREPARE = `mutation ($id: ID!) { prepareDataRequestExtract(id: $id) { ${RESULT} } }`;
const INVOICE = `mutation ($id: ID!, $date: String!) { recordDataRequestInvoice(id: $id, invoiceDate: $date) { __typename ${REFUSAL} } }`;
const ONE = `query ($id: ID!) { dataRequest(id: $id) { state firstDownloadedAt registerPublishedAt destruction { name function recordedByHub evidenceType } } }`;

const CSV_HEADER = 'OperatieID,OperatieDatum,PatientCode,Geboortejaar,Geslacht,ODS,VaCCPre,VaCCPO,Anesthesie,Complicatie,ComplicatieType';
const csvRow = (id: string, patient: string, sex: string, post: string) => `${id},2026-02-03,${patient},1948,${sex},01,0.30,${post},1,N,`;
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PURPOSE = 'Marktanalyse cataractzorg voor de registerpagina';

/** The text of an element as a person reads it: Intl's non-breaking spaces as plain ones. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('console: a data request from the signed quote to the destruction statement, in Chromium', function () {
  this.timeout(240000);
  let browser: Browser;
  let server: TestServer;
  /** Uncaught errors and console errors of every page: there must be none. */
  const errors: string[] = [];

  const watch = (page: Page): Page => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    return page;
  };
  const newPage = async () => watch(await (await browser.newContext({ locale: 'nl-NL' })).newPage());

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    // Three held CAT records of Zuidermeer for 2026: what the extract is made of.
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const rows = [csvRow('X1', 'P-A', 'V', '0.90'), csvRow('X2', 'P-B', 'M', '0.80'), csvRow('X3', 'P-C', 'V', '0.70')];
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_901_20260410_PROD.csv', [CSV_HEADER, ...rows].join('\n') + '\n', { period: '2026K1' });
    expect((await settled(server, delivery.id)).status).to.equal('PROCESSED');
  });
  after(async () => {
    await browser?.close();
  });

  it('hub staff make the extract and deliver; the requester downloads the narrowed CSV (IN_USE); hub staff publish it and the register shows it; after the usage right ends the requester confirms the destruction with evidence', async () => {
    // Setup through the API up to the signed quote: a third party's commercial request for CAT 2026, narrowed to two fields.
    const hubToken = await tokenFor(server, 'hub@datahub.test');
    const requesterToken = await tokenFor(server, 'verzoeker@onderzoek.test');
    const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
      const answer = Object.values(expectOk(await asUser<Record<string, T & { __typename: string }>>(server, token, query, variables)))[0] as T & {
        __typename: string;
      };
      expect(answer.__typename).to.not.equal('Refused');
      return answer;
    };
    const created = await call<{ id: string }>(requesterToken, CREATE, {
      input: {
        purpose: PURPOSE,
        usageContext: 'COMMERCIAL',
        dataset: 'CAT',
        fields: ['Geboortejaar', 'Geslacht', 'VaCCPO'],
        level: 'DETAIL',
        years: [2026],
        institutionSelection: 'LIST',
        institutionCodes: ['11111111'],
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        desiredDeliveryOn: '2027-06-01',
      },
    });
    const id = created.id;
    await call(requesterToken, SUBMIT, { id });
    await call(hubToken, CONFIRM, { input: { id, kind: 'THIRD_PARTY', usageContext: 'COMMERCIAL' } });
    await call(hubToken, MOVE, { input: { id, to: 'IN_ASSESSMENT' } });
    await call(hubToken, ASSESS, { id });
    await call(hubToken, MOVE, { input: { id, to: 'APPROVED_WITH_CONDITIONS', decision: { letter: 'Goedgekeurd.', narrowedFields: ['Geslacht', 'VaCCPO'] } } });
    await call(hubToken, QUOTE, { id, fee: { weight: 2500, handling: [] } });
    await call(hubToken, MOVE, { input: { id, to: 'QUOTE_SENT' } });
    expect(await call(requesterToken, SIGN, { input: { id, name: 'Vera Verzoeker', function: 'Directeur' } })).to.include({ state: 'QUOTE_SIGNED' });
    const stored = async () =>
      expectOk(
        await asUser<{
          dataRequest: {
            state: string;
            firstDownloadedAt: string | null;
            registerPublishedAt: string | null;
            destruction: { name: string; function: string; recordedByHub: boolean; evidenceType: string | null } | null;
          };
        }>(server, hubToken, ONE, { id }),
      ).dataRequest;

    // Hub staff: the extract (the three records above among the demo data's), then the move to DELIVERED.
    const hub = await newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
    await hub.goto(`${server.url}/beheer/gegevensverzoeken/${id}`);
    await hub.getByTestId('data-request-state').getByText('Offerte getekend').waitFor();
    await hub.getByTestId('quote-document').waitFor();
    await hub.getByTestId('hub-extract').click();
    await hub.getByText('Extract gemaakt.').waitFor();
    const info = await textOf(hub.getByTestId('extract-info'));
    expect(info).to.match(/^\d+ rijen, .+ — gemaakt door Hanna de Hub op /);
    const rowCount = Number(/^(\d+) rijen/.exec(info)?.[1]);
    expect(rowCount).to.be.at.least(3);
    await hub.getByTestId('hub-move-DELIVERED').click();
    await hub.getByTestId('move-submit').click();
    await hub.getByTestId('data-request-state').getByText('Geleverd').waitFor();

    // The requester: the download link with the usage end; the CSV holds the narrowed fields; the first download makes it IN_USE.
    const requester = await newPage();
    await logInWithMailedCode(requester, server, 'verzoeker@onderzoek.test');
    await requester.goto(`${server.url}/gegevensverzoeken/${id}`);
    const delivery = requester.getByTestId('delivery-panel');
    await delivery.getByTestId('extract-download').waitFor();
    expect(await textOf(delivery)).to.include('U mag de gegevens gebruiken tot en met');
    const href = (await delivery.getByTestId('extract-download').getAttribute('href')) ?? '';
    expect(href).to.equal(`/api/data-requests/${id}/extract.csv`);
    const download = await requester.context().request.get(`${server.url}${href}`);
    expect(download.status()).to.equal(200);
    const [header, ...lines] = (await download.text()).trimEnd().split('\n');
    expect(header).to.equal('Geslacht,VaCCPO');
    expect(lines).to.have.length(rowCount).and.include.members(['M,0.80', 'V,0.70', 'V,0.90']);
    // The page, loaded before that download, still says Geleverd; a click on the link downloads and the page reads the request again by itself.
    expect(await textOf(requester.getByTestId('data-request-state'))).to.equal('Geleverd');
    const [file] = await Promise.all([requester.waitForEvent('download'), delivery.getByTestId('extract-download').click()]);
    expect(file.suggestedFilename()).to.match(/\.csv$/);
    await requester.getByTestId('data-request-state').getByText('In gebruik').waitFor();
    await requester.getByTestId('extract-first-download').waitFor();
    expect((await stored()).state).to.equal('IN_USE');

    // Hub staff publish it in the register; the requester finds it on Register van verzoeken.
    await hub.reload();
    await hub.getByTestId('data-request-state').getByText('In gebruik').waitFor();
    await hub.getByTestId('hub-register').click();
    await hub.getByText('Opgenomen in het register.').waitFor();
    expect((await stored()).registerPublishedAt).to.be.a('string');
    await requester.getByRole('link', { name: 'Register van verzoeken' }).click();
    await requester.waitForURL(/\/gegevensverzoeken\/register$/);
    const register = requester.getByTestId('data-request-register');
    await register.getByText(PURPOSE).waitFor();
    expect(await textOf(register))
      .to.include('CAT')
      .and.include('2026');

    // The usage right ends (its end moved into the past; the daily task moves the request).
    await ownerQuery(server, `UPDATE data_request SET usage_ends_on = current_date - 2, destruction_due_on = current_date + 60 WHERE id = $1`, [id]);
    const outcome = await runDataRequestAftercare(server.datahub.services);
    expect(outcome.usageEnded).to.equal(1);
    expect((await stored()).state).to.equal('USAGE_ENDED');

    // The requester confirms the destruction with a PNG as evidence.
    await requester.goto(`${server.url}/gegevensverzoeken/${id}`);
    await requester.getByTestId('data-request-state').getByText('Gebruik beëindigd').waitFor();
    expect(await requester.getByTestId('extract-download').count()).to.equal(0);
    await requester.getByTestId('destruction-due').waitFor();
    await requester.getByTestId('destruction-statement').fill('Alle bestanden en kopieën zijn permanent verwijderd.');
    await requester.getByTestId('destruction-name').fill('Vera Verzoeker');
    await requester.getByTestId('destruction-function').fill('Directeur');
    await requester.getByTestId('destruction-file').setInputFiles({ name: 'bewijs.png', mimeType: 'image/png', buffer: PNG });
    await requester.getByTestId('destruction-submit').click();
    await requester.getByText('Vernietiging bevestigd.').first().waitFor();
    await requester.getByTestId('data-request-state').getByText('Vernietiging bevestigd').waitFor();
    expect(await textOf(requester.getByTestId('destruction-confirmed'))).to.match(/^Bevestigd door Vera Verzoeker \(Directeur\) op /);
    await requester.getByTestId('destruction-evidence').waitFor();
    expect((await stored()).destruction).to.deep.equal({ name: 'Vera Verzoeker', function: 'Directeur', recordedByHub: false, evidenceType: 'PNG' });
    expect(errors).to.deep.equal([]);
  });
});

describe('console: hub staff after the quote — a signed copy received with its PDF, an overdue invoice marked paid, an overdue destruction recorded on receipt, in Chromium', function () {
  this.timeout(240000);
  let browser: Browser;
  let server: TestServer;
  const errors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('the signed PDF is stored and linked; the invoice is listed under Factuur te laat until marked paid; the destruction is listed under Vernietiging te laat until hub staff record the statement received', async () => {
    const hubToken = await tokenFor(server, 'hub@datahub.test');
    const adminToken = await tokenFor(server, 'beheer@zuidermeer.test');
    const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
      const answer = Object.values(expectOk(await asUser<Record<string, T & { __typename: string }>>(server, token, query, variables)))[0] as T & {
        __typename: string;
      };
      expect(answer.__typename).to.not.equal('Refused');
      return answer;
    };
    // Zuidermeer asks for CAT counts; hub staff handle it as a third party's, so it takes the quote route: up to the sent quote.
    const created = await call<{ id: string }>(adminToken, CREATE, {
      input: {
        purpose: 'Eigen cataractgegevens voor de jaarrapportage',
        usageContext: 'POLICY',
        dataset: 'CAT',
        fields: ['Geslacht'],
        level: 'AGGREGATED',
        aggregation: 'per jaar',
        years: [2025],
        institutionSelection: 'OWN',
        institutionCodes: [],
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        desiredDeliveryOn: '2027-06-01',
      },
    });
    const id = created.id;
    await call(adminToken, SUBMIT, { id });
    await call(hubToken, CONFIRM, { input: { id, kind: 'THIRD_PARTY', usageContext: 'POLICY' } });
    await call(hubToken, MOVE, { input: { id, to: 'IN_ASSESSMENT' } });
    await call(hubToken, ASSESS, { id });
    await call(hubToken, MOVE, { input: { id, to: 'APPROVED', decision: { letter: 'Goedgekeurd.' } } });
    await call(hubToken, QUOTE, { id, fee: { weight: 0, handling: [] } });
    await call(hubToken, MOVE, { input: { id, to: 'QUOTE_SENT' } });

    const context = await browser.newContext({ locale: 'nl-NL' });
    const hub = await context.newPage();
    hub.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    hub.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await logInWithMailedCode(hub, server, 'hub@datahub.test');

    // A signed copy received by post: signer and PDF recorded on the handling page.
    await hub.goto(`${server.url}/beheer/gegevensverzoeken/${id}`);
    await hub.getByTestId('data-request-state').getByText('Offerte verstuurd').waitFor();
    await hub.getByTestId('sign-name').fill('B. Bestuurder');
    await hub.getByTestId('sign-function').fill('Voorzitter raad van bestuur');
    await hub.getByTestId('sign-copy').setInputFiles({ name: 'getekend.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await hub.getByTestId('sign-submit').click();
    await hub.getByTestId('data-request-state').getByText('Offerte getekend').waitFor();
    const copyHref = (await hub.getByTestId('quote-signed-copy').getAttribute('href')) ?? '';
    const copy = await context.request.get(`${server.url}${copyHref}`);
    expect([copy.status(), copy.headers()['content-type'], await copy.text()]).to.deep.equal([200, 'application/pdf', PDF]);

    // An invoice dated two months ago is overdue: listed under Factuur te laat until marked paid.
    await call(hubToken, INVOICE, { id, date: '2026-01-05' });
    const inQueue = () => hub.locator(`[data-testid="data-request-queue"] a[href="/beheer/gegevensverzoeken/${id}"]`);
    await hub.goto(`${server.url}/beheer/gegevensverzoeken`);
    await hub.getByTestId('queue-invoice-overdue').click();
    await inQueue().waitFor();
    await inQueue().click();
    await hub.getByTestId('hub-paid').click();
    const paidDate = hub.locator('input#paid-date');
    await paidDate.fill('2026-01-20');
    await paidDate.press('Enter');
    await hub.getByTestId('paid-submit').click();
    await hub.getByText('Betaling vastgelegd.').waitFor();
    await hub
      .getByTestId('quote-paid')
      .getByText(/betaald op 20 jan/)
      .waitFor();
    expect(await hub.getByTestId('hub-paid').count()).to.equal(0);
    await hub.goto(`${server.url}/beheer/gegevensverzoeken`);
    await hub.getByTestId('queue-invoice-overdue').click();
    await hub.getByTestId('data-request-queue').waitFor();
    await hub.waitForLoadState('networkidle');
    expect(await inQueue().count()).to.equal(0);

    // Delivered, the usage right long over and the destruction past its deadline: listed under Vernietiging te laat.
    await call(hubToken, PREPARE, { id });
    await call(hubToken, MOVE, { input: { id, to: 'DELIVERED' } });
    await ownerQuery(server, `UPDATE data_request SET usage_ends_on = current_date - 100, destruction_due_on = current_date - 8 WHERE id = $1`, [id]);
    await runDataRequestAftercare(server.datahub.services);
    await hub.goto(`${server.url}/beheer/gegevensverzoeken`);
    await hub.getByTestId('queue-destruction-overdue').click();
    await inQueue().waitFor();
    await inQueue().click();
    await hub.getByTestId('data-request-state').getByText('Gebruik beëindigd').waitFor();
    await hub.getByTestId('destruction-statement').fill('Verklaring per post ontvangen: alle kopieën verwijderd.');
    await hub.getByTestId('destruction-name').fill('B. Bestuurder');
    await hub.getByTestId('destruction-function').fill('Voorzitter raad van bestuur');
    await hub.getByTestId('destruction-submit').click();
    await hub.getByTestId('data-request-state').getByText('Vernietiging bevestigd').waitFor();
    expect(await textOf(hub.getByTestId('destruction-confirmed'))).to.match(
      /^Bevestigd door B\. Bestuurder \(Voorzitter raad van bestuur\) op .+ — vastgelegd door de DHD na ontvangst$/,
    );
    const stored = expectOk(
      await asUser<{ dataRequest: { state: string; quote: { paidOn: string | null }; destruction: { recordedByHub: boolean } | null } }>(
        server,
        hubToken,
        'query ($id: ID!) { dataRequest(id: $id) { state quote { paidOn } destruction { recordedByHub } } }',
        { id },
      ),
    ).dataRequest;
    expect(stored).to.deep.equal({ state: 'DESTRUCTION_CONFIRMED', quote: { paidOn: '2026-01-20' }, destruction: { recordedByHub: true } });
    expect(errors).to.deep.equal([]);
  });
});
