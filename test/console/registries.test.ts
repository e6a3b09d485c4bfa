import { existsSync } from 'node:fs';
import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import { sharedServer } from '../support/server';

/** Debian's chromium, never a downloaded browser (DEVELOPERS.md); flags for this closed network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

describe('console: registries page in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('shows CAT, MMY with IKNL and PROMS, PMICD and the institutions at /', async () => {
    const { url } = await sharedServer();
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.getByText('CAT', { exact: true }).first().waitFor({ timeout: 15000 });
    const text = await page.locator('body').innerText();
    for (const expected of ['CAT', 'MMY', 'IKNL', 'PROMS', 'PMICD', 'Maasdal Medisch Centrum']) expect(text).to.include(expected);
    expect(await page.locator('html').getAttribute('lang')).to.equal('nl');
  });
});
