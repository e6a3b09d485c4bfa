import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: a local administrator invites a colleague and grants a role, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it('logs in with the mailed code, invites a submitter for CAT and MMY, and grants a viewer PMICD', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'beheer@zuidermeer.test');
    await page.goto(`${server.url}/beheer/gebruikers`);

    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-email').fill('collega@zuidermeer.test');
    await page.getByTestId('invite-name').fill('Carla Collega');
    await page.getByTestId('invite-role').click();
    await page.getByRole('option', { name: 'Aanleveraar' }).click();
    await page.getByTestId('invite-registries').click();
    await page.getByRole('option', { name: /^CAT\b/ }).click();
    await page.getByRole('option', { name: /^MMY\b/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('grant-open-aanlever@zuidermeer.test').click();
    await page.getByTestId('grant-role').click();
    await page.getByRole('option', { name: 'Raadpleger' }).click();
    await page.getByTestId('grant-registries').click();
    await page.getByRole('option', { name: /^PMICD\b/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('user-row-aanlever@zuidermeer.test').getByText('Raadpleger · PMICD').waitFor();

    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const invitations = expectOk(
      await asUser<{ openInvitations: { nodes: { email: string; role: string }[] } }>(
        server,
        admin,
        '{ openInvitations(institutionCode: "11111111") { nodes { email role } } }',
      ),
    );
    const users = expectOk(
      await asUser<{ institutionUsers: { nodes: { email: string; roles: { role: string; registry: { code: string } | null }[] }[] } }>(
        server,
        admin,
        '{ institutionUsers(institutionCode: "11111111") { nodes { email roles { role registry { code } } } } }',
      ),
    );
    const submitter = users.institutionUsers.nodes.find((user) => user.email === 'aanlever@zuidermeer.test');
    expect(invitations.openInvitations.nodes).to.deep.include({ email: 'collega@zuidermeer.test', role: 'SUBMITTER' });
    expect(submitter?.roles.map((role) => `${role.role}:${role.registry?.code}`)).to.include('VIEWER:PMICD');
  });
});
