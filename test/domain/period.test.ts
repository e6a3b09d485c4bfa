import { expect } from 'chai';
import { Frequency, Period, PeriodParseError } from '../../server/src/common/period';

describe('Period value', () => {
  it('formats every parsed code back to the same code', () => {
    for (const code of ['2026M01', '2026M12', '2026K2', '2026H1', '2030', 'TOTAAL']) {
      expect(Period.parse(code).code).to.equal(code);
    }
  });

  it('knows whether a date falls inside it, TOTAAL containing every date', () => {
    const quarter = Period.parse('2026K2');
    expect(quarter.contains('2026-04-01')).to.equal(true);
    expect(quarter.contains('2026-06-30')).to.equal(true);
    expect(quarter.contains('2026-07-01')).to.equal(false);
    expect(quarter.contains('2026-03-31')).to.equal(false);
    expect(Period.TOTAL.contains('1950-01-01')).to.equal(true);
  });

  it('throws a PeriodParseError for anything else, with the input in the message', () => {
    expect(() => Period.parse('2026K5')).to.throw(PeriodParseError, '"2026K5" is not a period');
    expect(Period.tryParse('2026-01')).to.equal(null);
    expect(Period.parse('2026').kind).to.equal(Frequency.YEAR);
  });
});
