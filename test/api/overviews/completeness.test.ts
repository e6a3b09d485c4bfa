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

interface Matrix {
  institutions: { code: string; name: string }[];
  periods: string[];
  periodEnds: string[];
  expected: number[];
  delivered: number[];
  onTime: number[];
  late: number[];
  missing: number[];
  states: string[];
}

interface InstitutionPeriodRow extends Omit<CompletenessRow, 'institution'> {
  periodEnd: string;
  institution: { code: string; name: string };
}

const MATRIX = `query ($filter: CompletenessFilterInput, $asOf: Date) {
  completenessMatrix(filter: $filter, asOf: $asOf) { institutions { code name } periods periodEnds expected delivered onTime late missing states } }`;
const ROWS = `query ($filter: CompletenessFilterInput, $asOf: Date) {
  completeness(filter: $filter, groupBy: [INSTITUTION, PERIOD], asOf: $asOf) { period periodEnd institution { code name } expected delivered onTime late missing } }`;

/** The matrix's non-empty cells as rows, in the matrix's order (institution, then period). */
function cellsOf(matrix: Matrix): { code: string; period: string; periodEnd: string; counts: number[]; state: string }[] {
  return matrix.institutions.flatMap((institution, row) =>
    matrix.periods.flatMap((period, column) => {
      const at = row * matrix.periods.length + column;
      const counts = [matrix.expected, matrix.delivered, matrix.onTime, matrix.late, matrix.missing].map((list) => list[at] ?? NaN);
      return counts[0] ? [{ code: institution.code, period, periodEnd: matrix.periodEnds[column] ?? '', counts, state: matrix.states[at] ?? '' }] : [];
    }),
  );
}

describe('completeness matrix (the heat map as scalar lists)', () => {
  let server: TestServer;
  let hub: string;
  const asOf = '2026-12-01';
  const matrixAs = async (token: string, filter: Record<string, unknown>) =>
    expectOk(await asUser<{ completenessMatrix: Matrix }>(server, token, MATRIX, { filter, asOf })).completenessMatrix;

  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('holds exactly the numbers of completeness grouped by institution and period, every row in its cell', async () => {
    for (const filter of [{ registry: 'PMICD' }, { registry: 'CAT' }, {}]) {
      const rows = expectOk(await asUser<{ completeness: InstitutionPeriodRow[] }>(server, hub, ROWS, { filter, asOf })).completeness;
      const matrix = await matrixAs(hub, filter);
      expect(rows.length, JSON.stringify(filter)).to.be.greaterThan(0);
      const size = matrix.institutions.length * matrix.periods.length;
      for (const list of [matrix.expected, matrix.delivered, matrix.onTime, matrix.late, matrix.missing, matrix.states]) expect(list).to.have.length(size);
      const expectedCells = rows
        .map((row) => ({
          code: row.institution.code,
          period: row.period ?? '',
          periodEnd: row.periodEnd,
          counts: [row.expected, row.delivered, row.onTime, row.late, row.missing],
        }))
        .sort(
          (a, b) =>
            a.code.localeCompare(b.code) || matrix.periods.indexOf(a.period) - matrix.periods.indexOf(b.period) || a.periodEnd.localeCompare(b.periodEnd),
        );
      expect(cellsOf(matrix).map(({ state: _state, ...cell }) => cell)).to.deep.equal(expectedCells);
      expect(matrix.institutions).to.deep.equal(
        [...new Map(rows.map((row) => [row.institution.code, row.institution])).values()].sort((a, b) => a.code.localeCompare(b.code)),
      );
      // Columns in completeness's period order (the one period rule), each period once.
      const columns = [...new Map(rows.map((row) => [`${row.period}/${row.periodEnd}`, row])).values()];
      expect(matrix.periods).to.deep.equal(columns.map((row) => row.period));
      expect(matrix.periodEnds).to.deep.equal(columns.map((row) => row.periodEnd));
    }
  });

  it('gives each cell the state the heat map colours: missing before late before on time, none without expected deliveries', async () => {
    const matrix = await matrixAs(hub, {});
    const states = matrix.expected.map((expected, at) =>
      expected === 0 ? 'NONE' : (matrix.missing[at] ?? 0) > 0 ? 'MISSING' : (matrix.late[at] ?? 0) > 0 ? 'LATE' : 'ON_TIME',
    );
    expect(matrix.states).to.deep.equal(states);
    expect(new Set(states)).to.include.members(['MISSING', 'ON_TIME']);
  });

  it('shows an institution user only their own institution, with the same cells hub staff see for it', async () => {
    const all = await matrixAs(hub, { registry: 'PMICD' });
    expect(all.institutions.length).to.be.greaterThan(1);
    const mine = await matrixAs(await tokenFor(server, 'beheer@zuidermeer.test'), { registry: 'PMICD' });
    expect(mine.institutions.map((institution) => institution.code)).to.deep.equal(['11111111']);
    expect(cellsOf(mine)).to.deep.equal(cellsOf(all).filter((cell) => cell.code === '11111111'));
  });

  it('shows a viewer only the registries of their role: nothing of a registry they hold no role for', async () => {
    const viewer = await tokenFor(server, 'inzage@zuidermeer.test');
    expect((await matrixAs(viewer, { registry: 'PMICD' })).institutions.map((institution) => institution.code)).to.deep.equal(['11111111']);
    const other = await matrixAs(viewer, { registry: 'CAT' });
    expect([other.institutions, other.expected]).to.deep.equal([[], []]);
  });
});
