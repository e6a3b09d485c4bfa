import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requestLoaders } from '../../kernel/loaders';
import { Frequency, Period } from '../../common/period';
import { formatIsoDate } from '../../common/calendar';
import { query, raw, type Sql, sql } from '../common/sql';

/**
 * The one place a period's deadline is computed. Verwacht, Overzicht, Aangeleverd and the delivery
 * page all read it from here, so they cannot disagree:
 *
 * - the rule of the schedule whose frequency matches the period (MMY: a half year and a year have
 *   different rules; TOTAAL follows the TOTAL schedule, applied to the calendar year it covers);
 * - unless hub staff set an institution-specific deadline (deadline_exception), which then applies
 *   with its reason; an exempted period has no deadline.
 *
 * `ruleDeadlineSql` is the rule as SQL over a `delivery_schedule` alias, the period's first day and
 * its length in months; expected.sql.ts uses it for every expected period, `deliveryDeadlines` for
 * delivered ones.
 */
export function ruleDeadlineSql(schedule: string, periodStart: string, months: string): Sql {
  const s = schedule;
  const target = `(case when ${s}.deadline_kind = 'FIXED_DATE'
      then make_date(extract(year from ${periodStart})::int + coalesce(${s}.deadline_years_after_period_year, 0), coalesce(${s}.deadline_month, 1), 1)
      else (date_trunc('month', ${periodStart} + make_interval(months => ${months}) - interval '1 day')
            + make_interval(months => coalesce(${s}.deadline_months_after_period_end, 0)))::date end)`;
  return raw(`(case when ${s}.deadline_last_day_of_month then (${target} + interval '1 month' - interval '1 day')::date
      else ${target} + (least(coalesce(${s}.deadline_day, 1), extract(day from ${target} + interval '1 month' - interval '1 day')::int) - 1) end)`);
}

/** What a delivery is due against. */
export interface DeliveryDeadline {
  /** `YYYY-MM-DD`; null when the stream has no schedule for the period's kind, or the period is exempted. */
  deadline: string | null;
  /** True when hub staff set an institution-specific deadline (or exemption) for the period. */
  adjusted: boolean;
  /** Hub staff's reason for it; null when not adjusted. */
  reason: string | null;
}

export interface DeliveryDeadlineKey {
  institutionId: string;
  subDeliveryId: string;
  period: string;
  /** Delivery date (`YYYY-MM-DD`): a TOTAAL delivered in year Y+1 covers year Y. */
  deliveryDate: string;
}

const MONTHS: Record<Frequency, number> = {
  [Frequency.MONTH]: 1,
  [Frequency.QUARTER]: 3,
  [Frequency.HALF_YEAR]: 6,
  [Frequency.YEAR]: 12,
  [Frequency.TOTAL]: 12,
};

/** The period as expected.sql.ts spans it: TOTAAL is the calendar year before the delivery's. */
function span(key: DeliveryDeadlineKey): { frequency: Frequency; start: string; end: string; months: number } | null {
  const period = Period.tryParse(key.period);
  if (!period) return null;
  if (period.kind === Frequency.TOTAL) {
    const year = Number(key.deliveryDate.slice(0, 4)) - 1;
    return { frequency: Frequency.TOTAL, start: formatIsoDate(year, 1, 1), end: formatIsoDate(year, 12, 31), months: 12 };
  }
  return { frequency: period.kind, start: period.startDate as string, end: period.endDate as string, months: MONTHS[period.kind] };
}

const keyText = (key: DeliveryDeadlineKey) => `${key.institutionId}|${key.subDeliveryId}|${key.period}|${key.deliveryDate}`;

/** Deadlines of many deliveries in one statement, in the order of `keys`. */
export async function deliveryDeadlines(em: EntityManager, keys: readonly DeliveryDeadlineKey[]): Promise<DeliveryDeadline[]> {
  const rows = keys.flatMap((key) => {
    const spanned = span(key);
    return spanned
      ? [
          {
            key: keyText(key),
            institution_id: key.institutionId,
            sub_delivery_id: key.subDeliveryId,
            period: key.period,
            frequency: spanned.frequency,
            period_start: spanned.start,
            period_end: spanned.end,
            months: spanned.months,
          },
        ]
      : [];
  });
  const found = new Map<string, DeliveryDeadline>();
  if (rows.length > 0) {
    const result = await query<{ key: string; deadline: string | null; adjusted: boolean; reason: string | null }>(
      em,
      sql`
      select k.key, case when x.exempt then null else to_char(coalesce(x.deadline, ${ruleDeadlineSql('s', 'k.period_start', 'k.months')}), 'YYYY-MM-DD') end as deadline,
             x.id is not null as adjusted, x.reason
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as k(key text, institution_id uuid, sub_delivery_id uuid, period text, frequency text, period_start date, period_end date, months int)
      join delivery_schedule s on s.sub_delivery_id = k.sub_delivery_id and s.frequency = k.frequency
      left join deadline_exception x
        on x.institution_id = k.institution_id and x.sub_delivery_id = k.sub_delivery_id and x.period = k.period and x.period_end = k.period_end`,
    );
    for (const row of result) found.set(row.key, { deadline: row.deadline, adjusted: row.adjusted, reason: row.reason });
  }
  return keys.map((key) => found.get(keyText(key)) ?? { deadline: null, adjusted: false, reason: null });
}

/** Per request: one statement for all deliveries of a page. */
export const deadlineLoaders = requestLoaders((em) => ({
  deadlineOf: new DataLoader<DeliveryDeadlineKey, DeliveryDeadline, string>((keys) => deliveryDeadlines(em, keys), { cacheKeyFn: keyText }),
}));
