/** Euro amounts: the API counts integer cents; people read and type euros. No imports, so tests load it as is. */

const formats = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Integer euro cents as euros: € 2.000,00 (nl) or €2,000.00 (en). */
export function formatEuroCents(cents: number, locale: 'nl' | 'en'): string {
  return formats[locale].format(cents / 100);
}

/**
 * Euros as typed by a person to whole cents, or null when it is not an amount: `450`, `450,50`,
 * `1.250,00` and `1.250` (Dutch: comma for decimals, dots group thousands), `1250.5`, `€ 450`.
 */
export function parseEuros(text: string): number | null {
  const value = text.trim().replace(/^€\s*/, '');
  if (value === '') return null;
  let normal: string;
  if (value.includes(',')) normal = value.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(value)) normal = value.replace(/\./g, '');
  else normal = value;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  const [whole = '0', fraction = ''] = normal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
