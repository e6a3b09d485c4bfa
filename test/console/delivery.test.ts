import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tokenFor } from '../support/actors';
import { example, settled, upload } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The file input inside the Bestanden aanleveren drop zone (Element Plus renders it hidden). */
const FILE_INPUT = '[data-testid="upload-file-input"] input[type="file"]';

describe('console: delivering a file in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let files: string;

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    files = mkdtempSync(path.join(os.tmpdir(), 'datahub-console-upload-'));
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
  });
  after(async () => {
    await browser?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** Bestanden aanleveren as a person does it: pick the file, enter the period, Controleren, Aanleveren. */
  async function deliver(name: string, content: string, period: string, expectedCheck: string): Promise<string> {
    const file = path.join(files, name);
    writeFileSync(file, content);
    await page.goto(`${server.url}/aanleveren`);
    await page.locator(FILE_INPUT).setInputFiles(file);
    await page.getByTestId('upload-from-name').waitFor();
    await page.getByTestId('upload-period').fill(period);
    await page.getByTestId('upload-check').click();
    await page.getByTestId('upload-findings').waitFor({ timeout: 15000 });
    // The browser's own check, shown before anything is sent; its errors do not block delivering.
    expect(await page.getByTestId('upload-findings').getByTestId('check-status').getAttribute('data-status')).to.equal(expectedCheck);
    await page.getByTestId('upload-submit').click();
    await page.waitForURL(/\/aanleveringen\/[0-9a-f-]{36}/, { timeout: 15000 });
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  }

  const status = () => page.getByTestId('delivery-status');

  it('delivers a CAT file with errors, shows the report and exports it as CSV', async () => {
    await deliver('11111111_0_CAT_1.4_901_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), '2026K1', 'PROCESSED_WITH_ERRORS');
    await page.locator('[data-testid="delivery-status"][data-status="PROCESSED_WITH_ERRORS"]').waitFor({ timeout: 30000 });
    expect(await page.locator('[data-count="records"]').innerText()).to.equal('13');

    await page.getByTestId('delivery-tab-report').click();
    await page.getByTestId('report-lines').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('report-lines').innerText()).to.include('005');

    const href = await page.getByTestId('report-export-csv').getAttribute('href');
    expect(href).to.match(/^\/api\/deliveries\/[0-9a-f-]{36}\/report\.csv$/);
    const response = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(response.status()).to.equal(200);
    const csv = await response.text();
    // The header block first (as the DHD's export), a blank line, then the table.
    expect(csv.split('\r\n')[0]).to.equal('\uFEFFBron,CAT Cataract 1.4');
    expect(csv.split('\r\n\r\n')[1]?.split('\r\n')[0]).to.equal('Record,Code,Klasse,Veld,Melding,Sleutel');
    // A line of the report: record, code 005, class F (cells may be quoted).
    expect(csv).to.match(/\r\n"?\d+"?,"?005"?,"?F"?,/);
  });

  it("passes the Verslag's active filter to both report exports", async () => {
    await page.getByTestId('report-totals').getByRole('button', { name: '005', exact: true }).click();
    await page.locator('[data-testid="report-export-csv"][href$="?code=005"]').waitFor();
    const [csvHref, xlsxHref] = [
      await page.getByTestId('report-export-csv').getAttribute('href'),
      await page.getByTestId('report-export-xlsx').getAttribute('href'),
    ];
    expect(csvHref).to.match(/\/report\.csv\?code=005$/);
    expect(xlsxHref).to.match(/\/report\.xlsx\?code=005$/);
    const csv = await (await page.request.get(new URL(csvHref ?? '', page.url()).toString())).text();
    const codes = (csv.split('\r\n\r\n')[1] ?? '')
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[1]);
    expect(codes.length).to.be.greaterThan(0);
    expect(codes.every((code) => code === '005')).to.equal(true);
  });

  it('delivers a corrected file after one with errors and sees it PROCESSED; Aangeleverd lists it first, the one with errors next', async () => {
    // The delivery with errors comes in through the API: this test stands on its own.
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const withErrors = await upload(server, submitter, '11111111_0_CAT_1.4_902_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/invalid-records.csv'), {
      period: '2026K1',
    });
    await settled(server, withErrors.id);
    const corrected = await deliver('11111111_0_CAT_1.4_903_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), '2026K1', 'PROCESSED');
    await page.locator('[data-testid="delivery-status"][data-status="PROCESSED"]').waitFor({ timeout: 30000 });
    expect(await status().innerText()).to.equal('Verwerkt');

    // Aangeleverd, newest first: the corrected delivery, then the one with errors.
    await page.goto(`${server.url}/aangeleverd`);
    const links = page.getByTestId('deliveries-table').getByTestId('deliveries-details');
    await links.nth(1).waitFor();
    expect([await links.nth(0).getAttribute('href'), await links.nth(1).getAttribute('href')]).to.deep.equal([
      `/aanleveringen/${corrected}`,
      `/aanleveringen/${withErrors.id}`,
    ]);
    expect(await page.getByTestId('deliveries-table').locator('tbody tr').first().innerText()).to.include('Verwerkt');
  });
});
