/**
 * Value syntax of the dictionary's field types (docs/registries/README.md#values: "Dates are YYYY-MM-DD and must
 * exist in the calendar; decimals use a point and the number of decimals the spec gives; codes
 * match their reference table exactly; empty means absent").
 */
import type { FieldDefinition, LocalizedText } from './dictionary-types';

// Hand-written scanners instead of regular expressions and `slice`: these run for every value of
// every record (millions per file), and a charCode loop neither allocates nor pays RegExp's call cost.

function isDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/** Value of the `count` ASCII digits at `from` (the caller has checked they are digits). */
function digitsValue(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** The date's year, or NaN when the text is not a real calendar date in `YYYY-MM-DD` form. */
export function parseDateYear(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(text.charCodeAt(i))) return NaN;
  const year = digitsValue(text, 0, 4);
  const month = digitsValue(text, 5, 2);
  const day = digitsValue(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return NaN;
  return day <= daysInMonth(year, month) ? year : NaN;
}

/** `Number(text.slice(0, 4))`, without the slice for the usual case of four digits (a valid date). */
export function yearOfValidDate(text: string): number {
  if (text.length >= 4 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(1)) && isDigit(text.charCodeAt(2)) && isDigit(text.charCodeAt(3))) {
    return digitsValue(text, 0, 4);
  }
  return Number(text.slice(0, 4));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Index after an optional `-` and 1–15 digits from the start, or -1 when there are none or more. */
function signedDigitsEnd(text: string): number {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let i = start;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const digits = i - start;
  return digits >= 1 && digits <= 15 ? i : -1;
}

/** The integer's value, or NaN when the text is not a whole number written in digits (`-?[0-9]{1,15}`). */
export function parseInteger(text: string): number {
  if (signedDigitsEnd(text) !== text.length) return NaN;
  // At most 15 digits: below 2^53, so the sum is exact and equals Number(text) (`-0` included).
  const negative = text.charCodeAt(0) === 45;
  const value = negative ? digitsValue(text, 1, text.length - 1) : digitsValue(text, 0, text.length);
  return negative ? -value : value;
}

/** 10^0 … 10^22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The decimal's value, or NaN when the text is not a decimal with exactly `decimals` digits after
 * a point (`-?[0-9]{1,15}\.[0-9]{decimals}`; no comma, no exponent).
 */
export function parseDecimal(text: string, decimals: number): number {
  const point = signedDigitsEnd(text);
  if (point < 0 || text.charCodeAt(point) !== 46 || text.length !== point + 1 + decimals) return NaN;
  for (let i = point + 1; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return NaN;
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const digits = point - start + decimals;
  // All digits as one integer over 10^decimals: both exact below 2^53, and IEEE division rounds
  // correctly, so this is the double nearest the decimal, which is what Number(text) gives.
  if (digits > 15 || decimals >= POWERS_OF_TEN.length) return Number(text);
  const scale = POWERS_OF_TEN[decimals]!;
  const value = (digitsValue(text, start, point - start) * scale + digitsValue(text, point + 1, decimals)) / scale;
  return negative ? -value : value;
}

/** `Number(text)` for a value that passed its field's checks; without the string-to-number runtime call for plain integers. */
export function numberOf(text: string): number {
  const n = parseInteger(text);
  return Number.isNaN(n) ? Number(text) : n;
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
