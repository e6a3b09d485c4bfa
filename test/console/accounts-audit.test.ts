import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { asUser, DEMO_PASSWORD, expectOk, latestMail, mailedLinkToken, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename } }`;

/** Waits until the number of messages under the fields of a form is `count` (5 s at most). */
async function untilErrors(page: Page, scope: string, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await page.locator(`${scope} .el-form-item__error`).count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} field messages in ${scope}`);
    await page.waitForTimeout(50);
  }
}

/** The messages under the fields of a form, as shown. */
async function fieldErrors(page: Page, scope: string): Promise<string[]> {
  return page.locator(`${scope} .el-form-item__error`).allInnerTexts();
}

describe('console: forms, invitations, Mijn account and a readable audit log, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('clears a message under a field of the invite dialog as soon as that field is filled in', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/beheer/gebruikers`);
    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-submit').click();
    await page.locator('[data-testid="invite-dialog"] .el-form-item__error').first().waitFor();
    const before = await fieldErrors(page, '[data-testid="invite-dialog"]');
    await page.getByTestId('invite-email').fill('iemand@zuidermeer.test');
    await page.getByTestId('invite-name').fill('Iemand');
    await untilErrors(page, '[data-testid="invite-dialog"]', 1);
    const after = await fieldErrors(page, '[data-testid="invite-dialog"]');
    expect(before.length).to.equal(3);
    expect(after).to.deep.equal(['Kies een rol.']);
  });

  it("clears the invitation password form's messages as the password becomes long enough and the repetition matches", async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    expectOk(
      await asUser(server, admin, INVITE, {
        input: { email: 'wachtwoord@zuidermeer.test', name: 'Wim Wachtwoord', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const token = mailedLinkToken(server, 'wachtwoord@zuidermeer.test', 'invitation');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/invitation/${token}`);
    await page.getByTestId('new-password').fill('kort');
    await page.getByTestId('new-password-submit').click();
    await page.locator('.el-form-item__error').first().waitFor();
    const tooShort = await fieldErrors(page, 'form');
    await page.getByTestId('new-password').fill('Een-lang-genoeg-wachtwoord');
    await untilErrors(page, 'form', 0);
    await page.getByTestId('new-password-repeat').fill('iets anders');
    await page.getByTestId('new-password-submit').click();
    await page.locator('.el-form-item__error').first().waitFor();
    const mismatch = await fieldErrors(page, 'form');
    await page.getByTestId('new-password-repeat').fill('Een-lang-genoeg-wachtwoord');
    await untilErrors(page, 'form', 0);
    expect(tooShort).to.have.length(1);
    expect(mismatch).to.have.length(1);
  });

  it('lists open invitations on the Gebruikers page, sends one again with a new link and withdraws it', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    expectOk(
      await asUser(server, admin, INVITE, {
        input: { email: 'open@zuidermeer.test', name: 'Olga Open', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const firstMail = latestMail(server, 'open@zuidermeer.test');
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/beheer/gebruikers`);
    const row = page.getByTestId('invitation-row-open@zuidermeer.test');
    await row.getByText('Olga Open').waitFor();
    await page.getByTestId('invitation-resend-open@zuidermeer.test').click();
    await page.getByText('De uitnodiging is opnieuw verstuurd naar open@zuidermeer.test', { exact: false }).waitFor();
    expect(latestMail(server, 'open@zuidermeer.test')).not.to.equal(firstMail);
    await page.getByTestId('invitation-withdraw-open@zuidermeer.test').click();
    await page.locator('.el-message-box').getByRole('button', { name: 'Intrekken' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('changes the password on Mijn account after the current one, clearing the wrong-password message once it is retyped', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'aanlever@zuidermeer.test');
    await page.goto(`${server.url}/account`);
    await page.getByTestId('current-password').fill('niet-het-goede-wachtwoord');
    await page.getByTestId('change-new-password').fill('Een-nieuw-sterk-wachtwoord');
    await page.getByTestId('change-new-password-repeat').fill('Een-nieuw-sterk-wachtwoord');
    await page.getByTestId('change-password-submit').click();
    await page.getByText('Uw huidige wachtwoord klopt niet.').waitFor();
    await page.getByTestId('current-password').fill('Welkom-bij-de-Datahub-2026');
    await page.getByText('Uw huidige wachtwoord klopt niet.').waitFor({ state: 'detached' });
    await page.getByTestId('current-password').fill(DEMO_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();
  });

  it('resets the authenticator on Mijn account: asks the password, ends the session and goes to the login page', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'inzage@zuidermeer.test');
    await page.goto(`${server.url}/account`);
    await page.getByTestId('reset-authenticator-password').fill(DEMO_PASSWORD);
    await page.getByTestId('reset-authenticator-submit').click();
    await page.locator('.el-message-box').getByRole('button', { name: 'Authenticator verwijderen' }).click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').waitFor();
  });

  it('shows the refused deactivation of the last local administrator in Dutch, with names, to that administrator and to hub staff, and filters on the person', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const self = (await server.datahub.orm.em.fork().getConnection().execute(`select id from app_user where email = 'beheer@maasdal.test'`))[0].id as string;
    expectOk(await asUser(server, maasdal, 'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename } }', { id: self }));
    for (const who of ['beheer@maasdal.test', 'hub@datahub.test']) {
      const page = await (await browser.newContext()).newPage();
      await logInWithMailedCode(page, server, who);
      await page.goto(`${server.url}/beheer/audit`);
      await page.getByTestId('audit-outcome').click();
      await page.getByRole('option', { name: 'Geweigerd' }).click();
      await page.getByTestId('audit-action').click();
      await page.getByRole('option', { name: 'Gebruiker deactiveren' }).click();
      await page.getByTestId('audit-apply').click();
      const row = page.getByTestId('audit-table').locator('tbody tr').filter({ hasText: 'Gebruiker deactiveren' }).first();
      await row.waitFor();
      const text = await row.innerText();
      expect(text).to.include('Geweigerd');
      expect(text).to.include('Dit is de laatste actieve lokaal beheerder');
      expect(text).to.include('Mila Maasdal');
      expect(text).to.include('Lokaal beheerder, Maasdal Medisch Centrum');
      expect(text).not.to.include(self);
      expect(text).not.to.include('LOCAL_ADMIN@');
      expect(await row.getByTestId('audit-object').getAttribute('title')).to.equal(self);
      await row.getByTestId('audit-actor').click();
      await page.getByTestId('audit-filter-actor').getByText('Gebruiker: Mila Maasdal').waitFor();
      const names = await page.getByTestId('audit-table').getByTestId('audit-actor').allInnerTexts();
      expect(names.length).to.be.greaterThan(0);
      expect(new Set(names)).to.deep.equal(new Set(['Mila Maasdal']));
    }
  });
});
