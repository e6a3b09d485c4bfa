import { expect } from 'chai';
import { DeadlineRule } from '../../server/src/registries/deadline-rule';
import { Period } from '../../server/src/common/period';

const deadline = (rule: DeadlineRule, code: string) => rule.deadlineFor(Period.parse(code));

describe('Deadline rules from the specs', () => {
  it('CAT 1.4: the 1st of the second month after the quarter (2026K1 → 2026-05-01, K4 → next February)', () => {
    const rule = DeadlineRule.afterPeriodEnd(2, 1);
    expect(deadline(rule, '2026K1')).to.equal('2026-05-01');
    expect(deadline(rule, '2026K4')).to.equal('2027-02-01');
  });

  it('PMICD 2018.0.5: the last day of the month after the quarter (2026K1 → 2026-04-30, K4 → 2027-01-31)', () => {
    const rule = DeadlineRule.afterPeriodEnd(1, 'LAST');
    expect(deadline(rule, '2026K1')).to.equal('2026-04-30');
    expect(deadline(rule, '2026K3')).to.equal('2026-10-31');
    expect(deadline(rule, '2026K4')).to.equal('2027-01-31');
  });

  it('MMY 2.1: both half years due 1 February of the following year; the year two years later on 1 January', () => {
    const halfYears = DeadlineRule.fixedDate(1, 2, 1);
    expect(deadline(halfYears, '2026H1')).to.equal('2027-02-01');
    expect(deadline(halfYears, '2026H2')).to.equal('2027-02-01');
    expect(deadline(DeadlineRule.fixedDate(2, 1, 1), '2026')).to.equal('2028-01-01');
  });

  it('caps a day beyond the month at its last day and gives TOTAAL no deadline', () => {
    expect(deadline(DeadlineRule.afterPeriodEnd(1, 31), '2026M01')).to.equal('2026-02-28');
    expect(deadline(DeadlineRule.afterPeriodEnd(1, 1), 'TOTAAL')).to.equal(null);
  });
});
