import { DeliveryStatus } from '../../deliveries/delivery-status';
import { grantCondition, type ReadGrant } from '../../access/read-scope';
import { empty, sql, type Sql, uuidArray } from './sql';
import { ruleDeadlineSql } from '../schedules/delivery-deadline';

/** Statuses that fulfil an expected delivery (issue 6): processed, with or without errors; production only. */
export const FULFILLING = [DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS];
/** For reminders: anything delivered and not (yet) refused stops them, so nobody is chased while their file is being checked. */
export const DELIVERED = [DeliveryStatus.RECEIVED, DeliveryStatus.PROCESSING, DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED_WITH_ERRORS];

export interface ExpectedSelection {
  /** Deliveries after this day do not count; periods that begin after it are not expected yet. */
  asOf: string;
  /** Which streams (null: every institution, hub staff). */
  grants: ReadGrant[] | null;
  /** Narrows the scans of participations and deliveries (null: all institutions). */
  institutionIds: string[] | null;
  registryId?: string | null;
  subDeliveryId?: string | null;
  /** Statuses that fulfil; default FULFILLING (then read from the materialised delivery_fulfilment). */
  statuses?: DeliveryStatus[];
}

const statusList = (statuses: DeliveryStatus[]): Sql => sql`string_to_array(${statuses.join(',')}, ',')`;

/**
 * Expected deliveries with their fulfilment, as one set-based SELECT (no per-row queries):
 *
 * - every participation in production (or ended, up to its end period; or suspended, or back in
 *   testing after a vendor change, i.e. its last move into TESTING came from PRODUCTION) × every schedule of its sub-delivery gives the periods of the
 *   schedule's length (generate_series over month starts) that overlap the participation and have
 *   begun by `asOf`; a TOTAL schedule gives one TOTAAL per calendar year;
 * - a period that overlaps a suspension (from the day of the move to SUSPENDED up to the day
 *   before the move out of it, Europe/Amsterdam; spans read from participation_transition) is not
 *   expected;
 * - the deadline follows the schedule's rule (ruleDeadlineSql in schedules/delivery-deadline.ts, the
 *   one deadline computation that delivered deliveries use too), unless hub staff set another one
 *   (with its reason); an exempted period is not expected at all;
 * - `delivered_on` is the first delivery date of a production delivery for the same institution,
 *   sub-delivery and period with a fulfilling status, up to `asOf` (TOTAAL: delivered in the year
 *   after the one it covers). On time when `delivered_on <= deadline`. With the default statuses
 *   it comes from `delivery_fulfilment` (migration 20261123183134), else from `delivery`.
 *
 * Columns: institution_id, sub_delivery_id, registry_id, frequency, period, period_start,
 * period_end, deadline, adjusted, deadline_reason, delivered_on.
 */
export function expectedDeliveriesSql(selection: ExpectedSelection): Sql {
  const { asOf } = selection;
  const participationScope = selection.institutionIds ? sql` and p.institution_id = any(${uuidArray(selection.institutionIds)})` : empty;
  const deliveryScope = selection.institutionIds ? sql` and d.institution_id = any(${uuidArray(selection.institutionIds)})` : empty;
  const registry = selection.registryId ? sql` and sd.registry_id = ${selection.registryId}::uuid` : empty;
  const subDelivery = selection.subDeliveryId ? sql` and p.sub_delivery_id = ${selection.subDeliveryId}::uuid` : empty;
  const subDeliveryOfDelivery = selection.subDeliveryId ? sql` and d.sub_delivery_id = ${selection.subDeliveryId}::uuid` : empty;
  const grants = grantCondition(selection.grants, { institution: 'p.institution_id', registry: 'sd.registry_id', subDelivery: 'p.sub_delivery_id' });
  // The usual statuses are read from delivery_fulfilment, which triggers keep in step with
  // `delivery`: the earliest date is asOf-independent (none on or before asOf when it is later).
  const fulfilment = selection.statuses
    ? sql`
      select d.institution_id, d.sub_delivery_id, d.period,
             case when d.period = 'TOTAAL' then make_date(extract(year from d.delivery_date)::int - 1, 12, 31) else date '0001-01-01' end as total_end,
             min(d.delivery_date) as delivered_on
      from delivery d
      where not d.test and d.status = any(${statusList(selection.statuses)}) and d.delivery_date <= ${asOf}::date${deliveryScope}${subDeliveryOfDelivery}
      group by 1, 2, 3, 4`
    : sql`
      select d.institution_id, d.sub_delivery_id, d.period, d.total_end, d.delivered_on
      from delivery_fulfilment d
      where d.delivered_on <= ${asOf}::date${deliveryScope}${subDeliveryOfDelivery}`;
  // The periods are computed once (MATERIALIZED) so the joins below compare plain columns and can
  // hash; inlined, PostgreSQL re-evaluated the period code for every candidate pair.
  return sql`
    with e as materialized (
      select p.institution_id, p.sub_delivery_id, sd.registry_id, s.frequency, g.period_start::date as period_start,
             (g.period_start + make_interval(months => l.len) - interval '1 day')::date as period_end,
             case s.frequency
               when 'MONTH' then to_char(g.period_start, 'YYYY"M"MM')
               when 'QUARTER' then to_char(g.period_start, 'YYYY') || 'K' || ((extract(month from g.period_start)::int + 2) / 3)
               when 'HALF_YEAR' then to_char(g.period_start, 'YYYY') || 'H' || ((extract(month from g.period_start)::int + 5) / 6)
               when 'YEAR' then to_char(g.period_start, 'YYYY')
               else 'TOTAAL'
             end as period,
             case when s.frequency = 'TOTAL' then (g.period_start + interval '1 year' - interval '1 day')::date else date '0001-01-01' end as total_end,
             ${ruleDeadlineSql('s', 'g.period_start', 'l.len')} as rule_deadline
      from participation p
      join sub_delivery sd on sd.id = p.sub_delivery_id
      join delivery_schedule s on s.sub_delivery_id = p.sub_delivery_id
      cross join lateral (select case s.frequency when 'MONTH' then 1 when 'QUARTER' then 3 when 'HALF_YEAR' then 6 else 12 end as len) l
      cross join lateral overview_period_starts(
        make_date(extract(year from p.start_date)::int, ((extract(month from p.start_date)::int - 1) / l.len) * l.len + 1, 1),
        least(${asOf}::date, coalesce(p.end_date, ${asOf}::date)),
        l.len
      ) as g(period_start)
      where (p.state in ('PRODUCTION', 'SUSPENDED') or (p.state = 'ENDED' and p.end_date is not null)
             or (p.state = 'TESTING' and (select w.from_state from participation_transition w where w.participation_id = p.id and w.to_state = 'TESTING' order by w.at desc limit 1) = 'PRODUCTION'))
        and not exists (
          select 1 from participation_transition ts
          where ts.participation_id = p.id and ts.to_state = 'SUSPENDED'
            and (ts.at at time zone 'Europe/Amsterdam')::date < g.period_start + make_interval(months => l.len)
            and coalesce((select (min(tr.at) at time zone 'Europe/Amsterdam')::date from participation_transition tr
                          where tr.participation_id = p.id and tr.from_state = 'SUSPENDED' and tr.at > ts.at), 'infinity'::date) > g.period_start
        )${participationScope}${registry}${subDelivery}${grants}
    ), f as materialized (${fulfilment})
    select e.institution_id, e.sub_delivery_id, e.registry_id, e.frequency, e.period, e.period_start, e.period_end,
           coalesce(x.deadline, e.rule_deadline) as deadline, x.id is not null as adjusted, x.reason as deadline_reason, f.delivered_on
    from e
    left join deadline_exception x
      on x.institution_id = e.institution_id and x.sub_delivery_id = e.sub_delivery_id and x.period = e.period and x.period_end = e.period_end
    left join f on f.institution_id = e.institution_id and f.sub_delivery_id = e.sub_delivery_id and f.period = e.period and f.total_end = e.total_end
    where x.exempt is not true`;
}
