/**
 * Value syntax of the dictionary's field types (specs/README.md: "Dates are YYYY-MM-DD and must
 * exist in the calendar; decimals use a point and the number of decimals the spec gives; codes
 * match their reference table exactly; empty means absent").
 */
import type { FieldDefinition, LocalizedText } from './dictionary-types';

const INTEGER = /^-?[0-9]{1,15}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The date's year, or NaN when the text is not a real calendar date in `YYYY-MM-DD` form. */
export function parseDateYear(text: string): number {
  if (text.length !== 10 || !DATE.test(text)) return NaN;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return NaN;
  return day <= daysInMonth(year, month) ? year : NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The integer's value, or NaN when the text is not a whole number written in digits. */
export function parseInteger(text: string): number {
  return INTEGER.test(text) ? Number(text) : NaN;
}

/** A matcher for decimals with exactly `decimals` digits after a point (no comma, no exponent). */
export function decimalMatcher(decimals: number): RegExp {
  return new RegExp(`^-?[0-9]{1,15}\\.[0-9]{${decimals}}$`);
}

/** Length in Unicode code points, so that `é` or an emoji counts as one character. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff || i + 1 === text.length) length++;
    else {
      const next = text.charCodeAt(i + 1);
      length++;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return length;
}

/** The eleven-test (PMICD 2018.0.5, 040_BSN): 9 digits, 9·d1 + … + 2·d8 − d9 divisible by 11, not all zeros. */
export function passesElevenTest(text: string): boolean {
  if (text.length !== 9) return false;
  let sum = 0;
  let allZero = true;
  for (let i = 0; i < 9; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (digit !== 0) allZero = false;
    sum += i === 8 ? -digit : (9 - i) * digit;
  }
  return !allZero && sum % 11 === 0;
}

/** What 002_Type says is expected when the dictionary gives no `formatDescription`. */
export function defaultFormatDescription(field: FieldDefinition): LocalizedText {
  const c = field.constraints ?? {};
  switch (field.type) {
    case 'date':
      return { nl: 'JJJJ-MM-DD', en: 'YYYY-MM-DD' };
    case 'integer':
      return { nl: 'cijfers, zonder decimalen', en: 'digits, no decimals' };
    case 'decimal':
      return { nl: `${c.decimals} decimalen met een punt`, en: `${c.decimals} decimals with a point` };
    case 'code':
      return { nl: 'code uit de referentielijst', en: 'code from the reference list' };
    case 'string': {
      const min = c.minLength ?? 0;
      if (c.maxLength === undefined) return { nl: `minstens ${min} tekens`, en: `at least ${min} characters` };
      return min > 0
        ? { nl: `${min}–${c.maxLength} tekens`, en: `${min}–${c.maxLength} characters` }
        : { nl: `hoogstens ${c.maxLength} tekens`, en: `at most ${c.maxLength} characters` };
    }
  }
}
