import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Organisation, OrganisationKind } from '../../server/src/access/organisation.entity';
import { asUser, expectOk, tokenFor } from '../support/actors';
import { startTestServer, type TestServer } from '../support/server';
import { launchChromium, logInWithMailedCode } from './browser';

describe('console: processor links and authorisations, in Chromium', function () {
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

  it('hub staff see the link on Verwerkers; a local administrator grants it with one field left out and sees it in the history', async () => {
    const em = server.datahub.orm.em.fork();
    const implant = em.create(Organisation, { kind: OrganisationKind.PROCESSOR, name: 'Landelijk Implantatenregister' });
    await em.flush();
    const hub = await tokenFor(server, 'hub@datahub.test');
    expectOk(
      await asUser(server, hub, 'mutation ($input: LinkProcessorInput!) { linkProcessor(input: $input) { __typename } }', {
        input: { organisationId: implant.id, registry: 'PMICD', fields: ['DeviceType', 'Fabrikant', 'Model', 'Serienummer'] },
      }),
    );

    const staff = await (await browser.newContext()).newPage();
    await logInWithMailedCode(staff, server, 'hub@datahub.test');
    await staff.goto(`${server.url}/beheer/verwerkers`);
    await staff.getByRole('cell', { name: 'DeviceType, Fabrikant, Model, Serienummer' }).waitFor();

    const admin = await (await browser.newContext()).newPage();
    await logInWithMailedCode(admin, server, 'beheer@zuidermeer.test');
    await admin.goto(`${server.url}/beheer/machtigingen`);
    await admin.getByTestId('grant-open').click();
    await admin.getByTestId('grant-link').click();
    await admin.getByRole('option', { name: 'Landelijk Implantatenregister — PMICD' }).click();
    await admin.getByTestId('grant-dialog').getByText('Model', { exact: true }).click();
    await admin.getByTestId('grant-purpose').fill('Veiligheid van implantaten');
    await admin.getByTestId('grant-submit').click();
    await admin.getByRole('cell', { name: 'Veiligheid van implantaten' }).waitFor();
    await admin.getByRole('cell', { name: 'DeviceType, Fabrikant, Serienummer', exact: true }).waitFor();
    await admin.locator('.el-table__expand-icon').first().click();
    await admin.getByText(/Verleend — beheer@zuidermeer\.test/).waitFor();

    const granted = expectOk(
      await asUser<{ authorisations: { edges: { node: { fields: string[] } }[] } }>(
        server,
        hub,
        '{ authorisations(institutionCode: "11111111") { edges { node { fields } } } }',
      ),
    );
    expect(granted.authorisations.edges.map((edge) => edge.node.fields)).to.deep.equal([['DeviceType', 'Fabrikant', 'Serienummer']]);
  });
});
