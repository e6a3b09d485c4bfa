import { comparePeriods } from '@datahub/validation';

/**
 * The console's one period order, the server's rule (`@datahub/validation`): by year, then the
 * year itself, its halves, quarters and months; TOTAAL last. TOTAAL is one per year: among those,
 * the one that ends first comes first. Every page that sorts periods sorts with this.
 */
export function comparePeriodRows(a: { period: string; periodEnd?: string | null }, b: { period: string; periodEnd?: string | null }): number {
  return comparePeriods(a.period, b.period) || (a.periodEnd ?? '').localeCompare(b.periodEnd ?? '');
}

export { comparePeriods };
