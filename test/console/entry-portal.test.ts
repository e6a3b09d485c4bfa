import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { todayInAmsterdam } from '../../server/src/common/calendar';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The first day of the current quarter: in the period the page offers first, and never after today. */
function quarterStart(): string {
  const today = todayInAmsterdam();
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return `${today.slice(0, 4)}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('console: a doctor enters three operations in the entry portal, sees errors while typing (a duplicate operation id among them), fixes them, submits the period and sees the delivery processed, in Chromium', function () {
  this.timeout(180000);
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const date = quarterStart();

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'arts@duinzicht.test');
  });
  after(async () => {
    await browser?.close();
  });

  const item = (field: string) => page.getByTestId(`entry-item-${field}`);
  const messages = (field: string) => page.getByTestId(`entry-message-${field}`);

  async function type(field: string, value: string): Promise<void> {
    await item(field).locator('input').fill(value);
  }
  async function pickDate(field: string, value: string): Promise<void> {
    const input = item(field).locator('input');
    await input.fill(value);
    await input.press('Enter');
  }
  async function choose(field: string, label: string): Promise<void> {
    await item(field).locator('.el-select').click();
    await page
      .locator('.el-select-dropdown__item:visible')
      .filter({ hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) })
      .click();
  }
  async function fillOperation(id: string, options: { birthYear?: string; complication?: string } = {}): Promise<void> {
    await page.getByTestId('entry-add').click();
    await page.getByTestId('entry-form').waitFor();
    await type('OperatieID', id);
    await pickDate('OperatieDatum', date);
    await type('PatientCode', `PC${id}`);
    await type('Geboortejaar', options.birthYear ?? '1951');
    await choose('Geslacht', 'vrouw (V)');
    await choose('ODS', 'rechteroog (OD) (01)');
    await choose('VaCCPre', '0.30');
    await choose('Complicatie', 'nee (N)');
  }
  async function save(rows: number): Promise<void> {
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-form').waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="entry-table"] .el-table__body tr')
      .nth(rows - 1)
      .waitFor();
  }
  const statuses = async () =>
    page.locator('[data-testid="entry-table"] .el-table__body [data-status]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));

  it('the menu offers Invoeren to the doctor, and the page lists no entries yet', async () => {
    await page.getByRole('link', { name: 'Invoeren' }).click();
    await page.waitForURL(/\/invoeren$/);
    await page.getByTestId('entry-empty').waitFor();
  });

  it('saves a first operation entered through the generated form', async () => {
    await fillOperation('OK1001');
    expect(await item('ComplicatieType').count(), 'ComplicatieType is shown only when Complicatie is J').to.equal(0);
    await save(1);
    expect(await statuses()).to.deep.equal(['COMPLETE']);
  });

  it("shows the engine's message under the field while typing, before saving, and clears it once fixed", async () => {
    await fillOperation('ERR1002', { birthYear: '2099' });
    const birthYear = messages('Geboortejaar');
    await birthYear.waitFor();
    expect(await birthYear.getAttribute('data-code')).to.equal('003_Y_EQ');
    expect(await birthYear.innerText()).to.include('Geboortejaar bevat waarde 2099, deze waarde is te hoog. De waarde is hoger dan Operatiejaar');
    // A complication asks for its type: the conditional field appears, with the engine's 010_Cond until it is filled.
    await choose('Complicatie', 'ja (J)');
    await item('ComplicatieType').waitFor();
    await type('Geboortejaar', '1948');
    await birthYear.waitFor({ state: 'detached' });
    await choose('ComplicatieType', 'glasvochtverlies (02)');
    await save(2);
    expect(await statuses()).to.deep.equal(['COMPLETE', 'COMPLETE']);
  });

  it("shows the engine's 005 under the operation id while typing one the period already has, and saves once it is changed", async () => {
    await fillOperation('OK1001');
    const duplicate = messages('OperatieID');
    await duplicate.waitFor();
    expect(await duplicate.getAttribute('data-code')).to.equal('005');
    expect(await duplicate.innerText()).to.include('Rij komt meerdere malen voor in het bestand.');
    await type('OperatieID', 'OK1003');
    await duplicate.waitFor({ state: 'detached' });
    await save(3);
  });

  it('submits the period and sees the delivery processed', async () => {
    expect(await statuses()).to.deep.equal(['COMPLETE', 'COMPLETE', 'COMPLETE']);
    await page.getByTestId('entry-submit').click();
    const dialog = page.locator('.el-message-box');
    await dialog.waitFor();
    expect(await dialog.innerText()).to.include('Alle 3 invoer');
    await dialog.locator('.el-button--primary').click();
    const delivery = page.getByTestId('entry-delivery');
    await delivery.locator('[data-status="PROCESSED"]').waitFor({ timeout: 60000 });
    expect(await delivery.innerText()).to.include('3 records, 3 geaccepteerd, 0 fouten, 0 waarschuwingen');
    await page.locator('[data-testid="entry-table"] [data-status="SUBMITTED"]').nth(2).waitFor({ timeout: 15000 });
    expect(await statuses()).to.deep.equal(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    await page.getByTestId('entry-delivery-link').click();
    await page.waitForURL(/\/aanleveringen\/[0-9a-f-]{36}/);
  });
});
