import { Frequency } from '../../shared/period';
import { ExpectedDelivery, ExpectedDeliveryState } from '../overview/expected-delivery.types';

/** An expected-delivery row as the SQL of expected.sql.ts returns it (through json_agg: dates as text). */
export interface ExpectedRow {
  institution_id: string;
  sub_delivery_id: string;
  registry_id: string;
  frequency: string;
  period: string;
  period_end: string;
  deadline: string;
  adjusted: boolean;
  delivered_on: string | null;
}

/** The state of an expected delivery on `asOf` (the SQL twin is `stateSql`). */
export function stateOf(row: Pick<ExpectedRow, 'deadline' | 'delivered_on'>, asOf: string): ExpectedDeliveryState {
  if (row.delivered_on) return row.delivered_on <= row.deadline ? ExpectedDeliveryState.ON_TIME : ExpectedDeliveryState.LATE;
  return row.deadline < asOf ? ExpectedDeliveryState.MISSING : ExpectedDeliveryState.OPEN;
}

export function toExpectedDelivery(row: ExpectedRow, asOf: string): ExpectedDelivery {
  return Object.assign(new ExpectedDelivery(), {
    institutionId: row.institution_id,
    registryId: row.registry_id,
    subDeliveryId: row.sub_delivery_id,
    period: row.period,
    periodEnd: row.period_end,
    frequency: row.frequency as Frequency,
    deadline: row.deadline,
    deadlineAdjusted: row.adjusted,
    state: stateOf(row, asOf),
    deliveredOn: row.delivered_on,
  });
}

/** SQL of the same state, over columns `deadline` and `delivered_on`, with `asOf` as its one value. */
export const STATE_SQL = `case when delivered_on is not null then case when delivered_on <= deadline then 'ON_TIME' else 'LATE' end
  when deadline < ?::date then 'MISSING' else 'OPEN' end`;

/** 0 to `max` rows; anything else is clamped (a page size is not worth an error). */
export function pageSize(first: number | null | undefined, fallback: number, max = 500): number {
  return Math.min(Math.max(first ?? fallback, 0), max);
}
