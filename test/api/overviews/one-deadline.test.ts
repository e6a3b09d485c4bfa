import { expect } from 'chai';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { expected, overview } from './helpers';

const SET = `mutation ($input: DeadlineExceptionInput!) { setDeadlineException(input: $input) { __typename } }`;
const DELIVERY = `query ($id: ID!) { delivery(id: $id) { deadline deadlineAdjusted deadlineReason } }`;
const DELIVERIES = `query ($filter: DeliveryFilterInput) { deliveries(filter: $filter, first: 50) { nodes { id deadline } } }`;
const REASONS = `query ($filter: ExpectedDeliveryFilterInput, $asOf: Date) {
  expectedDeliveries(filter: $filter, asOf: $asOf, first: 100) { nodes { period periodEnd deadline deadlineAdjusted deadlineReason subDelivery { code } } } }`;
const ALL_STATES = ['OPEN', 'MISSING', 'ON_TIME', 'LATE'];

/**
 * Every page shows a delivery's deadline from its own GraphQL field: the delivery page and
 * Aangeleverd read `Delivery.deadline`, Overzicht `RejectedDelivery.deadline` and Verwacht (and
 * Overzicht's lists) `ExpectedDelivery.deadline`. For one delivery and period they must be equal,
 * with an institution-specific deadline, with a schedule other than the sub-delivery's first
 * (MMY's yearly one) and for TOTAAL.
 */
describe('one deadline everywhere: the delivery page, Aangeleverd, Overzicht and Verwacht agree', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const ASOF = '2026-11-20';

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2024K1' });
    await participate(server, { institution: code, registry: 'MMY', subDelivery: 'IKNL', start: '2024H1' });
  });

  async function deliveryPage(id: string) {
    return expectOk(
      await asUser<{ delivery: { deadline: string | null; deadlineAdjusted: boolean; deadlineReason: string | null } }>(server, hub, DELIVERY, { id }),
    ).delivery;
  }
  async function aangeleverd(id: string): Promise<string | null | undefined> {
    const data = expectOk(
      await asUser<{ deliveries: { nodes: { id: string; deadline: string | null }[] } }>(server, hub, DELIVERIES, { filter: { institutionCode: code } }),
    );
    return data.deliveries.nodes.find((node) => node.id === id)?.deadline;
  }
  async function verwacht(subDelivery: string, period: string, periodEnd?: string) {
    const result = await expected(server, hub, { institution: code, subDelivery, state: ALL_STATES }, ASOF);
    return result.nodes.find((row) => row.period === period && (!periodEnd || row.periodEnd === periodEnd))?.deadline;
  }

  it("an institution-specific deadline (CAT 2026K3): the delivery page, Aangeleverd and Overzicht show Verwacht's adjusted deadline and its reason", async () => {
    expectOk(
      await asUser(server, hub, SET, {
        input: { institutionCode: code, registry: 'CAT', subDelivery: 'Cataract', period: '2026K3', deadline: '2026-12-14', reason: 'Overstap EPD' },
      }),
    );
    const id = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K3',
      on: '2026-11-10',
      status: DeliveryStatus.REJECTED,
    });
    const rejected = (await overview(server, hub, code, ASOF)).rejected.nodes.find((row) => row.deliveryId === id)?.deadline;
    const page = await deliveryPage(id);
    const reasons = expectOk(
      await asUser<{ expectedDeliveries: { nodes: { period: string; deadlineAdjusted: boolean; deadlineReason: string | null }[] } }>(server, hub, REASONS, {
        filter: { institution: code, subDelivery: 'Cataract', state: ALL_STATES },
        asOf: ASOF,
      }),
    ).expectedDeliveries.nodes.find((row) => row.period === '2026K3');
    expect({
      deliveryPage: page.deadline,
      aangeleverd: await aangeleverd(id),
      overzicht: rejected,
      verwacht: await verwacht('Cataract', '2026K3'),
    }).to.deep.equal({ deliveryPage: '2026-12-14', aangeleverd: '2026-12-14', overzicht: '2026-12-14', verwacht: '2026-12-14' });
    expect([page.deadlineAdjusted, page.deadlineReason, reasons?.deadlineAdjusted, reasons?.deadlineReason]).to.deep.equal([
      true,
      'Overstap EPD',
      true,
      'Overstap EPD',
    ]);
  });

  it("MMY's yearly period 2024 follows the yearly schedule (1 January 2026), not the half-yearly one", async () => {
    const id = await deliver(server, {
      institution: code,
      registry: 'MMY',
      subDelivery: 'IKNL',
      period: '2024',
      on: '2025-12-01',
      status: DeliveryStatus.PROCESSED,
    });
    expect({ deliveryPage: (await deliveryPage(id)).deadline, aangeleverd: await aangeleverd(id), verwacht: await verwacht('IKNL', '2024') }).to.deep.equal({
      deliveryPage: '2026-01-01',
      aangeleverd: '2026-01-01',
      verwacht: '2026-01-01',
    });
  });

  it('a TOTAAL delivered in 2025 is due on the deadline of the year it covers (10 January 2025), as in Verwacht', async () => {
    const id = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: 'TOTAAL',
      on: '2025-01-05',
      status: DeliveryStatus.PROCESSED,
    });
    expect({
      deliveryPage: (await deliveryPage(id)).deadline,
      aangeleverd: await aangeleverd(id),
      verwacht: await verwacht('Cataract', 'TOTAAL', '2024-12-31'),
    }).to.deep.equal({ deliveryPage: '2025-01-10', aangeleverd: '2025-01-10', verwacht: '2025-01-10' });
  });
});

describe('lateness: a test delivery never counts for deadlines', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const LATE = `query ($id: ID!) { delivery(id: $id) { deadline late } }`;
  const late = async (id: string) => expectOk(await asUser<{ delivery: { deadline: string; late: boolean } }>(server, hub, LATE, { id })).delivery;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
  });

  it('a production delivery after the deadline is late; a test delivery on the same day is not', async () => {
    const spec = { institution: code, registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', on: '2026-06-10', status: DeliveryStatus.PROCESSED };
    const production = await deliver(server, spec);
    const test = await deliver(server, { ...spec, test: true, at: new Date('2026-06-10T13:00:00Z') });
    expect({ production: await late(production), test: await late(test) }).to.deep.equal({
      production: { deadline: '2026-05-01', late: true },
      test: { deadline: '2026-05-01', late: false },
    });
  });

  it('a production delivery on the deadline day is not late', async () => {
    const id = await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K2',
      on: '2026-08-01',
      status: DeliveryStatus.PROCESSED,
    });
    expect(await late(id)).to.deep.equal({ deadline: '2026-08-01', late: false });
  });
});
