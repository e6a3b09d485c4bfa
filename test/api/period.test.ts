import { expect } from 'chai';
import { graphql } from '../support/client';
import { sharedServer } from '../support/server';

const PERIOD_QUERY = 'query ($code: Period!) { period(code: $code) { period kind startDate endDate } }';

describe('Period scalar over GraphQL', () => {
  let url: string;
  before(async () => {
    url = (await sharedServer()).url;
  });

  const valid: [string, string, string | null, string | null][] = [
    ['2026M03', 'MONTH', '2026-03-01', '2026-03-31'],
    ['2024M02', 'MONTH', '2024-02-01', '2024-02-29'],
    ['2026K1', 'QUARTER', '2026-01-01', '2026-03-31'],
    ['2026K4', 'QUARTER', '2026-10-01', '2026-12-31'],
    ['2019H1', 'HALF_YEAR', '2019-01-01', '2019-06-30'],
    ['2026H2', 'HALF_YEAR', '2026-07-01', '2026-12-31'],
    ['2026', 'YEAR', '2026-01-01', '2026-12-31'],
    ['TOTAAL', 'TOTAL', null, null],
  ];
  for (const [code, kind, startDate, endDate] of valid) {
    it(`accepts ${code} as a ${kind} from ${startDate ?? 'the beginning'} to ${endDate ?? 'now'}`, async () => {
      const response = await graphql(url, PERIOD_QUERY, { code });
      expect(response.errors).to.equal(undefined);
      expect(response.data).to.deep.equal({ period: { period: code, kind, startDate, endDate } });
    });
  }

  const invalid = [
    '2026M3',
    '2026M13',
    '2026M00',
    '2026K0',
    '2026K5',
    '2026H3',
    '26K1',
    '2026Q1',
    '2026k1',
    'totaal',
    'TOTAL',
    ' 2026K1',
    '2026K1 ',
    '',
    '1899',
    '20261',
  ];
  for (const code of invalid) {
    it(`refuses ${JSON.stringify(code)} as a variable with BAD_USER_INPUT and a message naming the forms`, async () => {
      const response = await graphql(url, PERIOD_QUERY, { code });
      expect(response.data ?? null).to.equal(null);
      expect(response.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).to.include(`"${code}" is not a period`).and.to.include('2026K1');
    });
  }

  it('refuses a non-string variable with BAD_USER_INPUT', async () => {
    const response = await graphql(url, PERIOD_QUERY, { code: 202601 });
    expect(response.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
  });

  it('refuses an invalid period written inline in the query, naming the value', async () => {
    const response = await graphql(url, '{ period(code: "2026K5") { kind } }');
    expect(response.errors?.[0]?.extensions?.code).to.equal('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).to.include('"2026K5" is not a period');
  });
});
