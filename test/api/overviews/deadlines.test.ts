import { expect } from 'chai';
import { asUser, tokenFor } from '../../support/actors';
import { createInstitution, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { expected } from './helpers';

const ALL_STATES = ['OPEN', 'MISSING', 'ON_TIME', 'LATE'];

describe("schedules: deadlines of expected deliveries follow each spec's rule", () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const deadlines = async (registry: string, subDelivery: string, asOf: string) =>
    Object.fromEntries(
      (await expected(server, hub, { institution: code, registry, subDelivery, state: ALL_STATES }, asOf)).nodes.map((row) => [
        row.period === 'TOTAAL' ? `TOTAAL ${row.periodEnd}` : row.period,
        row.deadline,
      ]),
    );

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    await participate(server, { institution: code, registry: 'MMY', subDelivery: 'IKNL', start: '2026H1' });
  });

  it('CAT 1.4: a quarter is due the 1st of the second month after it (2026K1 → 2026-05-01, 2026K4 → 2027-02-01)', async () => {
    const byPeriod = await deadlines('CAT', 'Cataract', '2026-12-31');
    expect(byPeriod).to.include({ '2026K1': '2026-05-01', '2026K2': '2026-08-01', '2026K3': '2026-11-01', '2026K4': '2027-02-01' });
  });

  it('CAT 1.4: the yearly TOTAAL redelivery of 2026 is due 10 January 2027', async () => {
    expect(await deadlines('CAT', 'Cataract', '2026-12-31')).to.include({ 'TOTAAL 2026-12-31': '2027-01-10' });
  });

  it('PMICD: a quarter is due the last day of the month after it (2026K1 → 2026-04-30, 2026K4 → 2027-01-31)', async () => {
    const byPeriod = await deadlines('PMICD', 'PMICD', '2026-12-31');
    expect(byPeriod).to.deep.equal({ '2026K1': '2026-04-30', '2026K2': '2026-07-31', '2026K3': '2026-10-31', '2026K4': '2027-01-31' });
  });

  it('MMY 2.1: both half years are due on the fixed date 1 February of the next year', async () => {
    expect(await deadlines('MMY', 'IKNL', '2026-12-31')).to.include({ '2026H1': '2027-02-01', '2026H2': '2027-02-01' });
  });

  it('MMY 2.1: the yearly follow-up is due on the fixed date 1 January two years later (2026 → 2028-01-01)', async () => {
    expect(await deadlines('MMY', 'IKNL', '2026-12-31')).to.include({ 2026: '2028-01-01' });
  });

  it('expects no period that has not begun on the asOf day', async () => {
    expect(Object.keys(await deadlines('PMICD', 'PMICD', '2026-03-31'))).to.deep.equal(['2026K1']);
  });

  it("expects nothing before the participation's start period", async () => {
    expect(Object.keys(await deadlines('PMICD', 'PMICD', '2026-12-31'))).to.not.include('2025K4');
  });

  it('agrees with subDelivery.deadline(period:) for the same period', async () => {
    const response = await asUser<{ registry: { subDeliveries: { deadline: string }[] } }>(
      server,
      hub,
      '{ registry(code: "PMICD") { subDeliveries { deadline(period: "2026K3") } } }',
    );
    expect(response.data?.registry.subDeliveries[0]?.deadline).to.equal((await deadlines('PMICD', 'PMICD', '2026-12-31'))['2026K3']);
  });
});
