import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Organisation } from '../../server/src/access/organisation.entity';
import { User } from '../../server/src/access/user.entity';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { example, settled, upload } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code } } }`;
const FILE = '11111111_0_CAT_1.4_811_20260410_PROD.csv';

/**
 * The whole path in the browser: Zuidermeer's local administrator grants NHR an authorisation with
 * one of the link's fields left out; NHR's processor sees four new records and downloads exactly the
 * granted fields; the Afnameoverzicht shows that fetch by name, the delivery's lineage and one
 * record's; hub staff find the authorisation among every institution's.
 */
describe('console: grant with narrowed fields, the processor downloads, the institution sees the afname and its lineage', function () {
  this.timeout(180000);
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const hub = await tokenFor(server, 'hub@datahub.test');
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, FILE, example('CAT/Cataract/1.4/examples/valid.csv'), { period: '2026K1' });
    await settled(server, delivery.id);
    const nhr = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' });
    expectOk(
      await asUser(server, hub, LINK, {
        input: { organisationId: nhr.id, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'ODS', 'VaCCPO'] },
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.datahub.stop();
  });

  it('the local administrator grants NHR the CAT link with ODS left out', async () => {
    const admin = await (await browser.newContext()).newPage();
    await logInWithMailedCode(admin, server, 'beheer@zuidermeer.test');
    await admin.goto(`${server.url}/beheer/machtigingen`);
    await admin.getByTestId('grant-open').click();
    await admin.getByTestId('grant-link').click();
    await admin.getByRole('option', { name: /^NHR Analysebureau — CAT/ }).click();
    await admin.getByTestId('grant-dialog').getByText('ODS', { exact: true }).click();
    await admin.getByTestId('grant-purpose').fill('Kwaliteitsanalyse cataract');
    // Only the quarter this test delivers: Zuidermeer's demo history holds other quarters' records.
    await admin.getByTestId('grant-from-period').fill('2026K1');
    await admin.getByTestId('grant-to-period').fill('2026K1');
    await admin.getByTestId('grant-submit').click();
    await admin.getByRole('cell', { name: 'Kwaliteitsanalyse cataract' }).waitFor();
    await admin.getByRole('cell', { name: 'OperatieDatum, VaCCPO', exact: true }).waitFor();
  });

  it('the processor sees four new records, and its CSV link gives exactly the granted fields; then nothing is new', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'verwerker@nhr.test');
    await page.goto(`${server.url}/mijn-machtigingen`);
    const table = page.getByTestId('my-authorisations');
    await table.getByText('Kwaliteitsanalyse cataract').waitFor({ timeout: 15000 });
    expect(await table.getByTestId('changes-since-last-fetch').first().innerText()).to.equal('4');
    const href = await table.getByTestId('download-csv').first().getAttribute('href');
    expect(href).to.match(/^\/api\/forwarding\/[0-9a-f-]{36}\/records\.csv$/);
    // The link as the browser follows it: the session cookie is the credential.
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).to.equal('recordKey,version,institution,period,status,OperatieDatum,VaCCPO');
    expect(rows).to.have.length(4);
    await page.reload();
    await table.getByText('Kwaliteitsanalyse cataract').waitFor({ timeout: 15000 });
    expect(await table.getByTestId('changes-since-last-fetch').first().innerText()).to.equal('0');
  });

  it("Zuidermeer's Afnameoverzicht shows the fetch by name, the delivery's lineage and one record's versions with who received them", async () => {
    const processorName = (await server.datahub.orm.em.fork().findOneOrFail(User, { email: 'verwerker@nhr.test' })).name;
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/forwardings`);
    const table = page.getByTestId('afnames-table');
    await table.getByText('NHR Analysebureau').waitFor({ timeout: 15000 });
    const row = table.locator('tr', { hasText: 'NHR Analysebureau' }).first();
    const cells = await row.innerText();
    expect(cells).to.match(/\b4\b/);
    expect(cells).to.include(processorName).and.include('Kwaliteitsanalyse cataract').and.include('CAT/Cataract');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('afnames-export').click()]);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(exported.split('\r\n')[1]).to.include('NHR Analysebureau').and.include(processorName).and.include('Kwaliteitsanalyse cataract');

    const deliveries = page.getByTestId('lineage-deliveries');
    await deliveries.getByText(FILE).waitFor({ timeout: 15000 });
    await deliveries.locator('tr', { hasText: FILE }).locator('.el-table__expand-icon').click();
    const receipt = page.getByTestId('lineage-receipt').first();
    await receipt.waitFor();
    expect(await receipt.locator('summary').innerText())
      .to.include('NHR Analysebureau')
      .and.include('4');
    await receipt.locator('summary').click();
    await receipt.getByTestId('record-key').first().click();
    const dialog = page.getByTestId('record-lineage');
    await dialog.getByTestId('record-lineage-version').first().waitFor();
    const version = await dialog.getByTestId('record-lineage-version').first().innerText();
    expect(version).to.include('Versie 1').and.include('NHR Analysebureau').and.include('csv');
  });

  it("hub staff find that authorisation among every institution's, filtered on NHR", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.goto(`${server.url}/beheer/machtigingen`);
    await page.getByRole('tab', { name: 'Alle instellingen' }).click();
    await page.getByTestId('all-authorisations-processor').click();
    await page.getByRole('option', { name: 'NHR Analysebureau' }).click();
    const table = page.getByTestId('all-authorisations-table');
    await table.getByText('Kwaliteitsanalyse cataract').waitFor({ timeout: 15000 });
    expect(await table.locator('tr', { hasText: 'Kwaliteitsanalyse cataract' }).first().innerText())
      .to.include('11111111')
      .and.include('OperatieDatum, VaCCPO');
  });
});
