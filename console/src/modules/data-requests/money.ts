import { i18n } from '../../i18n';

const formats = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Integer euro cents as euros in the console's language: € 2.000,00 (nl) or €2,000.00 (en). */
export function formatCents(cents: number): string {
  return formats[i18n.global.locale.value].format(cents / 100);
}

/**
 * Euros as typed by a person (`450`, `450,50`, `1.250,00`, `1250.5`) to whole cents; null when it
 * is not an amount. A comma is the decimal separator when present (Dutch); dots before it group thousands.
 */
export function parseEuros(text: string): number | null {
  const value = text.trim().replace(/^€\s*/, '');
  if (value === '') return null;
  const normal = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  const [whole = '0', fraction = ''] = normal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
