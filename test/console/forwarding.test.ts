import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Organisation } from '../../server/src/access/organisation.entity';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { example, settled, upload } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { id } ... on Refusal { code } } }`;

describe('console: a processor downloads what it is authorised for, and the institution sees the afname', function () {
  this.timeout(120000);
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const hub = await tokenFor(server, 'hub@datahub.test');
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_811_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);
    const nhr = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' });
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhr.id, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum', 'ODS', 'VaCCPO'] },
      }),
    ).linkProcessor;
    expectOk(
      await asUser(server, admin, GRANT, {
        input: { linkId: link.id, institutionCode: '11111111', fields: ['OperatieDatum', 'VaCCPO'], purpose: 'Kwaliteitsanalyse cataract' },
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.datahub.stop();
  });

  it('the processor sees its authorisation on Mijn machtigingen and its CSV link gives exactly the granted fields', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'verwerker@nhr.test');
    await page.goto(`${server.url}/mijn-machtigingen`);
    const table = page.getByTestId('my-authorisations');
    await table.getByText('Kwaliteitsanalyse cataract').waitFor({ timeout: 15000 });
    const href = await table.getByTestId('download-csv').first().getAttribute('href');
    expect(href).to.match(/^\/api\/forwarding\/[0-9a-f-]{36}\/records\.csv$/);
    // The link as the browser follows it: the session cookie is the credential.
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).to.equal('recordKey,version,institution,period,status,OperatieDatum,VaCCPO');
    expect(rows).to.have.length(4);
  });

  it("Zuidermeer's local administrator sees that fetch on the Afnameoverzicht, with the processor and the number of records", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/forwardings`);
    const table = page.getByTestId('afnames-table');
    await table.getByText('NHR Analysebureau').waitFor({ timeout: 15000 });
    const row = table.locator('tr', { hasText: 'NHR Analysebureau' }).first();
    expect(await row.innerText()).to.match(/\b4\b/);
    await page.getByTestId('lineage-deliveries').getByText('11111111_0_CAT_1.4_811_20260410_PROD.csv').waitFor({ timeout: 15000 });
  });
});
