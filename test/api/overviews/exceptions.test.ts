import { expect } from 'chai';
import { Role } from '../../../server/src/kernel/role';
import { AuditEvent } from '../../../server/src/audit/audit-event.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { label, overview } from './helpers';

const SET = `mutation ($input: DeadlineExceptionInput!) { setDeadlineException(input: $input) {
  __typename ... on DeadlineException { id deadline exempt reason } ... on Refusal { code field } } }`;

describe('deadline exceptions (hub staff)', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const set = async (input: Record<string, unknown>) =>
    expectOk(
      await asUser<{ setDeadlineException: { __typename: string; id?: string; code?: string; field?: string } }>(server, hub, SET, {
        input: { institutionCode: code, registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', reason: 'Overstap EPD', ...input },
      }),
    ).setDeadlineException;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });
  beforeEach(async () => {
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
  });

  it('a later institution-specific deadline turns a missing delivery into an upcoming one', async () => {
    await set({ deadline: '2026-05-20' });
    const result = await overview(server, hub, code, '2026-05-05');
    expect([result.missing.totalCount, result.upcoming.nodes.map((row) => `${label(row)} ${row.deadline}`)]).to.deep.equal([0, ['Cataract 2026K1 2026-05-20']]);
  });

  it('an exemption removes the period from what is expected', async () => {
    await set({ exempt: true });
    expect((await overview(server, hub, code, '2026-06-01')).missing.totalCount).to.equal(0);
  });

  it('is audited with the reason', async () => {
    const result = await set({ exempt: true, reason: 'Verbouwing OK-complex' });
    const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'setDeadlineException', objectId: result.id });
    expect(rows.map((row) => row.detail)).to.deep.equal(['CAT/Cataract 2026K1 EXEMPT: Verbouwing OK-complex']);
  });

  it("refuses a period that matches none of the stream's schedules", async () => {
    expect(await set({ period: '2026M01', deadline: '2026-05-20' })).to.include({ __typename: 'Refused', code: 'NOT_SCHEDULED', field: 'period' });
  });

  it('refuses both a deadline and an exemption at once', async () => {
    expect(await set({ exempt: true, deadline: '2026-05-20' })).to.include({ code: 'DEADLINE_OR_EXEMPT' });
  });

  it("after removal the schedule's deadline applies again", async () => {
    const { id } = await set({ exempt: true });
    expectOk(await asUser(server, hub, 'mutation ($id: ID!) { removeDeadlineException(id: $id) { __typename } }', { id }));
    expect((await overview(server, hub, code, '2026-06-01')).missing.totalCount).to.equal(1);
  });

  it('is refused to a local administrator', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const response = await asUser(server, admin, SET, {
      input: { institutionCode: '11111111', registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', reason: 'x', exempt: true },
    });
    expect(response.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });
  it("shows an institution's exceptions only for the streams the reader may see: a PMICD viewer does not read CAT's", async () => {
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    await set({ exempt: true, reason: 'Alleen voor CAT' });
    await set({ registry: 'PMICD', subDelivery: 'PMICD', exempt: true, reason: 'Alleen voor PMICD' });
    const list = `query ($code: String!) { deadlineExceptions(institutionCode: $code) { reason } }`;
    const viewer = await tokenFor(server, await createInstitutionUser(server, code, Role.VIEWER, 'PMICD'));
    const seen = async (token: string) =>
      expectOk(await asUser<{ deadlineExceptions: { reason: string }[] }>(server, token, list, { code }))
        .deadlineExceptions.map((row) => row.reason)
        .sort();
    expect([await seen(hub), await seen(viewer)]).to.deep.equal([['Alleen voor CAT', 'Alleen voor PMICD'], ['Alleen voor PMICD']]);
  });
});
