import { addMonths, daysInMonth, formatIsoDate, parseIsoDate } from '../common/calendar';

/**
 * Dates of the data request protocol: working days without Dutch public holidays, calendar-month
 * terms (usage right, destruction) and the invoice's payment term. Dates are ISO `YYYY-MM-DD`
 * strings, days without time zones, like the rest of the hub's calendar arithmetic.
 */

function parts(date: string): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not an ISO date: ${date}`);
  return parsed;
}

function toUtc(date: string): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(date: Date): string {
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/**
 * The Dutch public holidays that stop a term, as the Algemene termijnenwet counts them: New Year's
 * Day, Easter Monday, King's Day (27 April, 26 April when the 27th is a Sunday), Liberation Day
 * (5 May, every year), Ascension Day, Whit Monday, Christmas Day and Boxing Day. Good Friday is not
 * among them. Easter Sunday and Whit Sunday are Sundays and so no working day anyway.
 */
export function dutchPublicHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? formatIsoDate(year, 4, 26) : formatIsoDate(year, 4, 27);
  return new Map([
    [formatIsoDate(year, 1, 1), 'Nieuwjaarsdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [formatIsoDate(year, 5, 5), 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [formatIsoDate(year, 12, 25), 'Eerste Kerstdag'],
    [formatIsoDate(year, 12, 26), 'Tweede Kerstdag'],
  ]);
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = dutchPublicHolidays(year);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

/** Monday to Friday and not a Dutch public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(parts(date).year).has(date);
}

/**
 * The `n`th working day after `date` (n ≥ 0; `date` itself is never counted, so a step started on a
 * Friday with one working day is due on Monday, or Tuesday after Easter).
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let current = date;
  for (let left = n; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * `months` calendar months after `date`, on the same day of the month, or the month's last day when
 * it has no such day (31 May + 3 months = 31 August; 30 November + 3 months = 28 or 29 February).
 */
export function addCalendarMonths(date: string, months: number): string {
  const { year, month, day } = parts(date);
  const target = addMonths(year, month, months);
  return formatIsoDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** Without an agreed term, the usage right is at most one year (Aflevervoorwaarden art. 6). */
export const DEFAULT_USAGE_MONTHS = 12;

/** Destruction is due within three calendar months after the usage right ends (Aflevervoorwaarden art. 10). */
export const DESTRUCTION_MONTHS = 3;

/** Invoices are paid within 14 calendar days of their date (Aflevervoorwaarden art. 12). */
export const INVOICE_PAYMENT_DAYS = 14;

export interface UsageTerm {
  /** The delivery date: the usage right starts here. */
  from: string;
  /** The day the usage right ends: `from` plus the agreed term in calendar months. */
  endsOn: string;
  /** The last day on which destruction may be confirmed in time. */
  destructionDueOn: string;
}

/** The usage right from delivery for the agreed term (default one year) and the destruction deadline after it. */
export function usageTerm(deliveredOn: string, agreedMonths: number | null): UsageTerm {
  const months = agreedMonths ?? DEFAULT_USAGE_MONTHS;
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`a term is a whole number of months ≥ 1: ${months}`);
  const endsOn = addCalendarMonths(deliveredOn, months);
  return { from: deliveredOn, endsOn, destructionDueOn: addCalendarMonths(endsOn, DESTRUCTION_MONTHS) };
}

/** The invoice's due date: 14 calendar days after its date (weekends and holidays count). */
export function invoiceDueOn(invoiceDate: string): string {
  return addDays(invoiceDate, INVOICE_PAYMENT_DAYS);
}
