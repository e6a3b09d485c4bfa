/** A period as the API's Period scalar takes it: `2026M03`, `2026K1`, `2026H1`, `2026` or `TOTAAL`. */
export const PERIOD_PATTERN = /^(\d{4}(M(0[1-9]|1[0-2])|K[1-4]|H[12])?|TOTAAL)$/;

/** An example period of each schedule frequency, for the period field's hint. */
export const PERIOD_EXAMPLE: Record<string, string> = { MONTH: '2026M03', QUARTER: '2026K1', HALF_YEAR: '2026H1', YEAR: '2026', TOTAL: 'TOTAAL' };
