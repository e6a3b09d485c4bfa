import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en';
import elementNl from 'element-plus/es/locale/lang/nl';
// Element Plus's date pickers take the first day of the week from the Day.js locale of their
// language's name: nl starts on Monday, and so does en-GB (Day.js's "en" starts on Sunday).
import 'dayjs/locale/nl';
import 'dayjs/locale/en-gb';
import { en } from './en';
import { nl, type MessageSchema } from './nl';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'datahub.locale';

export function isLocale(value: string | null): value is Locale {
  return locales.some((locale) => locale === value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : 'nl';
  } catch {
    // Storage can be blocked by browser policy; Dutch is the default then.
    return 'nl';
  }
}

const dateFormats = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  dateTimeSeconds: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
} as const;

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'nl',
  messages: { nl, en },
  datetimeFormats: { nl: dateFormats, en: dateFormats },
});

document.documentElement.lang = i18n.global.locale.value;

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembering the choice is acceptable.
  }
}

/** English as in the UK (weeks start on Monday), Element Plus's texts unchanged. */
const elementEnGb = { ...elementEn, name: 'en-gb' };

/** Element Plus's own texts (pagination, empty table, date pickers) follow the console's language; weeks start on Monday in both. */
export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elementEnGb : elementNl));

/** A GraphQL Date ("YYYY-MM-DD") as a local calendar date, free of time-zone shifts. */
export function parseLocalDate(value: string): Date {
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}
