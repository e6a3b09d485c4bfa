import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The text of an element as a person reads it: Intl's non-breaking spaces (€ 2.000,00) as plain ones. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The native input of an Element Plus field, whether the test id sits on the input or on its wrapper. */
const inputOf = (page: Page, testid: string) => page.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first();

/** Types a date into an Element Plus date picker (its id sits on the input; other attributes go to its popup). */
async function pickDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`input#${id}`);
  await input.fill(date);
  await input.press('Enter');
}

describe('console: a data request from submission to signed quote, in Chromium', function () {
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
  });
  after(async () => {
    await browser?.close();
  });

  it('a requester fills, saves and submits a CAT request; hub staff confirm it as commercial third party, assess, approve and send a quote with doubled bounds; the requester signs it; hub staff record the invoice date, due 14 days later', async () => {
    // The requester: Mijn verzoeken → Nieuw verzoek, the form, a draft, then submit with the protocol accepted.
    const requester = await newPage();
    await logInWithMailedCode(requester, server, 'verzoeker@onderzoek.test');
    await requester.getByRole('link', { name: 'Mijn verzoeken' }).click();
    await requester.getByTestId('my-data-requests').waitFor();
    await requester.getByTestId('data-request-new').click();
    await requester.getByTestId('form-purpose').fill('Benchmark van cataractchirurgie voor een productvergelijking');
    await requester.getByTestId('form-usage-context').getByText('Commercieel', { exact: true }).click();
    await requester.getByTestId('form-dataset').click();
    await requester.getByRole('option', { name: /^CAT · / }).click();
    const checklist = requester.getByTestId('checklist');
    await checklist.getByText('Geslacht', { exact: true }).click();
    await checklist.getByText('Anesthesie', { exact: true }).click();
    await requester.getByTestId('form-aggregation').fill('per jaar per instelling');
    await requester.getByTestId('form-years').click();
    await requester.getByRole('option', { name: '2024', exact: true }).click();
    await requester.getByRole('option', { name: '2025', exact: true }).click();
    await requester.keyboard.press('Escape');
    await pickDate(requester, 'form-period-from', '2024-01-01');
    await pickDate(requester, 'form-period-to', '2025-12-31');
    await pickDate(requester, 'form-delivery-on', '2027-03-01');
    await requester.getByTestId('form-save').click();
    await requester.getByText('Concept opgeslagen.').waitFor();
    await requester.waitForURL(/\/gegevensverzoeken\/[^/]+\/bewerken$/);
    const id = /\/gegevensverzoeken\/([^/]+)\/bewerken$/.exec(requester.url())?.[1] ?? '';
    expect(id).to.not.equal('');

    await requester.getByTestId('form-submit').click();
    const dialog = requester.getByTestId('submit-dialog');
    await dialog.getByText(/protocol voor gebruik van gegevens door derden \(versie 2\.2\)/).waitFor();
    expect(await dialog.getByTestId('submit-confirm').isDisabled()).to.equal(true);
    await dialog.getByTestId('submit-accept').click();
    await dialog.getByTestId('submit-confirm').click();
    await requester.waitForURL(new RegExp(`/gegevensverzoeken/${id}$`));
    expect(await textOf(requester.getByTestId('data-request-state'))).to.equal('Ingediend');
    await requester.getByTestId('data-request-history').getByText('Ingediend').waitFor();
    expect(await textOf(requester.getByTestId('data-request-summary')))
      .to.include('Geslacht, Anesthesie')
      .and.include('2.2');

    // Hub staff: Verzoeken → behandelen.
    const hub = await newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
    await hub.goto(`${server.url}/beheer/gegevensverzoeken`);
    await hub.getByTestId('data-request-queue').getByRole('cell', { name: 'Onderzoeksbureau Zorginzicht' }).waitFor();
    await hub.getByTestId('queue-handle').first().click();
    await hub.waitForURL(new RegExp(`/beheer/gegevensverzoeken/${id}$`));

    await hub.getByTestId('hub-confirm-kind').click();
    const confirm = hub.getByTestId('confirm-kind-dialog');
    await confirm.getByTestId('confirm-kind').getByText('Derde partij', { exact: true }).click();
    await confirm.getByTestId('confirm-usage-context').getByText('Commercieel', { exact: true }).click();
    await confirm.getByTestId('confirm-kind-submit').click();
    await hub.getByText('Soort en gebruikscontext bevestigd.').waitFor();
    await hub.getByTestId('data-request-kind').getByText('Derde partij').waitFor();

    await hub.getByTestId('hub-move-IN_ASSESSMENT').click();
    await hub.getByTestId('move-note').fill('Compleet, naar beoordeling');
    await hub.getByTestId('move-submit').click();
    await hub.getByTestId('data-request-state').getByText('In beoordeling').waitFor();

    await hub.getByTestId('hub-assessment').click();
    await hub.getByTestId('assessment-legal').fill('Mededingingswet getoetst');
    await hub.getByTestId('assessment-privacy').fill('Alleen geaggregeerd, geen kleine aantallen');
    await hub.getByTestId('assessment-competition').fill('Geen bezwaar');
    await hub.getByTestId('assessment-sector').fill('Branche gehoord');
    await hub.getByTestId('assessment-submit').click();
    await hub.getByText('Afwegingen vastgelegd.').waitFor();

    await hub.getByTestId('hub-move-APPROVED').click();
    await hub.getByTestId('move-letter').fill('Uw verzoek is goedgekeurd onder de standaardvoorwaarden.');
    await hub.getByTestId('move-submit').click();
    await hub.getByTestId('data-request-state').getByText('Goedgekeurd', { exact: true }).waitFor();

    // The quote builder: commercial use doubles the bounds to EUR 2,000 – 25,000 per year.
    const builder = hub.getByTestId('quote-builder');
    await builder.getByTestId('builder-bounds').waitFor();
    expect(await textOf(builder.getByTestId('builder-bounds'))).to.equal('Bandbreedte per registratiejaar: € 2.000,00 – € 25.000,00');
    await builder.getByText('Commercieel gebruik: de bandbreedte is verdubbeld.').waitFor();
    const weight = inputOf(hub, 'builder-weight');
    await weight.fill('25');
    await weight.press('Tab');
    await builder.getByTestId('handling-add').click();
    await builder.getByTestId('handling-description-0').fill('Behandelkosten');
    await builder.getByTestId('handling-amount-0').fill('450');
    // Weight 25%: 2,000 + 23,000 × 0.25 = 7,750 per year; two years and 450 handling: 15,950; VAT 3,349.50.
    await builder.getByTestId('quote-total-incl').getByText('€ 19.299,50').waitFor();
    expect(await textOf(builder.getByTestId('builder-weighted'))).to.equal('Gewogen vergoeding per jaar: € 7.750,00');
    expect(await textOf(builder.getByTestId('quote-total-excl'))).to.equal('€ 15.950,00');
    expect(await textOf(builder.getByTestId('quote-vat'))).to.equal('€ 3.349,50');
    await builder.getByTestId('builder-save').click();
    await hub.getByText('Offerte opgeslagen.').waitFor();
    await hub.getByTestId('quote-panel').waitFor();
    await hub.getByTestId('hub-move-QUOTE_SENT').click();
    await hub.getByTestId('move-submit').click();
    await hub.getByTestId('data-request-state').getByText('Offerte verstuurd').waitFor();

    // The requester sees the quote in euros and signs it.
    await requester.reload();
    const quote = requester.getByTestId('quote-panel');
    await quote.waitFor();
    expect(await textOf(requester.getByTestId('data-request-state'))).to.equal('Offerte verstuurd');
    const lines = await textOf(quote.getByTestId('quote-lines'));
    expect(lines).to.include('€ 7.750,00').and.include('Behandelkosten').and.include('€ 450,00');
    expect(await textOf(quote.getByTestId('quote-total-incl'))).to.equal('€ 19.299,50');
    await requester.getByTestId('sign-name').fill('A. de Vries');
    await requester.getByTestId('sign-function').fill('Directeur');
    await requester.getByTestId('sign-submit').click();
    await requester.getByText('Offerte getekend.').waitFor();
    await requester.getByTestId('data-request-state').getByText('Offerte getekend').waitFor();
    await requester
      .getByTestId('quote-signed')
      .getByText(/Getekend door A\. de Vries \(Directeur\)/)
      .waitFor();
    expect(await requester.getByTestId('sign-quote').count()).to.equal(0);
    expect(await requester.getByTestId('data-request-withdraw').count()).to.equal(0);

    const hubToken = await tokenFor(server, 'hub@datahub.test');
    const stored = expectOk(
      await asUser<{ dataRequest: { state: string; kind: string; usageContext: string; quote: { totalInclVatCents: number; signedName: string } } }>(
        server,
        hubToken,
        'query ($id: ID!) { dataRequest(id: $id) { state kind usageContext quote { totalInclVatCents signedName } } }',
        { id },
      ),
    );
    expect(stored.dataRequest).to.deep.equal({
      state: 'QUOTE_SIGNED',
      kind: 'THIRD_PARTY',
      usageContext: 'COMMERCIAL',
      quote: { totalInclVatCents: 1929950, signedName: 'A. de Vries' },
    });

    // Hub staff record the invoice date on the handling page; it is due 14 days later.
    await hub.goto(`${server.url}/beheer/gegevensverzoeken/${id}`);
    await hub.getByTestId('hub-invoice').click();
    await pickDate(hub, 'invoice-date', '2027-01-15');
    await hub.getByTestId('invoice-submit').click();
    await hub.getByText('Factuur vastgelegd.').waitFor();
    const invoiced = expectOk(
      await asUser<{ dataRequest: { quote: { invoiceDate: string; invoiceDueOn: string } } }>(
        server,
        hubToken,
        'query ($id: ID!) { dataRequest(id: $id) { quote { invoiceDate invoiceDueOn } } }',
        { id },
      ),
    );
    expect(invoiced.dataRequest.quote).to.deep.equal({ invoiceDate: '2027-01-15', invoiceDueOn: '2027-01-29' });
    expect(errors).to.deep.equal([]);
  });

  it('a joint request with identifying data: the other institution’s administrator gives consent on Toestemmingen, is told a written order needs a director, and gives it once hub staff set the flag on the users page', async () => {
    const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
      const data = expectOk(await asUser<Record<string, T & { __typename: string }>>(server, token, query, variables));
      const answer = Object.values(data)[0] as T & { __typename: string };
      expect(answer.__typename).to.not.equal('Refused');
      return answer;
    };
    // Setup through the API: Zuidermeer asks for its own and Maasdal's data, identifying data included.
    const zuidermeer = await tokenFor(server, 'beheer@zuidermeer.test');
    const hubToken = await tokenFor(server, 'hub@datahub.test');
    const created = await call<{ id: string }>(
      zuidermeer,
      'mutation ($input: DataRequestFormInput!) { createDataRequest(input: $input) { __typename ... on DataRequest { id } } }',
      {
        input: {
          purpose: 'Gezamenlijke evaluatie van cataractzorg in de regio',
          usageContext: 'SCIENTIFIC',
          dataset: 'CAT',
          fields: ['Geslacht'],
          level: 'DETAIL',
          years: [2025],
          institutionSelection: 'LIST',
          institutionCodes: ['11111111', '15330041'],
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          desiredDeliveryOn: '2027-06-01',
          identifyingData: true,
        },
      },
    );
    const id = created.id;
    await call(zuidermeer, 'mutation ($id: ID!) { submitDataRequest(id: $id, acceptedProtocolVersion: "2.2") { __typename } }', { id });
    await call(hubToken, 'mutation ($id: ID!) { confirmDataRequestKind(input: { id: $id, kind: JOINT, usageContext: SCIENTIFIC }) { __typename } }', { id });
    await call(hubToken, 'mutation ($id: ID!) { moveDataRequest(input: { id: $id, to: AWAITING_CONSENTS }) { __typename } }', { id });

    // Zuidermeer's administrator finds the request under Mijn verzoeken, with its history.
    const own = await newPage();
    await logInWithMailedCode(own, server, 'beheer@zuidermeer.test');
    await own.getByRole('link', { name: 'Mijn verzoeken' }).click();
    await own.getByTestId('my-data-requests').getByText('Wacht op toestemmingen').waitFor();
    await own.getByTestId('data-request-open').first().click();
    await own.getByTestId('data-request-history').getByText('Wacht op toestemmingen').waitFor();
    await own.getByTestId('data-request-withdraw').waitFor();

    // Maasdal's administrator: consent is given; the written order is refused with the reason.
    const maasdal = await newPage();
    await logInWithMailedCode(maasdal, server, 'beheer@maasdal.test');
    await maasdal.getByRole('link', { name: 'Toestemmingen' }).click();
    const table = maasdal.getByTestId('consents-table');
    await table.getByText('Gezamenlijke evaluatie van cataractzorg in de regio').waitFor();
    await table.getByTestId('consent-give-CONSENT').click();
    await maasdal.getByTestId('consent-note').fill('Akkoord namens het MT');
    await maasdal.getByTestId('consent-submit').click();
    await table.getByText(/^Toestemming door .+ op /).waitFor();
    expect(await table.getByTestId('consent-give-CONSENT').count()).to.equal(0);

    await table.getByTestId('consent-give-WRITTEN_ORDER').click();
    await maasdal.getByTestId('consent-submit').click();
    await maasdal
      .getByTestId('consent-problem')
      .getByText('Een schriftelijke opdracht vraagt een vertegenwoordigingsbevoegd bestuurder van Maasdal Medisch Centrum.')
      .waitFor();
    await maasdal.getByTestId('consent-dialog').getByRole('button', { name: 'Annuleren' }).click();

    // Hub staff make Maasdal's administrator a director on the users page.
    const hub = await newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
    await hub.goto(`${server.url}/beheer/gebruikers?instelling=15330041`);
    await hub.getByTestId('authority-open-beheer@maasdal.test').click();
    await hub.getByTestId('authority-grant').click();
    await hub.getByTestId('authority-held').getByText('Bestuurder (schriftelijke opdrachten) (15330041)').waitFor();

    await table.getByTestId('consent-give-WRITTEN_ORDER').click();
    await maasdal.getByTestId('consent-submit').click();
    await table.getByText(/^Schriftelijke opdracht door .+ op /).waitFor();
    expect(await table.getByTestId('consent-give-WRITTEN_ORDER').count()).to.equal(0);

    const stored = expectOk(
      await asUser<{ dataRequest: { consents: { kind: string; institution: { code: string } }[] } }>(
        server,
        hubToken,
        'query ($id: ID!) { dataRequest(id: $id) { consents { kind institution { code } } } }',
        { id },
      ),
    );
    expect(stored.dataRequest.consents.map((consent) => `${consent.kind} ${consent.institution.code}`).sort()).to.deep.equal([
      'CONSENT 15330041',
      'WRITTEN_ORDER 15330041',
    ]);
    expect(errors).to.deep.equal([]);
  });

  it("hub staff enter a mailed form for the requesting organisation and submit it; it is that organisation's request; hub staff give a hub user the committee flag", async () => {
    const hub = await newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
    await hub.goto(`${server.url}/beheer/gegevensverzoeken`);
    await hub.getByTestId('queue-enter-mailed').click();
    await hub.getByTestId('form-requester-organisation').click();
    await hub.getByRole('option', { name: 'Onderzoeksbureau Zorginzicht', exact: true }).click();
    await hub.getByTestId('form-purpose').fill('Per post ontvangen: trendanalyse cataract');
    await hub.getByTestId('form-usage-context').getByText('Wetenschappelijk', { exact: true }).click();
    await hub.getByTestId('form-dataset').click();
    await hub.getByRole('option', { name: /^CAT · / }).click();
    await hub.getByTestId('checklist').getByText('Geslacht', { exact: true }).click();
    await hub.getByTestId('form-aggregation').fill('per jaar');
    await hub.getByTestId('form-years').click();
    await hub.getByRole('option', { name: '2025', exact: true }).click();
    await hub.keyboard.press('Escape');
    await pickDate(hub, 'form-period-from', '2025-01-01');
    await pickDate(hub, 'form-period-to', '2025-12-31');
    await pickDate(hub, 'form-delivery-on', '2027-03-01');
    await hub.getByTestId('form-submit').click();
    const dialog = hub.getByTestId('submit-dialog');
    await dialog.getByTestId('submit-accept').click();
    await dialog.getByTestId('submit-confirm').click();
    await hub.waitForURL(/\/beheer\/gegevensverzoeken\/[^/]+$/);
    const id = /\/beheer\/gegevensverzoeken\/([^/]+)$/.exec(hub.url())?.[1] ?? '';
    const token = await tokenFor(server, 'verzoeker@onderzoek.test');
    const mine = expectOk(
      await asUser<{ myDataRequests: { nodes: { id: string; state: string; requesterOrganisation: string; purpose: string }[] } }>(
        server,
        token,
        '{ myDataRequests(first: 50) { nodes { id state requesterOrganisation purpose } } }',
      ),
    ).myDataRequests.nodes;
    expect(mine.find((request) => request.id === id)).to.deep.include({
      state: 'SUBMITTED',
      requesterOrganisation: 'Onderzoeksbureau Zorginzicht',
      purpose: 'Per post ontvangen: trendanalyse cataract',
    });

    // The committee flag on a hub user: the dialog offers only that flag for the hub's people.
    await hub.goto(`${server.url}/beheer/gebruikers?soort=HUB`);
    await hub.getByTestId('authority-open-hub@datahub.test').click();
    const authority = hub.getByTestId('authority-dialog');
    expect(await authority.getByTestId('authority-kind').getByRole('radio').count()).to.equal(1);
    // What the user holds is read when the dialog opens: nothing yet.
    await authority.getByTestId('authority-held').getByText('geen bevoegdheden voor gegevensverzoeken').waitFor();
    await authority.getByTestId('authority-grant').click();
    await authority.getByTestId('authority-held').getByText('Lid privacycommissie', { exact: false }).waitFor();
    expect(errors).to.deep.equal([]);
  });
});
