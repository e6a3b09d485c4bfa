import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, mailedCode } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium } from './browser';

describe('console: under the Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  /** What Chromium reports on the console for each blocked script, style, image or connection. */
  const violations: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
  });

  it('gets the console page with a policy of its own scripts only and no framing, and runs login, upload, lists and the TOTP set-up without one violation', async () => {
    const first = await page.goto(`${server.url}/login`);
    const policy = first?.headers()['content-security-policy'] ?? '';
    // The authenticator set-up after the password shows its QR code as a data: image.
    await page.getByTestId('login-email').fill('aanlever@zuidermeer.test');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('img[src^="data:image/png"]').waitFor();
    await page.getByTestId('send-email-code').click();
    await page.getByTestId('email-code').waitFor();
    await page.getByTestId('email-code').fill(mailedCode(server, 'aanlever@zuidermeer.test'));
    await page.getByTestId('verify-email-code').click();
    await page.getByTestId('logout').waitFor();
    await page.goto(`${server.url}/aanleveren`);
    await page.getByTestId('upload-period').waitFor();
    await page.goto(`${server.url}/aangeleverd`);
    await page.locator('.el-table').first().waitFor();
    // Element Plus positions popups (a select's options, a date picker) with inline styles.
    await page.locator('.el-select').first().click();
    await page.locator('.el-select-dropdown, .el-popper').first().waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByTestId('account-logout').waitFor();
    expect(policy).to.include("script-src 'self';");
    expect(policy).to.include("frame-ancestors 'none'");
    expect(violations).to.deep.equal([]);
  });
});
