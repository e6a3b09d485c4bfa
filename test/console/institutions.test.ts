import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: hub staff register an institution and add a unit, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('creates an institution from the Instellingen page, finds it by search, opens its page and adds a unit', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();

    await page.getByTestId('institution-create-open').click();
    await page.getByTestId('institution-code').fill('27182818');
    await page.getByTestId('institution-name').fill('Kliniek Euler');
    await page.getByTestId('institution-type').click();
    await page.getByRole('option', { name: 'Zelfstandig behandelcentrum (ZBC)' }).click();
    await page.getByTestId('institution-place').fill('Basel aan Zee');
    await page.getByTestId('institution-submit').click();
    await page.getByRole('heading', { name: 'Kliniek Euler' }).waitFor();

    await page.getByRole('link', { name: 'Alle instellingen' }).click();
    await page.getByTestId('institution-search').fill('euler');
    await page.getByTestId('institution-rows').getByText('Kliniek Euler').click();
    await page.waitForURL(/\/instellingen\/27182818$/);

    await page.getByTestId('unit-new-name').fill('Polikliniek Noord');
    await page.getByTestId('unit-add').click();
    await page.getByTestId('unit-rows').getByText('Polikliniek Noord').waitFor();

    const hub = await tokenFor(server, 'hub@datahub.test');
    const stored = expectOk(
      await asUser<{ institution: { type: string; place: string; units: { number: number; name: string }[] } }>(
        server,
        hub,
        '{ institution(code: "27182818") { type place units { number name } } }',
      ),
    );
    expect(stored.institution).to.deep.include({ type: 'INDEPENDENT_TREATMENT_CENTRE', place: 'Basel aan Zee' });
    expect(stored.institution.units.map((unit) => `${unit.number}:${unit.name}`)).to.deep.equal(['0:Hoofdlocatie', '1:Polikliniek Noord']);
  });
});
