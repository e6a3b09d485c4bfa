import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { asUser, tokenFor } from '../support/actors';
import { deliver, DeliveryStatus } from '../support/delivery-rows';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/**
 * Waits (at most 10 s) until `done` holds. Polled from the test rather than with waitForFunction:
 * the console's Content-Security-Policy forbids evaluating a string, and the tests have no DOM types.
 */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (const end = Date.now() + 10_000; !(await done());) {
    if (Date.now() > end) throw new Error('timed out waiting for the page to change');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('console: paging Aangeleverd in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    // 30 more deliveries of the submitter's own institution and registry (besides the demo's), a minute apart.
    for (let minute = 0; minute < 30; minute++) {
      await deliver(server, {
        institution: '11111111',
        registry: 'CAT',
        subDelivery: 'Cataract',
        period: '2026K1',
        on: '2026-04-10',
        status: DeliveryStatus.PROCESSED,
        at: new Date(Date.UTC(2026, 3, 10, 8, minute)),
      });
    }
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
  });

  const links = async () =>
    page
      .getByTestId('deliveries-table')
      .getByTestId('deliveries-details')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
  const pageLabel = () => page.getByTestId('deliveries-pager').getByTestId('pager-page').innerText();
  /** Waits until the table's first row is no longer `href` (the next page has arrived). */
  const firstRowChangedFrom = (href: string | null) => until(async () => (await page.getByTestId('deliveries-details').first().getAttribute('href')) !== href);

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
    const newest = await deliver(server, {
      institution: '11111111',
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K2',
      on: now.toISOString().slice(0, 10),
      at: now,
      status: DeliveryStatus.PROCESSED,
    });
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

describe('console: paging the audit log in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('hub staff page the audit log forwards and back; entries written meanwhile do not shift it', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    // Each read of an institution's people is an audit entry: more than a page of 50.
    for (let read = 0; read < 60; read++) await asUser(server, admin, '{ institutionUsers(institutionCode: "11111111") { totalCount } }');
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.goto(`${server.url}/beheer/audit`);
    const rows = () =>
      page
        .getByTestId('audit-table')
        .locator('tbody tr')
        .evaluateAll((nodes) => nodes.map((node) => /audit-entry-(\d+)/.exec(node.getAttribute('class') ?? '')?.[1] ?? ''));
    const pager = page.getByTestId('audit-pager');
    await pager.waitFor();
    const first = await rows();
    expect(first).to.have.length(50);
    expect(first.every((id) => /^\d+$/.test(id))).to.equal(true);

    await pager.getByTestId('pager-next').click();
    await page.getByTestId('audit-pager').getByTestId('pager-page').filter({ hasText: 'Pagina 2' }).waitFor();
    await until(async () => !(await page.getByTestId('audit-table').locator('tbody tr').first().getAttribute('class'))?.includes(`audit-entry-${first[0]}`));
    const second = await rows();
    expect(second.some((row) => first.includes(row))).to.equal(false);

    // Paging writes SEARCH entries at the head of the log; going back shows the same first page.
    await asUser(server, admin, '{ institutionUsers(institutionCode: "11111111") { totalCount } }');
    await pager.getByTestId('pager-previous').click();
    await page.getByTestId('audit-pager').getByTestId('pager-page').filter({ hasText: 'Pagina 1' }).waitFor();
    await until(async () => !(await page.getByTestId('audit-table').locator('tbody tr').first().getAttribute('class'))?.includes(`audit-entry-${second[0]}`));
    expect(await rows()).to.deep.equal(first);
  });
});
