/**
 * The one sort order of delivery periods, shared by the server and the console: by year, and within
 * a year the year itself, then its halves, quarters and months (2024, 2024H1, 2024H2, 2024K1 … 2024K4,
 * 2024M01 … 2024M12, 2025, …); TOTAAL after every dated period. Anything that is not a period comes
 * last, in text order.
 */
const PERIOD = /^(\d{4})(?:M(0[1-9]|1[0-2])|K([1-4])|H([12]))?$/;

/** Within a year: the year 0, halves 11–12, quarters 21–24, months 31–42. */
const YEAR = 0;
const HALF = 10;
const QUARTER = 20;
const MONTH = 30;

/** After every year (the last one is 2999). */
export const TOTAL_PERIOD_RANK = 10_000 * 100;
const NOT_A_PERIOD_RANK = TOTAL_PERIOD_RANK + 1;

/**
 * A number that sorts periods in the one order: year × 100 + the place within the year; TOTAAL
 * after every year. The server's SQL (`periodRankSql`) computes the same number.
 */
export function periodRank(code: string): number {
  if (code === 'TOTAAL') return TOTAL_PERIOD_RANK;
  const match = PERIOD.exec(code);
  if (!match) return NOT_A_PERIOD_RANK;
  const year = Number(match[1]) * 100;
  if (match[2]) return year + MONTH + Number(match[2]);
  if (match[3]) return year + QUARTER + Number(match[3]);
  if (match[4]) return year + HALF + Number(match[4]);
  return year + YEAR;
}

/** Sort comparator for period codes (`periods.sort(comparePeriods)`). */
export function comparePeriods(a: string, b: string): number {
  return periodRank(a) - periodRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The same rank as `periodRank`, as a PostgreSQL expression over a text column holding a period
 * code (`order by ${periodRankSql('d.period')}`). The column name is the caller's own text, never input.
 */
export function periodRankSql(column: string): string {
  return `(case when ${column} = 'TOTAAL' then ${TOTAL_PERIOD_RANK}
    when ${column} ~ '^\\d{4}M(0[1-9]|1[0-2])$' then substr(${column}, 1, 4)::int * 100 + ${MONTH} + substr(${column}, 6, 2)::int
    when ${column} ~ '^\\d{4}K[1-4]$' then substr(${column}, 1, 4)::int * 100 + ${QUARTER} + substr(${column}, 6, 1)::int
    when ${column} ~ '^\\d{4}H[12]$' then substr(${column}, 1, 4)::int * 100 + ${HALF} + substr(${column}, 6, 1)::int
    when ${column} ~ '^\\d{4}$' then ${column}::int * 100
    else ${NOT_A_PERIOD_RANK} end)`;
}
