import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { sharedServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: registries page in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('sends a visitor to the login page first, in Dutch', async () => {
    const { url } = await sharedServer();
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.getByTestId('login-email').waitFor({ timeout: 15000 });
    expect(new URL(page.url()).pathname).to.equal('/login');
    expect(await page.locator('html').getAttribute('lang')).to.equal('nl');
  });

  it('shows CAT, MMY with IKNL and PROMS, PMICD and the institutions at / after logging in', async () => {
    const server = await sharedServer();
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.goto(`${server.url}/`);
    await page.getByText('CAT', { exact: true }).first().waitFor({ timeout: 15000 });
    await page.getByText('Maasdal Medisch Centrum').first().waitFor();
    const text = await page.locator('body').innerText();
    for (const expected of ['CAT', 'MMY', 'IKNL', 'PROMS', 'PMICD', 'Maasdal Medisch Centrum']) expect(text).to.include(expected);
  });
});
