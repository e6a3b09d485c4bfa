import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { example } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const FILE_INPUT = '[data-testid="upload-file-input"] input[type="file"]';

/** Bestanden aanleveren says what will happen before anything is sent, and confirms what was sent. */
describe('console: the upload flow warns before sending what is rejected or mislabelled, and confirms a delivery, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let files: string;

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    files = mkdtempSync(path.join(os.tmpdir(), 'datahub-console-flow-'));
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function pick(name: string, content: string): Promise<void> {
    const file = path.join(files, name);
    writeFileSync(file, content);
    await page.goto(`${server.url}/aanleveren`);
    await page.locator(FILE_INPUT).setInputFiles(file);
    await page.getByTestId('upload-from-name').waitFor();
  }
  async function check(period: string): Promise<void> {
    await page.getByTestId('upload-period').fill(period);
    await page.getByTestId('upload-check').click();
    await page.getByTestId('upload-findings').waitFor({ timeout: 15000 });
  }
  const dialog = () => page.locator('.el-message-box');

  it('a file the check predicts Afgekeurd is not called ready: the page says it will be rejected and asks before sending; declining sends nothing', async () => {
    await pick('11111111_0_CAT_1.4_921_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-header.csv'));
    await check('2026K1');
    const findings = page.getByTestId('upload-findings');
    expect(await findings.getByTestId('check-status').getAttribute('data-status')).to.equal('REJECTED');
    expect({
      warning: await page.getByTestId('upload-will-be-rejected').innerText(),
      ready: await page.getByTestId('upload-ready').count(),
    }).to.deep.equal({
      warning: 'De controle voorspelt Afgekeurd: als u dit bestand aanlevert, wordt het afgekeurd en niet verwerkt. Verbeter het bestand eerst.',
      ready: 0,
    });
    await page.getByTestId('upload-submit').click();
    await dialog().waitFor();
    expect(await dialog().innerText()).to.include('afgekeurd');
    await dialog().getByRole('button', { name: 'Annuleren' }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect([new URL(page.url()).pathname, await page.getByTestId('upload-progress').count()]).to.deep.equal(['/aanleveren', 0]);
  });

  it('choosing Test for a _PROD file name is flagged before sending and asks for confirmation', async () => {
    await pick('11111111_0_CAT_1.4_922_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'));
    expect(await page.getByTestId('upload-environment-mismatch').count()).to.equal(0);
    await page.getByTestId('upload-environment').getByText('Test', { exact: true }).click();
    const flag = page.getByTestId('upload-environment-mismatch');
    await flag.waitFor();
    expect(await flag.innerText()).to.include('De bestandsnaam zegt PROD, maar u kiest Test');
    await check('2026K1');
    await page.getByTestId('upload-submit').click();
    await dialog().waitFor();
    expect(await dialog().innerText()).to.include('De bestandsnaam zegt PROD, maar u kiest Test');
    await dialog().getByRole('button', { name: 'Annuleren' }).click();
    expect(new URL(page.url()).pathname).to.equal('/aanleveren');
  });

  it('a delivery that went through says "succesvol aangeleverd" and then shows the delivery page', async () => {
    await pick('11111111_0_CAT_1.4_923_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'));
    await check('2026K1');
    await page.getByTestId('upload-submit').click();
    await page.waitForURL(/\/aanleveringen\/[0-9a-f-]{36}/, { timeout: 15000 });
    const message = page.locator('.el-message--success');
    await message.waitFor();
    expect(await message.innerText()).to.include('11111111_0_CAT_1.4_923_20260410_PROD.csv is succesvol aangeleverd');
  });

  describe('at 768 px wide', () => {
    let narrow: Page;
    before(async () => {
      narrow = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 768, height: 900 } })).newPage();
      await logInWithMailedCode(narrow, server, 'aanlever@zuidermeer.test');
    });

    it('"Vul de periode in." stays clear of the "Productie of test" label', async () => {
      const file = path.join(files, '11111111_0_CAT_1.4_924_20260410_PROD.csv');
      writeFileSync(file, example('CAT/Cataract/1.4/examples/valid.csv'));
      await narrow.goto(`${server.url}/aanleveren`);
      await narrow.locator(FILE_INPUT).setInputFiles(file);
      await narrow.getByTestId('upload-from-name').waitFor();
      await narrow.getByTestId('upload-check').click();
      const error = narrow.getByText('Vul de periode in.');
      await error.waitFor();
      const label = narrow.locator('.upload-form__environment .el-form-item__label');
      const [errorBox, labelBox] = [await error.boundingBox(), await label.boundingBox()];
      if (!errorBox || !labelBox) throw new Error('error or label not drawn');
      const overlap =
        errorBox.x < labelBox.x + labelBox.width &&
        labelBox.x < errorBox.x + errorBox.width &&
        errorBox.y < labelBox.y + labelBox.height &&
        labelBox.y < errorBox.y + errorBox.height;
      expect(overlap).to.equal(false);
    });

    it("Aangeleverd's Kanaal, Status and Details columns can be reached: scrolled to, each lies inside the window", async () => {
      await narrow.goto(`${server.url}/aangeleverd`);
      const table = narrow.getByTestId('deliveries-table');
      await table.locator('tbody tr').first().waitFor({ timeout: 15000 });
      const seen: Record<string, boolean> = {};
      for (const name of ['Kanaal', 'Status', 'Details']) {
        const header = table
          .locator('thead th')
          .filter({ hasText: new RegExp(`^${name}$`) })
          .first();
        await header.scrollIntoViewIfNeeded();
        const box = await header.boundingBox();
        seen[name] = !!box && box.x >= 0 && box.x + box.width <= 768 && box.width > 20;
      }
      expect(seen).to.deep.equal({ Kanaal: true, Status: true, Details: true });
    });
  });
});
