import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/**
 * Hub staff hold no institution role: Overzicht, Aangeleverd and Verwacht let them choose any
 * institution (kept in `?instelling=`), and Gebruikers shows the people of any organisation.
 * Demo data: Zuidermeer (11111111) and Maasdal (15330041), their local administrators, a processor.
 */
describe('console: hub staff look at one hospital, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let hub: Page;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    hub = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
  });
  after(async () => {
    await browser?.close();
  });

  /** Opens the picker with this test id, types the text and takes the option whose label matches. */
  async function pick(page: Page, testid: string, text: string, option: RegExp): Promise<void> {
    await page.getByTestId(testid).click();
    await page.keyboard.type(text);
    await page.getByRole('option', { name: option }).click();
  }

  it('Overzicht: a link with ?instelling= opens that hospital for hub staff, and the picker finds another by name and puts it in the address', async () => {
    await hub.goto(`${server.url}/overzicht?instelling=11111111`);
    await hub.getByTestId('overview-missing').waitFor({ timeout: 15000 });
    const shown = await hub.getByTestId('overview-institution-name').innerText();

    await hub.goto(`${server.url}/overzicht`);
    const empty = await hub.getByTestId('overview-empty').innerText();
    await pick(hub, 'overview-institution', 'maasdal', /Maasdal Medisch Centrum/);
    await hub.waitForURL(/instelling=15330041/);
    await hub.getByTestId('overview-institution-name').getByText('Maasdal Medisch Centrum').waitFor();
    expect({ shown, empty }).to.deep.equal({
      shown: 'Universitair Medisch Centrum Zuidermeer (11111111)',
      empty: 'Kies een instelling om haar overzicht te zien.',
    });
  });

  it("Aangeleverd: hub staff see every institution's deliveries with an institution column (code on hover), and one institution's without it once chosen", async () => {
    await hub.goto(`${server.url}/aangeleverd`);
    const names = hub.getByTestId('deliveries-institution-name');
    await names.first().waitFor({ timeout: 15000 });
    const all = await names.evaluateAll((cells) => cells.map((cell) => `${cell.textContent?.trim()}|${cell.getAttribute('title')}`));
    const intro = await hub.getByTestId('deliveries-intro').innerText();

    await pick(hub, 'deliveries-institution', '1533', /Maasdal Medisch Centrum/);
    await hub.waitForURL(/instelling=15330041/);
    await hub.getByTestId('deliveries-intro').getByText('Aanleveringen van Maasdal Medisch Centrum').waitFor();
    await hub.getByTestId('deliveries-table').locator('tbody tr').first().waitFor();
    expect(new Set(all).size).to.be.greaterThan(1, all.join(', '));
    expect(all.every((cell) => /^[^|]+\|\d{8}$/.test(cell))).to.equal(true, all.join(', '));
    expect(intro).to.not.include('uw instelling');
    await names.first().waitFor({ state: 'detached' });
    expect(await hub.getByTestId('deliveries-table').locator('thead').innerText()).to.not.include('Instelling');
  });

  it('Verwacht: hub staff see the institution column until they choose one institution, which the address keeps', async () => {
    await hub.goto(`${server.url}/verwacht`);
    const names = hub.getByTestId('expected-institution-name');
    await names.first().waitFor({ timeout: 15000 });
    const title = await names.first().getAttribute('title');

    await pick(hub, 'expected-institution', 'zuidermeer', /Zuidermeer/);
    await hub.waitForURL(/instelling=11111111/);
    await hub.getByTestId('expected-table').locator('tbody tr').first().waitFor();
    await hub.reload();
    await hub.getByTestId('expected-table').locator('tbody tr').first().waitFor({ timeout: 15000 });
    expect({
      title: /^\d{8}$/.test(title ?? ''),
      column: await names.count(),
      picked: await hub.getByTestId('expected-institution').innerText(),
    }).to.deep.equal({
      title: true,
      column: 0,
      picked: 'Universitair Medisch Centrum Zuidermeer (11111111)',
    });
  });

  it('Volledigheid: the heat map shows a row per institution and each cell coloured and counted as completeness counts it', async () => {
    await hub.goto(`${server.url}/beheer/volledigheid`);
    const map = hub.getByTestId('completeness-heat-map');
    await map.locator('tbody tr').first().waitFor({ timeout: 15000 });
    const registry = (await hub.getByTestId('completeness-registry').innerText()).trim();
    const shown = await map
      .locator('tbody td')
      .evaluateAll((cells) =>
        cells.filter((cell) => cell.textContent?.trim()).map((cell) => `${cell.className.replace('cell ', '')} ${cell.textContent?.trim()}`),
      );
    const rows = await map.locator('tbody tr').count();
    const token = await tokenFor(server, 'hub@datahub.test');
    const answer = expectOk(
      await asUser<{ completeness: { institution: { code: string }; expected: number; delivered: number; late: number; missing: number }[] }>(
        server,
        token,
        `query ($filter: CompletenessFilterInput) { completeness(filter: $filter, groupBy: [INSTITUTION, PERIOD]) { institution { code } expected delivered late missing } }`,
        { filter: { registry } },
      ),
    ).completeness;
    const kind = (row: { late: number; missing: number }) => (row.missing > 0 ? 'missing' : row.late > 0 ? 'late' : 'onTime');
    expect({ rows, cells: shown.sort() }).to.deep.equal({
      rows: new Set(answer.map((row) => row.institution.code)).size,
      cells: answer.map((row) => `cell--${kind(row)} ${row.delivered}/${row.expected}`).sort(),
    });
    expect(shown.length).to.be.greaterThan(0);
  });
});

describe('console: deadline exceptions, set by hub staff and read by local administrators, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it("hub staff add, change and remove an exception on the institution's page, a refusal shows its message, and the local administrator reads it without edit buttons", async () => {
    const hub = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(hub, server, 'hub@datahub.test');
    await hub.goto(`${server.url}/instellingen/11111111`);
    const dialog = hub.getByTestId('deadline-exception-dialog');
    const table = hub.getByTestId('deadline-exceptions');
    await table.waitFor({ timeout: 15000 });

    async function fill(period: string): Promise<void> {
      await hub.getByTestId('deadline-exception-add').click();
      await hub.getByTestId('deadline-exception-registry').click();
      await hub.getByRole('option', { name: /^CAT\b/ }).click();
      await hub.getByTestId('deadline-exception-sub-delivery').click();
      await hub.getByRole('option', { name: 'Cataract', exact: true }).click();
      await hub.getByTestId('deadline-exception-period').fill(period);
      const deadline = hub.getByTestId('deadline-exception-deadline').locator('input');
      await deadline.fill('2026-06-30');
      await deadline.press('Enter');
      await hub.getByTestId('deadline-exception-reason').fill('Overstap EPD');
      await hub.getByTestId('deadline-exception-save').click();
    }

    // CAT Cataract is delivered per quarter and as TOTAAL: a month is refused by the server.
    await fill('2026M03');
    await dialog.getByText('Periode 2026M03 past niet bij een schema van Cataract').waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await fill('2026K1');
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('30 jun 2026').waitFor();

    await hub.getByTestId('deadline-exception-edit-2026K1').click();
    await hub.getByTestId('deadline-exception-exempt').click();
    await hub.getByTestId('deadline-exception-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('vrijgesteld').waitFor();

    const admin = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(admin, server, 'beheer@zuidermeer.test');
    await admin.getByRole('link', { name: 'Afwijkende deadlines' }).click();
    const read = admin.getByTestId('deadline-exceptions');
    await read.getByText('Overstap EPD').waitFor({ timeout: 15000 });
    const readRow = await read.locator('tbody tr', { hasText: '2026K1' }).innerText();
    const editButtons = await admin.getByTestId('deadline-exception-edit-2026K1').count();

    await hub.getByTestId('deadline-exception-remove-2026K1').click();
    await hub.locator('.el-message-box').getByRole('button', { name: 'Verwijderen' }).click();
    await hub.getByTestId('deadline-exception-edit-2026K1').waitFor({ state: 'detached' });

    const token = await tokenFor(server, 'hub@datahub.test');
    const left = expectOk(
      await asUser<{ deadlineExceptions: { period: string }[] }>(server, token, '{ deadlineExceptions(institutionCode: "11111111") { period } }'),
    );
    expect(readRow).to.match(/CAT\s+Cataract[\s\S]*2026K1[\s\S]*vrijgesteld[\s\S]*Overstap EPD/);
    expect({ editButtons, left: left.deadlineExceptions.filter((row) => row.period === '2026K1').length }).to.deep.equal({ editButtons: 0, left: 0 });
  });
});

describe('console: Gebruikers for hub staff, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
  });

  it("lists a processor's people with their roles, deactivates one, and shows an institution's people with their roles there and the invitation button", async () => {
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.goto(`${server.url}/beheer/gebruikers`);
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    await page.getByTestId('hub-user-row-hub@datahub.test').waitFor({ timeout: 15000 });

    await page.getByTestId('users-kind-PROCESSOR').click();
    await page.waitForURL(/soort=PROCESSOR/);
    const processorRow = page.getByTestId('hub-user-row-verwerker@nhr.test');
    await processorRow.waitFor({ timeout: 15000 });
    const roles = await processorRow.innerText();
    await page.getByTestId('deactivate-verwerker@nhr.test').click();
    await page.locator('.el-message-box').getByRole('button', { name: 'Deactiveren' }).click();
    await page.getByTestId('reactivate-verwerker@nhr.test').waitFor();

    await page.getByTestId('users-kind-INSTITUTION').click();
    await page.getByTestId('institution-picker').click();
    await page.keyboard.type('Zuidermeer');
    await page.getByRole('option', { name: /Zuidermeer/ }).click();
    await page.getByTestId('user-row-beheer@zuidermeer.test').getByText('Lokaal beheerder').waitFor({ timeout: 15000 });
    await page.getByTestId('invite-open').waitFor();

    const token = await tokenFor(server, 'hub@datahub.test');
    const stored = expectOk(
      await asUser<{ organisations: { nodes: { id: string; name: string }[] } }>(server, token, '{ organisations(kind: PROCESSOR) { nodes { id name } } }'),
    );
    const nhr = stored.organisations.nodes.find((organisation) => organisation.name === 'NHR Analysebureau');
    const people = expectOk(
      await asUser<{ organisationUsers: { nodes: { email: string; active: boolean }[] } }>(
        server,
        token,
        'query ($id: ID!) { organisationUsers(organisationId: $id) { nodes { email active } } }',
        { id: nhr?.id },
      ),
    );
    expect(title).to.equal('Gebruikers');
    expect(roles).to.include('Verwerker · NHR Analysebureau');
    expect(people.organisationUsers.nodes).to.deep.include({ email: 'verwerker@nhr.test', active: false });
  });
});
