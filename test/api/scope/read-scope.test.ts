import { expect } from 'chai';
import { Role } from '../../../server/src/kernel/role';
import { DeliveryStatus } from '../../../server/src/deliveries/delivery-status';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser, deliver, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { overview } from '../overviews/helpers';

/** Issue 12, "Access policy, decided": local administrators read everything about their institution except record content. */
describe('read scope: local administrators, submitters and viewers', () => {
  let server: TestServer;
  let code: string;
  let admin: string;
  let viewer: string;
  let otherAdmin: string;
  const ids: Record<'clean' | 'withErrors' | 'rejected' | 'pmicd', string> = { clean: '', withErrors: '', rejected: '', pmicd: '' };

  before(async () => {
    server = await sharedServer();
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    ids.clean = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-10',
      status: DeliveryStatus.PROCESSED,
    });
    ids.withErrors = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K2',
      on: '2026-07-10',
      status: DeliveryStatus.PROCESSED_WITH_ERRORS,
    });
    ids.rejected = await deliver(server, {
      institution: code,
      registry: 'PMICD',
      subDelivery: 'PMICD',
      period: '2026K1',
      on: '2026-04-12',
      status: DeliveryStatus.REJECTED,
    });
    ids.pmicd = ids.rejected;
    admin = await tokenFor(server, await createInstitutionUser(server, code, Role.LOCAL_ADMIN));
    viewer = await tokenFor(server, await createInstitutionUser(server, code, Role.VIEWER, 'PMICD'));
    otherAdmin = await tokenFor(server, await createInstitutionUser(server, await createInstitution(server), Role.LOCAL_ADMIN));
  });

  const deliveryIds = async (token: string) =>
    expectOk(
      await asUser<{ deliveries: { totalCount: number; nodes: { id: string }[] } }>(server, token, '{ deliveries(first: 50) { totalCount nodes { id } } }'),
    )
      .deliveries.nodes.map((node) => node.id)
      .sort();

  const readDelivery = async (token: string, id: string) =>
    expectOk(
      await asUser<{ delivery: { id: string; reportTotals: unknown[] } | null }>(
        server,
        token,
        'query ($id: ID!) { delivery(id: $id) { id reportTotals { code } } }',
        {
          id,
        },
      ),
    ).delivery;

  const exportStatus = async (token: string, id: string, what: string) =>
    (await fetch(`${server.url}/api/deliveries/${id}/${what}`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('a local administrator lists every delivery of the institution, every registry and status included', async () => {
    expect(await deliveryIds(admin)).to.deep.equal([ids.clean, ids.withErrors, ids.rejected].sort());
  });

  it('a local administrator opens every delivery through delivery(id), the rejected ones included', async () => {
    for (const id of [ids.clean, ids.withErrors, ids.rejected]) expect((await readDelivery(admin, id))?.id).to.equal(id);
  });

  it("every rejected or erroneous row of the administrator's Overzicht opens through delivery(id)", async () => {
    const rows = (await overview(server, admin, code, '2026-12-01')).rejected.nodes;
    expect(rows.map((row) => row.deliveryId).sort()).to.deep.equal([ids.withErrors, ids.rejected].sort());
    for (const row of rows) expect((await readDelivery(admin, row.deliveryId))?.id).to.equal(row.deliveryId);
  });

  it('a local administrator exports the report as CSV and XLSX', async () => {
    expect([await exportStatus(admin, ids.rejected, 'report.csv'), await exportStatus(admin, ids.rejected, 'report.xlsx')]).to.deep.equal([200, 200]);
  });

  it('a local administrator is refused the failed-record export (record content) with 403, and the refusal is audited', async () => {
    expect(await exportStatus(admin, ids.rejected, 'failed-records.csv')).to.equal(403);
    const hub = await tokenFor(server, 'hub@datahub.test');
    const events = expectOk(
      await asUser<{ auditEvents: { nodes: { action: string; objectId: string; detail: string | null }[] } }>(
        server,
        hub,
        '{ auditEvents(filter: { event: AUTHORISATION_FAILURE }, first: 20) { nodes { action objectId detail } } }',
      ),
    ).auditEvents.nodes;
    expect(events.some((event) => event.action === 'failedRecordsCsv' && event.objectId === ids.rejected && event.detail === 'RECORD_CONTENT')).to.equal(true);
  });

  it('a viewer of that registry may export the failed records; a viewer of another registry does not even see the delivery', async () => {
    expect(await exportStatus(viewer, ids.pmicd, 'failed-records.csv')).to.equal(200);
    expect(await exportStatus(viewer, ids.clean, 'failed-records.csv')).to.equal(404);
  });

  it('a submitter of that registry may export the failed records', async () => {
    const submitter = await tokenFor(server, await createInstitutionUser(server, code, Role.SUBMITTER, 'PMICD'));
    expect(await exportStatus(submitter, ids.pmicd, 'failed-records.csv')).to.equal(200);
  });

  it("another institution's local administrator sees none of it: no deliveries, no delivery(id), 404 on every export, no overview", async () => {
    expect(await deliveryIds(otherAdmin)).to.deep.equal([]);
    for (const id of [ids.clean, ids.rejected]) expect(await readDelivery(otherAdmin, id)).to.equal(null);
    for (const what of ['report.csv', 'report.xlsx', 'failed-records.csv']) expect(await exportStatus(otherAdmin, ids.rejected, what)).to.equal(404);
    const foreign = await asUser<{ deliveryOverview: unknown }>(
      server,
      otherAdmin,
      'query ($code: String!) { deliveryOverview(institutionCode: $code) { rejected { totalCount } } }',
      { code },
    );
    expect(expectOk(foreign).deliveryOverview).to.equal(null);
  });

  it('a local administrator sees every participation of the institution; a PMICD viewer only PMICD', async () => {
    const registries = async (token: string) =>
      expectOk(
        await asUser<{ participations: { subDelivery: { registry: { code: string } } }[] }>(
          server,
          token,
          'query ($code: String!) { participations(institutionCode: $code) { subDelivery { registry { code } } } }',
          { code },
        ),
      )
        .participations.map((row) => row.subDelivery.registry.code)
        .sort();
    expect([await registries(admin), await registries(viewer)]).to.deep.equal([['CAT', 'PMICD'], ['PMICD']]);
  });
});
