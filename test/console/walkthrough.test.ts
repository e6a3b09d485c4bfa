import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** The walkthrough's smaller findings, each as the user meets it in Chromium. */
describe('console: header help, Monday-first date pickers, Verwacht, per-role not-found and landing, upload info buttons, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer({
      DATAHUB_HELP_URL: 'https://help.datahub.example/handleiding',
      DATAHUB_SERVICE_DESK_EMAIL: 'servicedesk@datahub.example',
      DATAHUB_SERVICE_DESK_PHONE: '+31 30 123 45 67',
    });
  });
  after(async () => {
    await browser?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, email);
    return page;
  }

  it('shows the configured help link and service desk contact in the header, already on the login page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('service-desk').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('help-link').getAttribute('href')).to.equal('https://help.datahub.example/handleiding');
    expect(await page.getByTestId('service-desk-email').getAttribute('href')).to.equal('mailto:servicedesk@datahub.example');
    expect(await page.getByTestId('service-desk-phone').getAttribute('href')).to.equal('tel:+31301234567');
    expect(await page.getByTestId('service-desk-phone').getAttribute('aria-label')).to.equal('Bel de servicedesk: +31 30 123 45 67');
  });

  it('starts the date pickers on Monday, in Dutch and in English', async () => {
    const page = await signedIn('aanlever@zuidermeer.test');
    await page.goto(`${server.url}/aangeleverd`);
    const firstDay = async () => {
      await page.locator('.el-date-editor').first().click();
      const header = page.locator('.el-date-table th').first();
      await header.waitFor();
      const text = (await header.innerText()).trim();
      await page.keyboard.press('Escape');
      return text;
    };
    const dutch = await firstDay();
    await page.getByRole('radio', { name: 'English' }).check({ force: true });
    await page.locator('html[lang="en"]').waitFor();
    const english = await firstDay();
    expect([dutch, english]).to.deep.equal(['Ma', 'Mon']);
  });

  it('shows no wide gap under the title of Verwacht: the intro follows the title as on other pages', async () => {
    const page = await signedIn('aanlever@zuidermeer.test');
    await page.goto(`${server.url}/verwacht`);
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor({ timeout: 15000 });
    const [titleBox, introBox] = [await title.boundingBox(), await page.locator('.page__intro').first().boundingBox()];
    if (!titleBox || !introBox) throw new Error('title or intro not shown');
    const gap = introBox.y - (titleBox.y + titleBox.height);
    expect(gap).to.be.within(0, 12);
  });

  it('sends a processor to Mijn machtigingen, on landing and from the not-found page, without pointing to a local administrator', async () => {
    const page = await signedIn('verwerker@nhr.test');
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/mijn-machtigingen$/, { timeout: 15000 });
    await page.goto(`${server.url}/bestaat-niet`);
    await page.getByTestId('not-found').waitFor();
    const help = await page.getByTestId('not-found-help').innerText();
    expect(await page.getByTestId('not-found-back').innerText()).to.equal('Naar mijn machtigingen');
    expect(await page.getByTestId('not-found-back').getAttribute('href')).to.equal('/mijn-machtigingen');
    expect(help).not.to.include('lokaal beheerder');
    expect(help).to.include('servicedesk');
  });

  it('sends a submitter from the not-found page to the Overzicht, and to the local administrator for missing rights', async () => {
    const page = await signedIn('aanlever@zuidermeer.test');
    await page.goto(`${server.url}/bestaat-niet`);
    await page.getByTestId('not-found').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('not-found-back').getAttribute('href')).to.equal('/overzicht');
    expect(await page.getByTestId('not-found-help').innerText()).to.include('lokaal beheerder');
  });

  it('gives the upload form an info button per field that opens its help with the keyboard and closes with Escape', async () => {
    const page = await signedIn('aanlever@zuidermeer.test');
    await page.goto(`${server.url}/aanleveren`);
    const button = page.getByTestId('upload-period-info');
    await button.waitFor({ timeout: 15000 });
    expect(await button.getAttribute('aria-label')).to.equal('Uitleg bij Periode');
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    for (const field of ['file', 'period', 'environment']) expect(await page.getByTestId(`upload-${field}-info`).count(), field).to.equal(1);

    await button.focus();
    await page.keyboard.press('Enter');
    const text = page.getByTestId('upload-period-info-text');
    await text.waitFor({ state: 'visible' });
    expect(await button.getAttribute('aria-expanded')).to.equal('true');
    expect(await button.getAttribute('aria-controls')).to.equal(await text.getAttribute('id'));
    expect(await text.innerText()).to.include('2026K1');

    await page.keyboard.press('Escape');
    await text.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
  });
});
