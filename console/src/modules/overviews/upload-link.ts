import type { RouteLocationRaw } from 'vue-router';

/** The upload page (Bestanden aanleveren), pre-filled for one stream and period. */
export function uploadLink(row: { registry: { code: string }; subDelivery: { code: string }; period: string }): RouteLocationRaw {
  return { path: '/aanleveren', query: { registry: row.registry.code, subDelivery: row.subDelivery.code, period: row.period } };
}

/** TOTAAL is one per year: show the year it covers beside it. */
export function periodLabel(row: { period: string; periodEnd?: string | null }): string {
  return row.period === 'TOTAAL' && row.periodEnd ? `TOTAAL ${row.periodEnd.slice(0, 4)}` : row.period;
}
