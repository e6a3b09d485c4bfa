import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Organisation } from '../../server/src/access/organisation.entity';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { example, settled, upload } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const LINK = `mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename ... on ProcessorLink { id } ... on Refusal { code } } }`;
const GRANT = `mutation ($input: GrantAuthorisationInput!) { grantAuthorisation(input: $input) { __typename ... on Authorisation { id } ... on Refusal { code } } }`;

describe('console: a processor registers a notice endpoint on Mijn machtigingen and sees its notices', function () {
  this.timeout(120000);
  let browser: Browser;
  let server: TestServer;
  let receiver: Server;
  let hookUrl: string;
  const received: { signature: string; body: string }[] = [];

  before(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ signature: String(request.headers['datahub-signature']), body: Buffer.concat(chunks).toString('utf8') });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    browser = await launchChromium();
    server = await startTestServer({ DATAHUB_NOTICES_ALLOW_LOCAL_HTTP: '1' });
    const hub = await tokenFor(server, 'hub@datahub.test');
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const nhr = await server.datahub.orm.em.fork().findOneOrFail(Organisation, { name: 'NHR Analysebureau' });
    const link = expectOk(
      await asUser<{ linkProcessor: { id: string } }>(server, hub, LINK, {
        input: { organisationId: nhr.id, registry: 'CAT', subDelivery: 'Cataract', fields: ['OperatieDatum'] },
      }),
    ).linkProcessor;
    expectOk(
      await asUser(server, admin, GRANT, { input: { linkId: link.id, institutionCode: '11111111', fields: ['OperatieDatum'], purpose: 'Meldingen testen' } }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.datahub.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('refuses a private address with the reason, shows the secret once after registering, and lists the delivered notice signed with it', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'verwerker@nhr.test');
    await page.goto(`${server.url}/mijn-machtigingen`);
    const section = page.getByTestId('notices');
    await section.getByText('Meldingen').first().waitFor({ timeout: 15000 });

    await page.getByTestId('notice-url').fill('https://192.168.1.10/hook');
    await page.getByTestId('notice-save').click();
    await page.getByTestId('notice-url-error').getByText('localhost of een intern').waitFor({ timeout: 15000 });

    await page.getByTestId('notice-url').fill(hookUrl);
    await page.getByTestId('notice-save').click();
    const shown = page.getByTestId('notice-secret');
    await shown.waitFor({ timeout: 15000 });
    const secret = (await shown.locator('code').innerText()).trim();
    if (process.env.NOTICES_SCREENSHOT) await page.screenshot({ path: process.env.NOTICES_SCREENSHOT, fullPage: true });
    expect(secret).to.match(/^dhn_[A-Za-z0-9_-]{43}$/);

    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    const delivery = await upload(server, submitter, '11111111_0_CAT_1.4_821_20260410_PROD.csv', example('CAT/Cataract/1.4/examples/valid.csv'), {
      period: '2026K1',
    });
    await settled(server, delivery.id);

    // The page does not poll: reload until the worker has delivered the notice.
    for (let tries = 0; tries < 30; tries += 1) {
      await page.reload();
      await page.getByTestId('notices').getByText('Laatste meldingen').waitFor({ timeout: 15000 });
      if ((await page.getByTestId('notices-table').getByText('Afgeleverd').count()) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await page.getByTestId('notices-table').getByText('Afgeleverd').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('notice-secret').count(), 'the secret is not shown again').to.equal(0);
    if (process.env.NOTICES_SCREENSHOT) await page.screenshot({ path: process.env.NOTICES_SCREENSHOT.replace('.png', '-after.png'), fullPage: true });
    const tableText = await page.getByTestId('notices-table').innerText();
    expect(tableText, tableText).to.include('CAT/Cataract · 11111111');
    expect(await page.getByTestId('notice-url').inputValue()).to.equal(hookUrl);
    expect(received).to.have.length(1);
    const [first] = received;
    const t = /t=(\d+)/.exec(first?.signature ?? '')?.[1];
    expect(first?.signature).to.equal(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${first?.body}`).digest('hex')}`);
  });
});
