import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { User } from '../../server/src/access/user.entity';
import { Institution } from '../../server/src/institutions/institution.entity';
import { Participation } from '../../server/src/participations/participation.entity';
import { Delivery } from '../../server/src/deliveries/delivery.entity';
import { DEMO_PASSWORD, asUser, expectOk, mailedLinkToken, tokenFor } from '../support/actors';
import { example } from '../support/deliveries';
import { startTestServer, type TestServer } from '../support/server';
import { MOVE, type Moved, signAgreements } from '../api/participations/helpers';
import { launchChromium, logInWithMailedCode } from './browser';

/**
 * Issue 12's onboarding path as the people do it in the console: hub staff register a new hospital
 * and invite its first local administrator, who accepts, signs up for CAT, sees the agreements signed,
 * delivers a clean test file and, once hub staff have put CAT live, sees its expected deliveries in
 * the Overzicht. Only the paperwork steps of hub staff (agreements, roles) go through the API.
 */
const CODE = '24681357';
const NAME = 'Ziekenhuis Rivierenland-Oost';
const ADMIN = `beheer@${CODE}.test`;

/** The file input inside the Bestanden aanleveren drop zone (Element Plus renders it hidden). */
const FILE_INPUT = '[data-testid="upload-file-input"] input[type="file"]';
const GRANT = `mutation ($userId: ID!, $input: RoleScopeInput!) { grantRole(userId: $userId, input: $input) { __typename ... on Refusal { code message } } }`;

describe('console: onboarding a new hospital for CAT, from institution to Overzicht, in Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let server: TestServer;
  let hub: string;
  let staff: Page;
  let admin: Page;
  let files: string;

  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    files = mkdtempSync(path.join(os.tmpdir(), 'datahub-onboarding-'));
  });
  after(async () => {
    await browser?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function catParticipation(): Promise<Participation | undefined> {
    const em = server.datahub.orm.em.fork();
    const institution = await em.findOneOrFail(Institution, { code: CODE });
    const rows = await em.find(Participation, { institution: institution.id }, { populate: ['subDelivery'] });
    return rows.find((row) => row.subDelivery.getEntity().code === 'Cataract');
  }

  async function moveByApi(to: string): Promise<void> {
    const participation = await catParticipation();
    const moved = expectOk(await asUser<{ moveParticipation: Moved }>(server, hub, MOVE, { input: { id: participation?.id, to } })).moveParticipation;
    expect(moved.state, JSON.stringify(moved)).to.equal(to);
  }

  /** The CAT row's state tag on Registraties, after a fresh load of the page. */
  async function catStateOnRegistrations(): Promise<string> {
    await admin.goto(`${server.url}/registraties`);
    const tag = admin.getByTestId('state-CAT-Cataract');
    await tag.waitFor({ timeout: 15000 });
    return (await tag.innerText()).trim();
  }

  it('hub staff create the institution on Instellingen and invite its first local administrator on its page', async () => {
    staff = await (await browser.newContext()).newPage();
    await logInWithMailedCode(staff, server, 'hub@datahub.test');
    await staff.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await staff.getByTestId('institution-create-open').click();
    await staff.getByTestId('institution-code').fill(CODE);
    await staff.getByTestId('institution-name').fill(NAME);
    await staff.getByTestId('institution-type').click();
    await staff.getByRole('option', { name: 'Algemeen ziekenhuis' }).click();
    await staff.getByTestId('institution-place').fill('Tiel');
    await staff.getByTestId('institution-submit').click();
    await staff.getByRole('heading', { name: NAME }).waitFor();

    const admins = staff.locator('[data-section="local-administrators"]');
    await admins.getByTestId('invite-local-admin').click();
    await staff.getByTestId('invite-email').fill(ADMIN);
    await staff.getByTestId('invite-name').fill('Bram Beheer');
    await staff.getByTestId('invite-submit').click();
    await staff.getByText(`De uitnodiging is verstuurd naar ${ADMIN}.`).waitFor({ timeout: 15000 });
    // An invitation is no account yet: the section lists the administrator once it is accepted.
    expect(await admins.innerText()).to.include(`${NAME} heeft nog geen lokaal beheerder.`);
  });

  it('the administrator accepts the mailed invitation, logs in and signs up for CAT on Registraties', async () => {
    admin = await (await browser.newContext()).newPage();
    await admin.goto(`${server.url}/invitation/${mailedLinkToken(server, ADMIN, 'invitation')}`);
    await admin.getByTestId('new-password').fill(DEMO_PASSWORD);
    await admin.getByTestId('new-password-repeat').fill(DEMO_PASSWORD);
    await admin.getByTestId('new-password-submit').click();
    await admin.waitForURL(/\/login/);
    await logInWithMailedCode(admin, server, ADMIN);
    await staff.reload();
    await staff.locator('[data-section="local-administrators"]').getByRole('cell', { name: ADMIN }).waitFor({ timeout: 15000 });

    await admin.goto(`${server.url}/registraties`);
    await admin.getByTestId('sign-up-registry').click();
    await admin.locator('.el-select-dropdown__item', { hasText: 'CAT ·' }).click();
    await admin.getByTestId('sign-up-start').fill('2026K1');
    await admin.getByTestId('contact-name-0').fill('Anna de Vries');
    await admin.getByTestId('contact-role-0').fill('registratiecoördinator');
    await admin.getByTestId('contact-email-0').fill('anna@rivierenland.test');
    await admin.getByTestId('sign-up-submit').click();
    const tag = admin.getByTestId('state-CAT-Cataract');
    await tag.waitFor({ timeout: 15000 });
    expect((await tag.innerText()).trim()).to.equal('Aangemeld');
    expect((await catParticipation())?.state).to.equal('REQUESTED');
  });

  it('after hub staff record the agreements signed, the administrator sees them Getekend and CAT at Overeenkomsten getekend', async () => {
    await moveByApi('AGREEMENTS_SENT');
    await signAgreements(server, hub, CODE, 'CAT');
    await moveByApi('AGREEMENTS_SIGNED');
    // The administrator delivers too: a SUBMITTER role for CAT makes the accounts complete.
    const user = await server.datahub.orm.em.fork().findOneOrFail(User, { email: ADMIN });
    const granted = expectOk(
      await asUser<{ grantRole: { __typename: string } }>(server, hub, GRANT, {
        userId: user.id,
        input: { role: 'SUBMITTER', institutionCode: CODE, registryCodes: ['CAT'] },
      }),
    ).grantRole;
    expect(granted.__typename, JSON.stringify(granted)).to.equal('RoleAssignmentList');

    await admin.goto(`${server.url}/beheer/overeenkomsten`);
    const agreements = admin.getByTestId('institution-agreements');
    await agreements.locator('tbody tr').nth(3).waitFor({ timeout: 15000 });
    const statuses = await agreements.locator('tbody tr .el-tag').allInnerTexts();
    expect(statuses.map((status) => status.trim())).to.deep.equal(['Getekend', 'Getekend', 'Getekend', 'Getekend']);
    expect(await catStateOnRegistrations()).to.equal('Overeenkomsten getekend');
  });

  it('the administrator moves CAT to Accounts gereed and Testen on Registraties', async () => {
    for (const [to, label] of [
      ['ACCOUNTS_READY', 'Accounts gereed'],
      ['TESTING', 'Testen'],
    ] as const) {
      await admin.getByTestId('participations-panel').getByTestId(`move-${to}`).click();
      await admin.getByTestId('move-note').fill(`Door de instelling: ${label}`);
      await admin.getByTestId('move-submit').click();
      await admin.getByTestId('state-CAT-Cataract').getByText(label, { exact: true }).waitFor({ timeout: 15000 });
    }
    expect((await catParticipation())?.state).to.equal('TESTING');
    // Without a test delivery the checklist says what is missing, and going live is for hub staff only.
    await admin.getByTestId('participations-panel').locator('.el-table__expand-icon').first().click();
    await admin.getByText('Nog niet aan alle criteria voldaan.').waitFor({ timeout: 15000 });
    expect(await admin.getByTestId('go-live-checklist').innerText()).to.include('ontbreekt');
    expect(await admin.getByTestId('move-PRODUCTION').count()).to.equal(0);
  });

  it('the administrator makes a clean TEST delivery on Bestanden aanleveren and sees the go-live checklist met', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(server.clock.now()).replaceAll('-', '');
    const file = path.join(files, `${CODE}_0_CAT_1.4_1_${today}_TEST.csv`);
    writeFileSync(file, example('CAT/Cataract/1.4/examples/valid.csv'));
    await admin.goto(`${server.url}/aanleveren`);
    await admin.locator(FILE_INPUT).setInputFiles(file);
    await admin.getByTestId('upload-from-name').waitFor();
    await admin.getByTestId('upload-period').fill('2026K1');
    await admin.getByTestId('upload-check').click();
    await admin.getByTestId('upload-findings').waitFor({ timeout: 15000 });
    await admin.getByTestId('upload-submit').click();
    await admin.waitForURL(/\/aanleveringen\/[0-9a-f-]{36}/, { timeout: 15000 });
    await admin.locator('[data-testid="delivery-status"][data-status="PROCESSED"]').waitFor({ timeout: 30000 });
    expect(await admin.getByTestId('delivery-status').innerText()).to.equal('Verwerkt');
    const id = new URL(admin.url()).pathname.split('/').pop() ?? '';
    const delivery = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id });
    expect({ status: delivery.status, test: delivery.test }).to.deep.equal({ status: 'PROCESSED', test: true });

    expect(await catStateOnRegistrations()).to.equal('Testen');
    await admin.getByTestId('participations-panel').locator('.el-table__expand-icon').first().click();
    const checklist = admin.getByTestId('go-live-checklist');
    await checklist.waitFor({ timeout: 15000 });
    await admin.getByText('Aan alle criteria voldaan.').waitFor();
    const marks = await checklist.locator('.el-tag').allInnerTexts();
    expect(marks.length).to.be.greaterThan(0);
    expect(
      marks.every((mark) => mark.trim() === 'voldaan'),
      marks.join(', '),
    ).to.equal(true);
  });

  it('hub staff move CAT to Productie on the Deelnames board; the administrator sees its expected deliveries in the Overzicht', async () => {
    await staff.goto(`${server.url}/deelnames`);
    await staff.getByTestId('board-search').fill(CODE);
    const board = staff.getByTestId('participation-board');
    await board.locator('.el-tag', { hasText: 'Testen' }).first().waitFor({ timeout: 15000 });
    await board.getByTestId('move-PRODUCTION').first().click();
    await staff.getByTestId('move-note').fill('Testaanlevering schoon, live');
    await staff.getByTestId('move-submit').click();
    await board.locator('.el-tag', { hasText: 'Productie' }).first().waitFor({ timeout: 15000 });
    expect((await catParticipation())?.state).to.equal('PRODUCTION');

    await admin.goto(`${server.url}/`);
    await admin.waitForURL(/\/overzicht$/);
    // What the server expects as missing today (the clean delivery was a TEST one and never counts):
    // from the start period 2026K1 on, the quarters whose deadline has passed, all of them CAT.
    const expected = expectOk(
      await asUser<{ expectedDeliveries: { nodes: { period: string; registry: { code: string } }[] } }>(
        server,
        hub,
        `{ expectedDeliveries(filter: { institution: "${CODE}", state: [MISSING] }, first: 50) { nodes { period registry { code } } } }`,
      ),
    ).expectedDeliveries.nodes;
    const periods = expected.map((row) => row.period).sort();
    expect(periods).to.include('2026K1');
    expect(expected.every((row) => row.registry.code === 'CAT')).to.equal(true);

    const missing = admin.getByTestId('overview-missing');
    await missing
      .locator('tbody tr')
      .nth(Math.min(periods.length, 5) - 1)
      .waitFor({ timeout: 15000 });
    const rows = (await missing.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
    expect(
      rows.every((row) => row.includes('CAT')),
      rows.join(' | '),
    ).to.equal(true);
    for (const period of periods.slice(0, 5))
      expect(
        rows.some((row) => row.includes(period)),
        period,
      ).to.equal(true);
    expect(await admin.getByTestId('overview-missing-count').innerText()).to.equal(`${Math.min(periods.length, 5)}/${periods.length}`);
  });
});
