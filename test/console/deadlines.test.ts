import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { deliver, DeliveryStatus } from '../support/delivery-rows';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The demo institution Zuidermeer (11111111) delivers CAT; its submitter sees its deliveries. */
describe('console: deadlines and lateness on the delivery page in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const CAT = { institution: '11111111', registry: 'CAT', subDelivery: 'Cataract', status: DeliveryStatus.PROCESSED };

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
  });

  async function open(id: string): Promise<void> {
    await page.goto(`${server.url}/aanleveringen/${id}`);
    await page.getByTestId('delivery-deadline').waitFor({ timeout: 15000 });
  }

  it('a test delivered after the deadline is not marked "te laat"; the production delivery of that day is', async () => {
    const production = await deliver(server, { ...CAT, period: '2025K1', on: '2025-06-10' });
    const test = await deliver(server, { ...CAT, period: '2025K1', on: '2025-06-10', test: true, at: new Date('2025-06-10T13:00:00Z') });
    await open(production);
    await page.getByTestId('delivery-late').waitFor();
    const productionLate = await page.getByTestId('delivery-late').innerText();
    await open(test);
    expect({ production: productionLate, test: await page.getByTestId('delivery-late').count() }).to.deep.equal({ production: 'te laat', test: 0 });
  });

  it("an institution-specific deadline shows as 'aangepast' with hub staff's reason as its title", async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    expectOk(
      await asUser(server, hub, 'mutation ($input: DeadlineExceptionInput!) { setDeadlineException(input: $input) { __typename } }', {
        input: { institutionCode: '11111111', registry: 'CAT', subDelivery: 'Cataract', period: '2025K2', deadline: '2025-12-14', reason: 'Overstap EPD' },
      }),
    );
    const id = await deliver(server, { ...CAT, period: '2025K2', on: '2025-11-01' });
    await open(id);
    const tag = page.getByTestId('delivery-deadline-adjusted');
    expect({
      deadline: await page.getByTestId('delivery-deadline').innerText(),
      tag: await tag.innerText(),
      title: await tag.getAttribute('title'),
      late: await page.getByTestId('delivery-late').count(),
    }).to.deep.equal({ deadline: '14 dec 2025', tag: 'aangepast', title: 'Overstap EPD', late: 0 });
  });
});
