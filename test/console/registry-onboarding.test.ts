import { expect } from 'chai';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ownerQuery, startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const PACKAGES = path.resolve(__dirname, '../fixtures/dictionary-packages');
/** The file input inside the package drop zone (Element Plus renders it hidden). */
const PACKAGE_INPUT = '[data-testid="package-file-input"] input[type="file"]';

describe('console: onboarding a registry in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
  });
  after(async () => {
    await browser?.close();
  });

  async function uploadPackage(name: string): Promise<void> {
    await page.locator(PACKAGE_INPUT).setInputFiles(path.join(PACKAGES, name));
    await page.getByTestId('package-file-name').waitFor();
    await page.getByTestId('package-upload').click();
  }

  it('hub staff create registry OOG with sub-delivery Cataract from the registries page', async () => {
    await page.goto(`${server.url}/registries`);
    await page.getByTestId('open-onboarding').click();
    // A router navigation: no load event to wait for.
    await page.getByTestId('onboarding-create-registry').click();
    expect(new URL(page.url()).pathname).to.equal('/registers/onboarding');
    await page.getByTestId('registry-code').fill('OOG');
    await page.getByTestId('registry-name').fill('Oogchirurgie');
    await page.getByTestId('registry-holder').fill('Stichting Oog');
    await page.getByTestId('registry-submit').click();

    await page.getByTestId('onboarding-create-sub-delivery').click();
    await page.getByTestId('sub-delivery-code').fill('Cataract');
    await page.getByTestId('sub-delivery-name').fill('Cataract');
    await page.getByTestId('sub-delivery-submit').click();
    await page.getByTestId('onboarding-versions').waitFor({ timeout: 15000 });

    const rows = await ownerQuery<{ code: string }>(server, `select s.code from sub_delivery s join registry r on r.id = s.registry_id where r.code = 'OOG'`);
    expect(rows.map((row) => row.code)).to.deep.equal(['Cataract']);
  });

  it('shows a broken package refused, with the JSON path of its problem', async () => {
    await uploadPackage('broken-field-type.json');
    const problems = page.getByTestId('package-problems');
    await problems.waitFor({ timeout: 15000 });
    expect(await problems.innerText()).to.include('$.dictionary.fields[3].type');
  });

  it('uploads the good package as a draft and publishes it from its accepted-from date', async () => {
    await uploadPackage('good-oog-1.0.json');
    await page.getByTestId('package-uploaded').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('package-uploaded').innerText()).to.include('1.0');
    await page.locator('[data-testid="onboarding-versions"] [data-status="DRAFT"]').waitFor({ timeout: 15000 });

    const acceptedFrom = page.getByTestId('publish-accepted-from').locator('input');
    await acceptedFrom.fill('2026-01-01');
    await acceptedFrom.press('Enter');
    await page.getByTestId('publish-submit').click();

    await page.locator('[data-testid="onboarding-versions"] [data-status="ACTIVE"]').waitFor({ timeout: 15000 });
    expect(await page.getByTestId('onboarding-versions').innerText()).to.include('1.0');
    const versions = await ownerQuery<{ status: string; accepted_from: string }>(
      server,
      `select v.status, to_char(v.accepted_from, 'YYYY-MM-DD') as accepted_from from dictionary_version v
         join sub_delivery s on s.id = v.sub_delivery_id join registry r on r.id = s.registry_id where r.code = 'OOG'`,
    );
    expect(versions).to.deep.equal([{ status: 'ACTIVE', accepted_from: '2026-01-01' }]);
  });

  it('shows the published version in the viewer, with its what-changed and adoption tabs', async () => {
    await page.goto(`${server.url}/datadictionaries/OOG/Cataract/1.0`);
    await page.getByRole('tab', { name: 'Wat is er veranderd' }).click();
    await page.getByTestId('dictionary-changes').getByText('maar één versie').waitFor({ timeout: 15000 });
    await page.getByRole('tab', { name: 'Gebruik per versie' }).click();
    const row = page.locator('[data-testid="dictionary-adoption"] [data-version="1.0"]');
    await row.waitFor({ timeout: 15000 });
    expect(await row.innerText()).to.include('Nog geen instelling');
  });
});
