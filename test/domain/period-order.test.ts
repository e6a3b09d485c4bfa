import { expect } from 'chai';
import path from 'node:path';
import { comparePeriods, periodRank, periodRankSql } from '../../server/validation/src/period-order';
import { startTestCluster, type TestCluster } from '../support/database';

type PeriodRow = { period: string; periodEnd: string };
/**
 * The console's module, loaded at run time: the console is an ES module package that the tests'
 * type check (CommonJS, node16 resolution) cannot follow; mocha's swc runs it all the same.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be followed by the type check, which cannot read the console's ES modules
const { comparePeriodRows } = require(path.resolve(__dirname, '../../console/src/components/period-order.ts')) as {
  comparePeriodRows: (a: PeriodRow, b: PeriodRow) => number;
};

/** The one period order: each year, then its halves, quarters and months; TOTAAL last. */
const ORDERED = [
  '2023',
  '2023K4',
  '2023M12',
  '2024',
  '2024H1',
  '2024H2',
  '2024K1',
  '2024K2',
  '2024K3',
  '2024K4',
  '2024M01',
  '2024M02',
  '2024M10',
  '2024M12',
  '2025',
  '2025H1',
  'TOTAAL',
];

/** The same periods in an order that puts every rule to work (reversed, then shuffled by a fixed step). */
const SHUFFLED = ORDERED.map((_, i) => ORDERED[(i * 7) % ORDERED.length] as string);

describe('the one period order (server and console)', () => {
  it('sorts the year first, then its halves, quarters and months, and TOTAAL after every year', () => {
    expect([...SHUFFLED].sort(comparePeriods)).to.deep.equal(ORDERED);
    expect(['2024H1', '2024', '2024H2'].sort(comparePeriods)).to.deep.equal(['2024', '2024H1', '2024H2']);
  });

  it('puts whatever is not a period after TOTAAL, in text order, so a sort never throws', () => {
    expect(['x', 'TOTAAL', '2024', '2024M13'].sort(comparePeriods)).to.deep.equal(['2024', 'TOTAAL', '2024M13', 'x']);
  });

  it("the console's heat map order: the same rule, TOTAAL of each year after every dated period, ordered by the year it ends", () => {
    const rows = [
      { period: 'TOTAAL', periodEnd: '2025-12-31' },
      { period: '2024H2', periodEnd: '2024-12-31' },
      { period: 'TOTAAL', periodEnd: '2024-12-31' },
      { period: '2024', periodEnd: '2024-12-31' },
      { period: '2024H1', periodEnd: '2024-06-30' },
    ];
    expect([...rows].sort(comparePeriodRows).map((row) => `${row.period} ${row.periodEnd.slice(0, 4)}`)).to.deep.equal([
      '2024 2024',
      '2024H1 2024',
      '2024H2 2024',
      'TOTAAL 2024',
      'TOTAAL 2025',
    ]);
  });

  describe('in SQL', () => {
    let cluster: TestCluster;
    before(async () => {
      cluster = await startTestCluster();
    });
    after(async () => {
      await cluster.stop();
    });

    it('periodRankSql gives every period the rank periodRank gives it, so ORDER BY sorts as the console does', async () => {
      const values = SHUFFLED.map((_, i) => `($${i + 1})`).join(', ');
      const result = await cluster.adminQuery(`select p, ${periodRankSql('p')} as rank from (values ${values}) v(p) order by ${periodRankSql('p')}`, SHUFFLED);
      const rows = result.rows as { p: string; rank: number }[];
      expect(rows.map((row) => row.p)).to.deep.equal(ORDERED);
      expect(rows.map((row) => row.rank)).to.deep.equal(ORDERED.map(periodRank));
    });
  });
});
