import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: agreements, contact persons and a channel switch, in Chromium', function () {
  this.timeout(180000);
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('a local administrator uploads a signed PDF, adds a contact person and asks for a channel switch; hub staff approve it', async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    expectOk(await asUser(server, hub, 'mutation { recordAgreement(input: { institutionCode: "11111111", kind: PROCESSING, status: SENT }) { __typename } }'));
    const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'agreement-')), 'verwerkersovereenkomst.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%%EOF\n');

    const admin = await (await browser.newContext()).newPage();
    await logInWithMailedCode(admin, server, 'beheer@zuidermeer.test');
    await admin.goto(`${server.url}/beheer/overeenkomsten`);
    await admin.getByText('Verwerkersovereenkomst').waitFor();
    await admin.getByTestId('agreement-upload').setInputFiles(pdf);
    await admin.getByRole('link', { name: 'Downloaden' }).waitFor();

    await admin.goto(`${server.url}/beheer/contactpersonen`);
    await admin.getByTestId('contact-registry').click();
    await admin.getByRole('option', { name: 'CAT' }).click();
    await admin.getByTestId('contact-name').fill('Anne de Vries');
    await admin.getByLabel('Functie').fill('Kwaliteitsfunctionaris');
    await admin.getByLabel('E-mailadres').fill('anne@zuidermeer.test');
    await admin.getByRole('button', { name: 'Toevoegen' }).click();
    await admin.getByRole('cell', { name: 'Anne de Vries' }).waitFor();

    await admin.goto(`${server.url}/beheer/kanalen`);
    await admin.getByTestId('switch-channel').click();
    await admin.getByRole('option', { name: 'Invoerportaal' }).click();
    await admin.getByTestId('switch-reason').fill('Handmatige invoer door de oogartsen');
    await admin.getByTestId('switch-period').fill('2026K1');
    await admin.getByRole('button', { name: 'Aanvragen' }).click();
    await admin.getByRole('cell', { name: 'Handmatige invoer door de oogartsen' }).waitFor();

    const staff = await (await browser.newContext()).newPage();
    await logInWithMailedCode(staff, server, 'hub@datahub.test');
    await staff.goto(`${server.url}/beheer/kanalen`);
    await staff.getByTestId('switch-approve').click();
    await staff.getByText('Geen aanvragen.').waitFor();

    const answer = expectOk(await asUser<{ activeChannel: string }>(server, hub, '{ activeChannel(institutionCode: "11111111", registry: "CAT") }'));
    expect(answer.activeChannel).to.equal('ENTRY_PORTAL');
    const agreements = expectOk(
      await asUser<{ agreements: { documentSize: number | null }[] }>(server, hub, '{ agreements(institutionCode: "11111111") { documentSize } }'),
    );
    expect(agreements.agreements[0]?.documentSize).to.equal(15);
  });
});
