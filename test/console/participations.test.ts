import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Institution } from '../../server/src/institutions/institution.entity';
import { Participation } from '../../server/src/participations/participation.entity';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

/** Hartkliniek Brabantse Wal takes no part in CAT in the demo data. */
const CODE = '30850197';

describe('console: participation lifecycle in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  before(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });
  after(async () => {
    await browser?.close();
    await server?.datahub.stop();
  });

  async function catState(): Promise<string | undefined> {
    const em = server.datahub.orm.em.fork();
    const institution = await em.findOneOrFail(Institution, { code: CODE });
    const rows = await em.find(Participation, { institution: institution.id }, { populate: ['subDelivery'] });
    return rows.find((row) => row.subDelivery.getEntity().code === 'Cataract')?.state;
  }

  it('a local administrator signs up for CAT on Registraties and sees it Aangemeld', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, `beheer.${CODE}@datahub.test`);
    await page.goto(`${server.url}/registraties`);
    await page.getByTestId('sign-up-registry').click();
    await page.locator('.el-select-dropdown__item', { hasText: 'CAT ·' }).click();
    await page.getByTestId('sign-up-start').fill('2026K1');
    await page.getByTestId('contact-name-0').fill('Anna de Vries');
    await page.getByTestId('contact-role-0').fill('registratiecoördinator');
    await page.getByTestId('contact-email-0').fill('anna@brabantsewal.test');
    await page.getByTestId('sign-up-submit').click();
    const tag = page.getByTestId('state-CAT-Cataract');
    await tag.waitFor({ timeout: 15000 });
    expect((await tag.innerText()).trim()).to.equal('Aangemeld');
    expect(await catState()).to.equal('REQUESTED');
  });

  it('hub staff find it on the Deelnames board and move it to Overeenkomsten verstuurd with a note', async () => {
    const page = await (await browser.newContext()).newPage();
    await logInWithMailedCode(page, server, 'hub@datahub.test');
    await page.goto(`${server.url}/deelnames`);
    await page.getByTestId('board-search').fill(CODE);
    const board = page.getByTestId('participation-board');
    await board.locator('.el-tag', { hasText: 'Aangemeld' }).first().waitFor({ timeout: 15000 });
    await board.getByTestId('move-AGREEMENTS_SENT').first().click();
    await page.getByTestId('move-note').fill('Per post verstuurd');
    await page.getByTestId('move-submit').click();
    await board.locator('.el-tag', { hasText: 'Overeenkomsten verstuurd' }).first().waitFor({ timeout: 15000 });
    expect(await catState()).to.equal('AGREEMENTS_SENT');
  });
});
