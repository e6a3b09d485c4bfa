import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: Overzicht in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('a local administrator lands on Overzicht after login and sees missing, upcoming and rejected deliveries with their counts', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/`);
    await page.getByTestId('overview-missing').waitFor({ timeout: 15000 });
    expect(new URL(page.url()).pathname).to.equal('/overzicht');
    const counts: string[] = [];
    for (const table of ['overview-missing', 'overview-upcoming', 'overview-rejected']) {
      await page.getByTestId(table).locator('tbody tr').first().waitFor();
      counts.push(await page.getByTestId(`${table}-count`).innerText());
    }
    expect(counts.every((count) => /^\d+\/\d+$/.test(count) && !count.startsWith('0/'))).to.equal(true, counts.join(' '));
  });
});
