import { expect } from 'chai';
import {
  addCalendarMonths,
  addWorkingDays,
  dutchPublicHolidays,
  easterSunday,
  invoiceDueOn,
  isWorkingDay,
  usageTerm,
} from '../../server/src/data-requests/working-days';
import { TARGET_WORKING_DAYS } from '../../server/src/data-requests/lifecycle';
import { DataRequestState } from '../../server/src/data-requests/data-request-state';

describe('data request dates: working days, usage term, destruction and invoice deadlines', () => {
  it('computes Easter Sunday by the anonymous Gregorian algorithm (known dates 2008, 2019, 2024, 2025, 2026, 2038)', () => {
    expect(easterSunday(2008)).to.equal('2008-03-23');
    expect(easterSunday(2019)).to.equal('2019-04-21');
    expect(easterSunday(2024)).to.equal('2024-03-31');
    expect(easterSunday(2025)).to.equal('2025-04-20');
    expect(easterSunday(2026)).to.equal('2026-04-05');
    expect(easterSunday(2038)).to.equal('2038-04-25');
  });

  it('lists the Dutch public holidays of 2026, Easter Monday, Ascension and Whit Monday moving with Easter; Good Friday is not one', () => {
    expect([...dutchPublicHolidays(2026).keys()].sort()).to.deep.equal([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(isWorkingDay('2026-04-03')).to.equal(true);
  });

  it("moves King's Day to 26 April when 27 April is a Sunday (2025) and keeps Liberation Day every year", () => {
    const holidays = dutchPublicHolidays(2025);
    expect(holidays.get('2025-04-26')).to.equal('Koningsdag');
    expect(holidays.has('2025-04-27')).to.equal(false);
    expect(dutchPublicHolidays(2027).get('2027-05-05')).to.equal('Bevrijdingsdag');
  });

  it('adds working days skipping weekends and holidays, never counting the start day', () => {
    expect(addWorkingDays('2026-04-02', 2)).to.equal('2026-04-07'); // Good Friday counts, Easter Monday does not
    expect(addWorkingDays('2026-12-24', 1)).to.equal('2026-12-28'); // Christmas and the weekend
    expect(addWorkingDays('2026-05-04', 1)).to.equal('2026-05-06'); // Liberation Day
    expect(addWorkingDays('2026-05-13', 1)).to.equal('2026-05-15'); // Ascension Day
    expect(addWorkingDays('2026-06-05', 0)).to.equal('2026-06-05');
    expect(() => addWorkingDays('2026-06-05', -1)).to.throw(RangeError);
  });

  it('an assessment started on Friday 24 April 2026 is due 20 working days later on 28 May, past Koningsdag, Bevrijdingsdag, Ascension and Whit Monday', () => {
    expect(TARGET_WORKING_DAYS[DataRequestState.IN_ASSESSMENT]).to.equal(20);
    expect(addWorkingDays('2026-04-24', 20)).to.equal('2026-05-28');
  });

  it('adds calendar months clamped to the end of a shorter month (31 May + 3 = 31 Aug; 30 Nov + 3 = 28 or 29 Feb)', () => {
    expect(addCalendarMonths('2026-05-31', 3)).to.equal('2026-08-31');
    expect(addCalendarMonths('2026-11-30', 3)).to.equal('2027-02-28');
    expect(addCalendarMonths('2027-11-30', 3)).to.equal('2028-02-29');
    expect(addCalendarMonths('2026-04-30', 3)).to.equal('2026-07-30');
    expect(addCalendarMonths('2024-02-29', 12)).to.equal('2025-02-28');
  });

  it('gives a usage right of one year from delivery without an agreed term, and destruction due three calendar months after its end', () => {
    expect(usageTerm('2026-05-31', null)).to.deep.equal({ from: '2026-05-31', endsOn: '2027-05-31', destructionDueOn: '2027-08-31' });
    expect(usageTerm('2026-08-30', 3)).to.deep.equal({ from: '2026-08-30', endsOn: '2026-11-30', destructionDueOn: '2027-02-28' });
    expect(() => usageTerm('2026-05-31', 0)).to.throw(RangeError);
  });

  it('puts the invoice due date 14 calendar days after the invoice date, across a month end', () => {
    expect(invoiceDueOn('2026-12-24')).to.equal('2027-01-07');
    expect(invoiceDueOn('2026-02-20')).to.equal('2026-03-06');
  });
});
