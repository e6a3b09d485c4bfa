import { expect } from 'chai';
import { tokenFor } from '../../support/actors';
import { createInstitution, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';
import { label, overview } from './helpers';

describe('Overzicht: missing and upcoming deliveries', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  /** An institution taking part in CAT from 2026K1 only (2026K1 is due 2026-05-01). */
  async function catInstitution(): Promise<string> {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    return code;
  }

  describe('boundary days of upcoming (deadline from tomorrow up to and including 30 days ahead)', () => {
    let code: string;
    before(async () => {
      code = await catInstitution();
    });

    it('a deadline today is neither missing nor upcoming', async () => {
      const result = await overview(server, hub, code, '2026-05-01');
      expect(result.upcoming.nodes.map(label)).to.not.include('Cataract 2026K1');
      expect(result.missing.nodes.map(label)).to.not.include('Cataract 2026K1');
    });

    it('a deadline tomorrow is upcoming', async () => {
      expect((await overview(server, hub, code, '2026-04-30')).upcoming.nodes.map(label)).to.deep.equal(['Cataract 2026K1']);
    });

    it('a deadline in 30 days is upcoming', async () => {
      expect((await overview(server, hub, code, '2026-04-01')).upcoming.nodes.map(label)).to.deep.equal(['Cataract 2026K1']);
    });

    it('a deadline in 31 days is not upcoming yet', async () => {
      expect((await overview(server, hub, code, '2026-03-31')).upcoming.totalCount).to.equal(0);
    });

    it('the day after the deadline the delivery is missing', async () => {
      expect((await overview(server, hub, code, '2026-05-02')).missing.nodes.map(label)).to.deep.equal(['Cataract 2026K1']);
    });
  });

  it('lists missing deliveries oldest deadline first', async () => {
    const code = await catInstitution();
    const result = await overview(server, hub, code, '2026-12-01');
    expect(result.missing.nodes.map((row) => row.deadline)).to.deep.equal(['2026-05-01', '2026-08-01', '2026-11-01']);
  });

  it('shows the first N rows with the full count ("5/16")', async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2022K1' });
    const result = await overview(server, hub, code, '2026-06-01', 5);
    expect([result.missing.nodes.length, result.missing.totalCount]).to.deep.equal([5, 17]);
  });

  it('a production delivery processed with errors fulfils the period', async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED_WITH_ERRORS,
    });
    expect((await overview(server, hub, code, '2026-05-02')).missing.totalCount).to.equal(0);
  });

  it('a rejected delivery does not fulfil the period', async () => {
    const code = await catInstitution();
    await deliver(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', on: '2026-04-20', status: DeliveryStatus.REJECTED });
    expect((await overview(server, hub, code, '2026-05-02')).missing.nodes.map(label)).to.deep.equal(['Cataract 2026K1']);
  });

  it('a failed delivery does not fulfil the period', async () => {
    const code = await catInstitution();
    await deliver(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', period: '2026K1', on: '2026-04-20', status: DeliveryStatus.FAILED });
    expect((await overview(server, hub, code, '2026-05-02')).missing.totalCount).to.equal(1);
  });

  it('a test delivery never fulfils the period, even processed cleanly', async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-20',
      status: DeliveryStatus.PROCESSED,
      test: true,
    });
    expect((await overview(server, hub, code, '2026-05-02')).missing.totalCount).to.equal(1);
  });

  it('a delivery after the asOf day does not count on that day', async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-05-10',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, '2026-05-05')).missing.totalCount).to.equal(1);
  });

  it('an upcoming delivery disappears once it is delivered', async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-10',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, '2026-04-15')).upcoming.totalCount).to.equal(0);
  });

  it('an inactive participation expects nothing', async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1', active: false });
    expect((await overview(server, hub, code, '2026-12-01')).missing.totalCount).to.equal(0);
  });

  it("expects nothing after the participation's end period", async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1', end: '2026K2' });
    expect((await overview(server, hub, code, '2027-03-01')).missing.nodes.map(label)).to.deep.equal(['Cataract 2026K1', 'Cataract 2026K2', 'Cataract TOTAAL']);
  });

  it("a TOTAAL delivered in the following year fulfils that year's TOTAAL", async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: 'TOTAAL',
      on: '2027-01-08',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, '2027-01-20')).missing.nodes.map(label)).to.not.include('Cataract TOTAAL');
  });

  it("a TOTAAL delivered during the year itself does not fulfil that year's TOTAAL", async () => {
    const code = await catInstitution();
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: 'TOTAAL',
      on: '2026-12-20',
      status: DeliveryStatus.PROCESSED,
    });
    expect((await overview(server, hub, code, '2027-01-20')).missing.nodes.map(label)).to.include('Cataract TOTAAL');
  });
});

describe('Overzicht: rejected and erroneous deliveries', () => {
  let server: TestServer;
  let hub: string;
  let code: string;
  const cat = (period: string, on: string, status: DeliveryStatus, extra: { test?: boolean; at?: Date } = {}) =>
    deliver(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', period, on, status, ...extra });

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });
  beforeEach(async () => {
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
  });

  it('shows a production delivery processed with errors, with its deadline', async () => {
    const id = await cat('2026K1', '2026-04-20', DeliveryStatus.PROCESSED_WITH_ERRORS);
    const rows = (await overview(server, hub, code, '2026-06-01')).rejected.nodes;
    expect(rows.map((row) => [row.deliveryId, row.period, row.status, row.deadline])).to.deep.equal([[id, '2026K1', 'PROCESSED_WITH_ERRORS', '2026-05-01']]);
  });

  it('shows a rejected delivery', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    expect((await overview(server, hub, code, '2026-06-01')).rejected.nodes.map((row) => row.status)).to.deep.equal(['REJECTED']);
  });

  it('a newer delivery processed cleanly for the same period removes the row (supersession)', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    await cat('2026K1', '2026-04-25', DeliveryStatus.PROCESSED);
    expect((await overview(server, hub, code, '2026-06-01')).rejected.totalCount).to.equal(0);
  });

  it('shows only the most recent delivery per stream and period', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    const newest = await cat('2026K1', '2026-04-25', DeliveryStatus.PROCESSED_WITH_ERRORS);
    expect((await overview(server, hub, code, '2026-06-01')).rejected.nodes.map((row) => row.deliveryId)).to.deep.equal([newest]);
  });

  it('keeps the row while the newer delivery is still being processed', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    await cat('2026K1', '2026-04-25', DeliveryStatus.PROCESSING);
    expect((await overview(server, hub, code, '2026-06-01')).rejected.totalCount).to.equal(1);
  });

  it('a clean test delivery does not remove the row (test deliveries never count)', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    await cat('2026K1', '2026-04-25', DeliveryStatus.PROCESSED, { test: true });
    expect((await overview(server, hub, code, '2026-06-01')).rejected.totalCount).to.equal(1);
  });

  it('never shows a rejected test delivery', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED, { test: true });
    expect((await overview(server, hub, code, '2026-06-01')).rejected.totalCount).to.equal(0);
  });

  it('lists rows newest first', async () => {
    await cat('2026K1', '2026-04-20', DeliveryStatus.REJECTED);
    await cat('2026K2', '2026-07-20', DeliveryStatus.PROCESSED_WITH_ERRORS);
    expect((await overview(server, hub, code, '2026-09-01')).rejected.nodes.map((row) => row.period)).to.deep.equal(['2026K2', '2026K1']);
  });
});
