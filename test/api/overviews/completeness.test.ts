import { expect } from 'chai';
import { comparePeriods } from '../../../server/validation/src/period-order';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';

interface CompletenessRow {
  period: string | null;
  institution: { code: string } | null;
  expected: number;
  delivered: number;
  onTime: number;
  late: number;
  missing: number;
  rate: number;
  onTimeRate: number;
}

const COMPLETENESS = `query ($filter: CompletenessFilterInput, $groupBy: [CompletenessDimension!], $asOf: Date) {
  completeness(filter: $filter, groupBy: $groupBy, asOf: $asOf) { period institution { code } expected delivered onTime late missing rate onTimeRate } }`;

describe('completeness across institutions (hub staff)', () => {
  let server: TestServer;
  let hub: string;
  let early: string;
  let joiner: string;
  const rows = async (filter: Record<string, unknown>, groupBy: string[], asOf = '2026-12-01') =>
    expectOk(await asUser<{ completeness: CompletenessRow[] }>(server, hub, COMPLETENESS, { filter, groupBy, asOf })).completeness;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    early = await createInstitution(server, 'Vroeg');
    joiner = await createInstitution(server, 'Laat');
    await participate(server, { institution: early, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    // Joins mid-way: expected from 2026K2 only.
    await participate(server, { institution: joiner, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K2' });
    const pmicd = (institution: string, period: string, on: string) =>
      deliver(server, { institution, registry: 'PMICD', subDelivery: 'PMICD', period, on, status: DeliveryStatus.PROCESSED });
    await pmicd(early, '2026K1', '2026-04-28');
    await pmicd(early, '2026K2', '2026-08-05');
    // A delivery for a period before joining does not count, so no rate goes above 1.
    await pmicd(joiner, '2026K1', '2026-04-20');
    await pmicd(joiner, '2026K2', '2026-07-30');
    await pmicd(joiner, '2026K3', '2026-10-30');
  });

  it('counts expected, delivered, on time, late and missing per institution', async () => {
    const [row] = await rows({ institution: early }, ['INSTITUTION']);
    expect(row && [row.expected, row.delivered, row.onTime, row.late, row.missing]).to.deep.equal([3, 2, 1, 1, 1]);
  });

  it('gives the rates as fractions of expected', async () => {
    const [row] = await rows({ institution: early }, ['INSTITUTION']);
    expect(row && [row.rate, row.onTimeRate]).to.deep.equal([2 / 3, 1 / 3]);
  });

  it('an institution joining mid-way is expected only from its start period: no rate above 1', async () => {
    const [row] = await rows({ institution: joiner }, ['INSTITUTION']);
    expect(row && [row.expected, row.delivered, row.rate]).to.deep.equal([2, 2, 1]);
  });

  it('groups by period, counting only institutions that take part in it', async () => {
    const byPeriod = await rows({ registry: 'PMICD', periodFrom: '2026K1', periodTo: '2026K3' }, ['PERIOD']);
    const ours = await Promise.all([early, joiner].map((institution) => rows({ institution }, ['PERIOD'])));
    const k1 = ours.flat().filter((row) => row.period === '2026K1');
    expect(k1.map((row) => row.expected)).to.deep.equal([1]);
    expect(byPeriod.map((row) => row.period)).to.include('2026K1');
    expect(byPeriod.every((row) => row.expected > 0 && row.delivered <= row.expected && row.rate <= 1)).to.equal(true);
  });

  it('orders periods by the one period rule: the year, then its halves (not 2025H1, 2025, 2025H2 by end date)', async () => {
    const mmy = await createInstitution(server, 'Halfjaar');
    // MMY IKNL is expected per half year and per year, so both kinds end on 31 December.
    await participate(server, { institution: mmy, registry: 'MMY', subDelivery: 'IKNL', start: '2025H1' });
    const periods = (await rows({ institution: mmy }, ['PERIOD'], '2027-12-01')).map((row) => row.period ?? '');
    expect(periods).to.include.members(['2025', '2025H1', '2025H2']);
    expect(periods).to.deep.equal([...periods].sort(comparePeriods));
  });

  it('counts nothing whose deadline has not passed', async () => {
    const [row] = await rows({ institution: early }, ['INSTITUTION'], '2026-04-30');
    expect(row).to.equal(undefined);
  });

  it('answers an unknown registry with no rows', async () => {
    expect(await rows({ registry: 'NOPE' }, ['REGISTRY'])).to.deep.equal([]);
  });

  it('is refused to a local administrator', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const response = await asUser(server, admin, COMPLETENESS, {});
    expect(response.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });
});

describe('volume plausibility', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const VOLUME = `query ($filter: CompletenessFilterInput, $threshold: Float) { volumeChanges(filter: $filter, threshold: $threshold) { nodes { period previousPeriod records previousRecords change flagged } } }`;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    code = await createInstitution(server);
    const cat = (period: string, on: string, recordCount: number) =>
      deliver(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', period, on, status: DeliveryStatus.PROCESSED, recordCount });
    await cat('2025K1', '2025-04-20', 200);
    await cat('2026K1', '2026-04-20', 80);
    await cat('2025K2', '2025-07-20', 200);
    await cat('2026K2', '2026-07-20', 190);
  });

  it('flags a period whose records changed by more than the threshold against a year earlier', async () => {
    const rows = expectOk(
      await asUser<{ volumeChanges: { nodes: { period: string; change: number }[] } }>(server, hub, VOLUME, { filter: { institution: code }, threshold: 0.5 }),
    ).volumeChanges.nodes;
    expect(rows.map((row) => [row.period, row.change])).to.deep.equal([['2026K1', -0.6]]);
  });

  it('flags nothing when the threshold is larger than the change', async () => {
    const rows = expectOk(await asUser<{ volumeChanges: { nodes: unknown[] } }>(server, hub, VOLUME, { filter: { institution: code }, threshold: 0.7 }))
      .volumeChanges.nodes;
    expect(rows).to.deep.equal([]);
  });
});
