import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { deliver, DeliveryStatus } from '../support/delivery-rows';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: paging Aangeleverd in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    // 30 more deliveries of the submitter's own institution and registry (besides the demo's), a minute apart.
    for (let minute = 0; minute < 30; minute++) {
      await deliver(server, { institution: '11111111', registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', on: '2026-04-10', status: DeliveryStatus.PROCESSED, at: new Date(Date.UTC(2026, 3, 10, 8, minute)) });
    }
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
  });

  const links = async () => page.getByTestId('deliveries-table').getByTestId('deliveries-details').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
  const pageLabel = () => page.getByTestId('deliveries-pager').getByTestId('pager-page').innerText();
  /** Waits until the table's first row is no longer `href` (the next page has arrived). */
  const firstRowChangedFrom = (href: string | null) =>
    page.waitForFunction(`document.querySelector('[data-testid="deliveries-details"]')?.getAttribute('href') !== ${JSON.stringify(href)}`);

  it('goes to page 2 and back; a delivery made meanwhile does not shift the page gone back to', async () => {
    await page.goto(`${server.url}/aangeleverd`);
    await page.getByTestId('deliveries-pager').waitFor();
    const first = await links();
    expect(first).to.have.length(25);
    const pages = /^Pagina 1 van (\d+)$/.exec(await pageLabel())?.[1];
    expect(Number(pages)).to.be.greaterThan(1);

    await page.getByTestId('deliveries-pager').getByTestId('pager-next').click();
    await firstRowChangedFrom(first[0] ?? null);
    const second = await links();
    expect(second).to.have.length(25);
    expect(second.some((href) => first.includes(href))).to.equal(false);
    expect(await pageLabel()).to.equal(`Pagina 2 van ${pages}`);

    // A new delivery while page 2 is shown: going back shows the same 25 as before, not shifted by one.
    const now = server.clock.now();
    const newest = await deliver(server, { institution: '11111111', registry: 'CAT', subDelivery: 'Cataract', period: '2026K2', on: now.toISOString().slice(0, 10), at: now, status: DeliveryStatus.PROCESSED });
    await page.getByTestId('deliveries-pager').getByTestId('pager-previous').click();
    await firstRowChangedFrom(second[0] ?? null);
    expect(await links()).to.deep.equal(first);
    expect(await pageLabel()).to.match(/^Pagina 1 van \d+$/);
    // Opened anew, Aangeleverd starts with the new delivery.
    await page.reload();
    await page.getByTestId('deliveries-pager').waitFor();
    expect((await links())[0]).to.equal(`/aanleveringen/${newest}`);
  });
});
